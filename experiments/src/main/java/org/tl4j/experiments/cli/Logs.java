package org.tl4j.experiments.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Logging for the command line: one short line per record on standard error; Tribuo's per-fit INFO lines hidden. */
final class Logs {
    /** Strong references: java.util.logging keeps loggers weakly, so a level set on a collected logger is lost. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger OLCUT = Logger.getLogger("com.oracle.labs.mlrg.olcut");

    private Logs() {
    }

    /** Configures java.util.logging unless the user passed a configuration file. */
    static void configure(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(Level.ALL);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String msg = r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + formatMessage(r)
                        + System.lineSeparator();
                if (r.getThrown() != null && verbose) {
                    java.io.StringWriter sw = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                    msg += sw;
                }
                return msg;
            }
        });
        root.addHandler(h);
        root.setLevel(verbose ? Level.FINE : Level.INFO);
        TRIBUO.setLevel(verbose ? Level.INFO : Level.WARNING);
        OLCUT.setLevel(Level.WARNING);
    }
}
