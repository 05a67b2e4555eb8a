"""Python peers of tl4j's Office-Caltech10 SURF measurements (the references of README-speed-section.md).

Same data, same preprocessing as the `office-caltech` suite (each histogram divided by its sum, then z-scored per
domain with the population standard deviation), same 12 pairs in the same order. Run with the Python that has
numpy/scipy (and scikit-learn for `logistic`):

    python3 office_caltech_peers.py DATA_DIR start     # whole process: load, preprocess, 12 x 1-NN (time it outside)
    python3 office_caltech_peers.py DATA_DIR sa        # SA (d = 30) fit, scipy eigh of the leading 30 only
    python3 office_caltech_peers.py DATA_DIR coral     # CORAL (eps = 1) fit, two full eigh
    python3 office_caltech_peers.py DATA_DIR logistic  # scikit-learn LogisticRegression(C=1), lbfgs

Each prints the summed fit seconds (except `start`) and the accuracies.
"""
import sys
import time

import numpy as np
import scipy.io
import scipy.linalg

SITES = {"C": "Caltech10", "A": "amazon", "W": "webcam", "D": "dslr"}
PAIRS = ["C->A", "C->W", "C->D", "A->C", "A->W", "A->D", "W->C", "W->A", "W->D", "D->C", "D->A", "D->W"]


def load(data_dir):
    out = {}
    for code, name in SITES.items():
        m = scipy.io.loadmat(f"{data_dir}/data/office-caltech10-surf/{name}_SURF_L10.mat")
        x = m["fts"].astype(np.float64)
        s = x.sum(axis=1, keepdims=True)
        x = np.divide(x, s, out=x.copy(), where=s != 0)
        mu = x.mean(axis=0)
        sd = x.std(axis=0)
        x = np.divide(x - mu, sd, out=np.zeros_like(x), where=sd != 0)
        out[code] = (x, m["labels"].ravel())
    return out


def nn1(xs, ys, xt):
    # Squared distances up to the row-constant |xt|^2; ties go to the lower training index (argmin).
    d = (xs * xs).sum(axis=1)[None, :] - 2.0 * xt @ xs.T
    return ys[np.argmin(d, axis=1)]


def sa_fit(xs, xt, d=30):
    def basis(x):
        c = np.cov(x, rowvar=False, bias=True)
        n = c.shape[0]
        w, v = scipy.linalg.eigh(c, subset_by_index=[n - d, n - 1])
        return v[:, ::-1]
    ps, pt = basis(xs), basis(xt)
    return xs @ (ps @ (ps.T @ pt)), xt @ pt


def coral_fit(xs, xt, eps=1.0):
    def powm(c, p):
        w, v = scipy.linalg.eigh(c)
        return (v * np.maximum(w, 0) ** p) @ v.T
    cs = np.cov(xs, rowvar=False) + eps * np.eye(xs.shape[1])
    ct = np.cov(xt, rowvar=False) + eps * np.eye(xt.shape[1])
    return xs @ (powm(cs, -0.5) @ powm(ct, 0.5)), xt


def main():
    data_dir, what = sys.argv[1], sys.argv[2]
    data = load(data_dir)
    total, accs = 0.0, []
    for pair in PAIRS:
        s, t = pair.split("->")
        (xs, ys), (xt, yt) = data[s], data[t]
        if what == "start":
            pred = nn1(xs, ys, xt)
        elif what in ("sa", "coral"):
            t0 = time.perf_counter()
            zs, zt = (sa_fit if what == "sa" else coral_fit)(xs, xt)
            total += time.perf_counter() - t0
            pred = nn1(zs, ys, zt)
        elif what == "logistic":
            from sklearn.linear_model import LogisticRegression
            t0 = time.perf_counter()
            m = LogisticRegression(C=1.0, max_iter=int(sys.argv[3]) if len(sys.argv) > 3 else 100).fit(xs, ys)
            total += time.perf_counter() - t0
            pred = m.predict(xt)
        else:
            raise SystemExit(f"unknown measurement {what!r}: expected start, sa, coral or logistic")
        accs.append(100.0 * np.mean(pred == yt))
    print(what, f"fit_s={total:.3f}", f"mean={np.mean(accs):.2f}", " ".join(f"{p}={a:.2f}" for p, a in zip(PAIRS, accs)))


if __name__ == "__main__":
    main()
