package org.tl4j.experiments.cli;

import org.tl4j.core.Tl4j;
import org.tl4j.core.eval.RequestException;
import org.tribuo.Tribuo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;

/**
 * The {@code tl} command: lists strategies and suites and runs evaluations. Exit codes: 0 success, 1 failure
 * (including a run in which some fit failed), 2 usage error with a message naming the bad argument — picocli's own
 * and every {@link RequestException} a command throws.
 */
@Command(name = "tl", mixinStandardHelpOptions = true, versionProvider = Tl.Version.class,
        description = "tl4j: transfer learning for Java. Compare transfer strategies against baselines with "
                + "negative-transfer checks.",
        subcommands = {StrategiesCommand.class, SuitesCommand.class, RunCommand.class, LfwCommand.class, DriftCommand.class,
                Table4Command.class, ExportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Tl implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log details and stack traces.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use one of strategies, suites, run, lfw, drift, table4, export, bench (see tl --help)");
    }

    /** Runs {@code tl} and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs {@code tl} with the given output streams; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(new CommandLine(new Tl()), out, err, args);
    }

    /**
     * Runs {@code cl} — the {@code tl} command, possibly with subcommands added (module {@code spark} adds
     * {@code tl spark}) — with tl's logging, error handling and exit codes.
     */
    public static int execute(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        Logs.configure(verbose);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof RequestException) {
                // A request that cannot be met as given (found by the command, e.g. against the suite): a usage error.
                cmd.getErr().println("tl: usage error: " + ex.getMessage());
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
                cmd.getErr().flush();
                return CommandLine.ExitCode.USAGE;
            }
            cmd.getErr().println("tl: error: " + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("tl: usage error: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Version text. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"tl4j " + Tl4j.VERSION + ", Tribuo " + Tribuo.VERSION
                    + ", Java " + System.getProperty("java.version")};
        }
    }
}
