package org.tl4j.experiments.cli;

import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;
import org.tl4j.experiments.report.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tl suites}: the registered suites and the parameters each reads. */
@Command(name = "suites", mixinStandardHelpOptions = true, description = "List the suites tl run can run.")
final class SuitesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TextTable t = new TextTable(List.of("suite", "description"));
        List<SuiteProvider> suites = SuiteRegistry.load().suites();
        for (SuiteProvider s : suites) {
            t.add(List.of(s.name(), s.description()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(t.render());
        out.println();
        out.println("Parameters (tl run --param KEY=VALUE):");
        for (SuiteProvider s : suites) {
            if (s.parameters().isEmpty()) {
                out.println("  " + s.name() + ": none");
            }
            s.parameters().forEach((k, v) -> out.println("  " + s.name() + ": " + k + " - " + v));
        }
        out.flush();
        return 0;
    }
}
