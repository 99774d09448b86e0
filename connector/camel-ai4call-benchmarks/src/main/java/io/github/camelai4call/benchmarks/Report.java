package io.github.camelai4call.benchmarks;

import static io.github.camelai4call.benchmarks.Markdown.format;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.component.rest.openapi.RestOpenApiComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Markdown section of docs/performance.md: the prose is the resource {@code report.md}; its parts
 * ({@link ThroughputPart}, {@link StartupPart}, {@link SizePart}) make the tables and judged goals, this class the
 * machine and run facts, the goals as {@link Goals} states them, and the whole.
 */
final class Report {

    private final RunResults run;

    private Report(RunResults run) {
        this.run = run;
    }

    static String markdown(RunResults run) {
        return new Report(run).render();
    }

    private String render() {
        List<ReportPart> parts = List.of(machineAndRun(),
                new ThroughputPart(run.throughput(), run.settings().rounds()).render(),
                new StartupPart(run.coldStarts(), run.harnessStartups()).render(),
                new SizePart(run.size()).render());
        Map<String, String> values = new HashMap<>();
        StringBuilder reading = new StringBuilder();
        for (ReportPart part : parts) {
            values.putAll(part.values());
            reading.append(part.reading());
        }
        values.put("goals", goals());
        values.put("reading", reading.toString());
        values.put("problems", problems());
        return Template.load("report.md").fill(values);
    }

    /** The machine, the software measured, the method's settings and how to run it again. */
    private ReportPart machineAndRun() {
        RunSettings s = run.settings();
        Map<String, String> v = new HashMap<>();
        v.put("date", run.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        v.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        v.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + "), heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        v.put("camel", String.valueOf(DefaultCamelContext.class.getPackage().getImplementationVersion()));
        v.put("restOpenApi", String.valueOf(RestOpenApiComponent.class.getPackage().getImplementationVersion()));
        v.put("goalCallers", String.valueOf(Goals.CALLERS));
        v.put("warmupMin", format("%.0f", s.warmupMinSeconds()));
        v.put("warmupMax", format("%.0f", s.warmupMaxSeconds()));
        v.put("rounds", String.valueOf(s.rounds()));
        v.put("roundSeconds", format("%.1f", s.roundSeconds()));
        v.put("runSeconds", format("%.0f", run.seconds()));
        v.put("loadAtStart", run.loadAtStart());
        v.put("loadAtEnd", run.loadAtEnd());
        v.put("command", BenchmarkMain.COMMAND);
        v.put("outboundBody", Markdown.json(Client.OUTBOUND_BODY));
        return new ReportPart(v, "");
    }

    /** The goals as {@link Goals} states them. */
    private static String goals() {
        String throughput = Goals.THROUGHPUT.stream().filter(Goals.ThroughputRatio::isGoal)
                .map(g -> "- Throughput at " + Goals.CALLERS + " callers, each operation: " + g.statement() + ".\n")
                .collect(Collectors.joining());
        return throughput + "- Start-up, cold, the connector's share: " + Goals.STARTUP_SHARE.statement() + ", in the same run, "
               + Goals.STARTUP_SHARE.judgedWith().stream().map(c -> c.label).collect(Collectors.joining(" and "))
               + " (other class caches for information).\n";
    }

    private String problems() {
        if (run.problems().isEmpty()) {
            return "";
        }
        return "\n## Problems during the run\n\n" + run.problems().stream().map(p -> "- " + p + "\n").collect(Collectors.joining());
    }
}
