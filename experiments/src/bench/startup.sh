#!/usr/bin/env bash
# Start-up benchmark: the whole `tl run` process fitting only source-only on Office-Caltech10 SURF (12 pairs)
# against the Python peer doing the same work (python/office_caltech_peers.py: load the four MAT files, row-sum +
# per-domain z-score, then the same inner learner on the 12 pairs), alternating runs so both see the same load.
#
#   experiments/src/bench/startup.sh [ROUNDS] [INNER]
#     ROUNDS  runs of each command (default 5)
#     INNER   1nn (default: tl's default inner learner for the suite, peer `start`) or logistic (tl -o
#             inner=logistic, peer scikit-learn LogisticRegression(C=1))
# Environment: PY (a python3 with numpy/scipy, and scikit-learn for logistic; default /usr/bin/python3),
#   TL4J_SHARED (default ../shared next to this checkout), TL_JAVA_OPTS / TL_CDS as for ./tl,
#   BASELINE (the tl launcher of another build, e.g. a checkout of main: each round runs it too, for before/after).
# Prints one line per run (wall, user, sys seconds) and the medians, with the load average before and after.
# OpenBLAS runs one thread in both (numpy through OPENBLAS_NUM_THREADS=1, tl4j by default).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
rounds="${1:-5}"
inner="${2:-1nn}"
py="${PY:-/usr/bin/python3}"
shared="${TL4J_SHARED:-$root/../shared}"
case "$inner" in
  1nn) peer_mode=start; tl_extra=() ;;
  logistic) peer_mode=logistic; tl_extra=(-o inner=logistic) ;;
  *) echo "startup.sh: unknown inner learner '$inner': expected 1nn or logistic" >&2; exit 2 ;;
esac
"$py" -c 'import numpy, scipy' 2>/dev/null || { echo "startup.sh: $py lacks numpy/scipy; set PY" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# One run outside the measurement: builds tl if needed and records its class-data sharing archive.
baseline="${BASELINE:-}"
whos="tl py"
for launcher in "$root/tl" ${baseline:+"$baseline"}; do
  "$launcher" run --suite office-caltech --strategies source-only --seeds 1 --no-discrepancy "${tl_extra[@]}" \
      --data "$shared" --out "$out/warm" --overwrite >/dev/null 2>&1
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$out/tl.times"
: >"$out/py.times"
if [ -n "$baseline" ]; then
  : >"$out/base.times"
  whos="tl base py"
fi
for i in $(seq 1 "$rounds"); do
  /usr/bin/time -f '%e %U %S' -o "$out/t" "$root/tl" run --suite office-caltech --strategies source-only --seeds 1 \
      --no-discrepancy "${tl_extra[@]}" --data "$shared" --out "$out/run$i" >/dev/null 2>&1
  cat "$out/t" >>"$out/tl.times"
  echo "tl  round $i: $(cat "$out/t")"
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%e %U %S' -o "$out/t" "$py" \
      "$root/experiments/src/bench/python/office_caltech_peers.py" "$shared" "$peer_mode" >/dev/null
  cat "$out/t" >>"$out/py.times"
  echo "py  round $i: $(cat "$out/t")"
  if [ -n "$baseline" ]; then
    /usr/bin/time -f '%e %U %S' -o "$out/t" "$baseline" run --suite office-caltech --strategies source-only \
        --seeds 1 --no-discrepancy "${tl_extra[@]}" --data "$shared" --out "$out/base$i" >/dev/null 2>&1
    cat "$out/t" >>"$out/base.times"
    echo "base round $i: $(cat "$out/t")"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for who in $whos; do
  wall=$(cut -d' ' -f1 "$out/$who.times" | median)
  cpu=$(awk '{print $2 + $3}' "$out/$who.times" | median)
  echo "$who median: wall $wall s, cpu (user+sys) $cpu s"
  eval "${who}_wall=$wall ${who}_cpu=$cpu"
done
awk -v a="$tl_wall" -v b="$py_wall" -v c="$tl_cpu" -v d="$py_cpu" \
    'BEGIN {printf "ratio tl/py: wall %.2f, cpu %.2f\n", a / b, c / d}'
if [ -n "$baseline" ]; then
  awk -v a="$tl_wall" -v b="$base_wall" -v c="$tl_cpu" -v d="$base_cpu" \
      'BEGIN {printf "ratio tl/baseline: wall %.2f, cpu %.2f\n", a / b, c / d}'
fi
