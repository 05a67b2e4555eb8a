package org.tl4j.experiments.cli;

import org.tl4j.core.suite.SuiteProvider;
import org.tl4j.core.suite.SuiteRegistry;
import org.tl4j.experiments.report.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tl suites}: the registered suites. */
@Command(name = "suites", mixinStandardHelpOptions = true, description = "List the suites tl run can run.")
final class SuitesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TextTable t = new TextTable(List.of("suite", "description"));
        for (SuiteProvider s : SuiteRegistry.load().suites()) {
            t.add(List.of(s.name(), s.description()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(t.render());
        out.flush();
        return 0;
    }
}
