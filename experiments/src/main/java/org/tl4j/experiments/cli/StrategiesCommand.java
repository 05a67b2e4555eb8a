package org.tl4j.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tl4j.core.StrategyDescriptor;
import org.tl4j.core.StrategyRegistry;
import org.tl4j.experiments.report.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tl strategies}: one row per registered strategy. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the registered transfer strategies with their approach, settings and module.")
final class StrategiesCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, csv, json }

    /** The CSV header. */
    static final List<String> CSV_HEADER = List.of("name", "approach", "settings", "module", "description");

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<StrategyDescriptor> ds = StrategyRegistry.load().descriptors();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case csv -> {
                CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT);
                p.printRecord(CSV_HEADER);
                for (StrategyDescriptor d : ds) {
                    p.printRecord(d.name(), d.approachLabel(), d.settingsLabel(), d.module(), d.description());
                }
                p.flush();
            }
            case json -> {
                List<Map<String, Object>> l = new ArrayList<>();
                for (StrategyDescriptor d : ds) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", d.name());
                    m.put("approach", d.approachLabel());
                    m.put("settings", d.settings().stream().map(s -> s.label()).toList());
                    m.put("module", d.module());
                    m.put("dataKind", d.dataKind());
                    m.put("description", d.description());
                    l.add(m);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(l));
            }
            case table -> {
                TextTable t = new TextTable(List.of("name", "approach", "settings", "module", "data", "description"));
                for (StrategyDescriptor d : ds) {
                    t.add(List.of(d.name(), d.approachLabel(), d.settingsLabel().replace(';', ','), d.module(),
                            d.dataKind(), d.description()));
                }
                out.print(t.render());
            }
        }
        out.flush();
        return 0;
    }
}
