package org.tl4j.experiments.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tl4j.core.eval.ProgressListener;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long run: a progress bar when standard error is a terminal, plain lines
 * ({@code [12/105] task / strategy / seed 3  (4.2 s)}) otherwise, e.g. in CI logs.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream err;
    private final boolean bar;
    private final String unit;
    private ProgressBar pb;
    private long total;
    private long done;
    private long started;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this(err, terminal, "fits");
    }

    /** A progress printer counting {@code unit} (e.g. {@code fits}, {@code chunks}). */
    ConsoleProgress(PrintStream err, boolean terminal, String unit) {
        this.err = err;
        this.bar = terminal;
        this.unit = unit;
    }

    @Override
    public void start(String what, long total) {
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        if (bar) {
            pb = new ProgressBarBuilder().setTaskName(what).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200)
                    .setMaxRenderedLength(120).build();
        } else {
            err.println(what + ": " + total + " " + unit);
        }
    }

    @Override
    public void step(String message) {
        done++;
        if (bar) {
            pb.step();
            pb.setExtraMessage(message.length() > 50 ? message.substring(0, 50) : message);
        } else {
            double s = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
            err.println(String.format(Locale.ROOT, "[%d/%d] %s  (%.1f s)", done, total, message, s));
        }
    }

    @Override
    public void finish() {
        if (pb != null) {
            pb.close();
            pb = null;
        }
    }
}
