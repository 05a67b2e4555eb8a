package org.tl4j.experiments.lfw;

import org.tl4j.core.eval.NegativeTransferTest;

import java.util.Locale;

/**
 * Whether a source gives useful transfer on LFW verification, judged against the no-source control (raw pixels
 * of the same crops) fold by fold: the paired gaps {@code error(source) − error(pixels)} over the ten folds are
 * tested one-sided in both directions with core's {@link NegativeTransferTest} (a paired t-test, after Wang et al.,
 * <i>Characterizing and Avoiding Negative Transfer</i>, CVPR 2019).
 *
 * @param kind    the verdict
 * @param gainPp  mean accuracy gain over the control in percentage points
 * @param pUseful one-sided p-value of "the source is more accurate"
 * @param pWorse  one-sided p-value of "the source is less accurate"
 */
public record TransferVerdict(Kind kind, double gainPp, double pUseful, double pWorse) {

    /** The three outcomes. */
    public enum Kind {
        /** Significantly more accurate than no source. */
        USEFUL,
        /** Not significantly more accurate than no source. */
        NONE,
        /** Significantly less accurate than no source. */
        NEGATIVE,
        /** This row is the control itself. */
        CONTROL,
        /** No verdict: the control was not run ({@code --no-pixels}), so there is nothing to compare with. */
        NO_CONTROL
    }

    /**
     * Compares per-fold accuracies of a source with the control's.
     *
     * @throws IllegalArgumentException if the fold counts differ
     */
    public static TransferVerdict of(double[] sourceFoldAccuracy, double[] controlFoldAccuracy, double alpha) {
        if (sourceFoldAccuracy.length != controlFoldAccuracy.length) {
            throw new IllegalArgumentException("Fold counts differ: " + sourceFoldAccuracy.length + " and "
                    + controlFoldAccuracy.length);
        }
        int k = sourceFoldAccuracy.length;
        double[] gap = new double[k];
        double[] neg = new double[k];
        double gain = 0;
        for (int i = 0; i < k; i++) {
            gap[i] = (1 - sourceFoldAccuracy[i]) - (1 - controlFoldAccuracy[i]);
            neg[i] = -gap[i];
            gain -= gap[i];
        }
        NegativeTransferTest.Result worse = NegativeTransferTest.decide(gap, alpha);
        NegativeTransferTest.Result better = NegativeTransferTest.decide(neg, alpha);
        Kind kind = worse.verdict() == NegativeTransferTest.Verdict.NEGATIVE ? Kind.NEGATIVE
                : better.verdict() == NegativeTransferTest.Verdict.NEGATIVE ? Kind.USEFUL : Kind.NONE;
        return new TransferVerdict(kind, 100 * gain / k, better.pValue(), worse.pValue());
    }

    /** The verdict of the control row. */
    public static TransferVerdict control() {
        return new TransferVerdict(Kind.CONTROL, 0, Double.NaN, Double.NaN);
    }

    /** No verdict, for a run without the control: the gain and p-values are unknown (NaN). */
    public static TransferVerdict noControl() {
        return new TransferVerdict(Kind.NO_CONTROL, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A sentence for reports. */
    public String sentence(String source) {
        return switch (kind) {
            case USEFUL -> String.format(Locale.ROOT, "useful transfer: %s is %.2f pp more accurate than no source "
                    + "(p = %.2g)", source, gainPp, pUseful);
            case NONE -> String.format(Locale.ROOT, "no useful transfer: %s is not significantly more accurate than no "
                    + "source (%+.2f pp, p = %.2g)", source, gainPp, pUseful);
            case NEGATIVE -> String.format(Locale.ROOT, "negative transfer: %s is %.2f pp less accurate than no source "
                    + "(p = %.2g); this source gives no useful transfer", source, -gainPp, pWorse);
            case CONTROL -> "control (no source)";
            case NO_CONTROL -> "no verdict: the no-source control (pixels) was not run (--no-pixels), so whether "
                    + source + " transfers usefully is not known";
        };
    }

    /** A short label for tables. */
    public String label() {
        return switch (kind) {
            case USEFUL -> "useful";
            case NONE -> "none";
            case NEGATIVE -> "NEGATIVE";
            case CONTROL -> "control";
            case NO_CONTROL -> "n/a";
        };
    }
}
