package io.github.camelai4call.benchmarks;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.camel.component.rest.openapi.RestOpenApiComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Markdown section of docs/performance.md: the prose is the resource {@code report.md}; this class makes the
 * values, tables and judged goals that go into it.
 */
final class Report {

    private static final String CONNECTOR_CLIENT = "org.apache.httpcomponents.client5:httpclient5";

    private final RunResults run;
    private final StringBuilder reading = new StringBuilder();

    private Report(RunResults run) {
        this.run = run;
    }

    static String markdown(RunResults run) {
        return new Report(run).render();
    }

    private String render() {
        RunSettings s = run.settings();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("goals", goals());
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
        v.put("outboundBody", json(Client.OUTBOUND_BODY));
        v.put("throughput", throughput());
        v.put("endpoints", String.valueOf(ColdStarts.ENDPOINTS));
        v.put("coldStartApplication", BenchmarkMain.COLD_START_APPLICATION.stream().map(Report::artifactId)
                .map(a -> "`" + a + "`").collect(Collectors.joining(", ")));
        v.put("coldStartJars", String.valueOf(run.coldStarts().classpath().size()));
        v.put("coldStartRuns", String.valueOf(run.coldStarts().runs()));
        v.put("aotJava", String.valueOf(ColdStarts.AOT_CACHE_JAVA));
        v.put("coldStartTable", coldStartTable());
        v.put("coldStartClasspath", run.coldStarts().classpath().stream().map(j -> "`" + j + "`").collect(Collectors.joining(", ")));
        v.put("startupGoal", startupGoal());
        v.put("harnessWarmCount", String.valueOf(run.harnessStartups().warm().count()));
        v.put("harnessStartupTable", harnessStartupTable());
        v.put("camelBaseline", BenchmarkMain.CAMEL_BASELINE.stream().map(Report::artifactId).map(a -> "`" + a + "`")
                .collect(Collectors.joining(" + ")));
        v.put("sizeTable", sizeTable());
        v.put("addedJars", addedJars());
        v.put("problems", problems());
        v.put("reading", reading.toString()); // last: the sections above add their sentences to it
        return Template.load("report.md").fill(v);
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

    // ------------------------------------------------------------------ throughput

    private String throughput() {
        StringBuilder b = new StringBuilder();
        Throughput t = run.throughput();
        for (Server server : Server.values()) {
            List<Throughput.Row> rows = t.of(server);
            if (rows.isEmpty()) {
                continue;
            }
            b.append("### Against the ").append(server.label).append("\n\n");
            b.append(throughputTable(t, rows));
            b.append("Warm-up before the first timed round (both operations at ").append(Goals.CALLERS)
                    .append(" callers, until steady): ")
                    .append(t.warmups().stream().filter(w -> w.server() == server)
                            .map(w -> format("%s %.0f s%s", w.client().label, w.warmup().seconds(), steady(w.warmup())))
                            .collect(Collectors.joining("; ")))
                    .append(".\n\n");
            b.append(goalTable(t, server));
        }
        if (t.rows().stream().anyMatch(r -> r.client() == ClientKind.RAW_JDK && r.stats().errors() > 0)) {
            reading.append("- The JDK client's failed calls are its own: with `-Djdk.httpclient.HttpClient.log=errors` it "
                    + "reports `connection closed locally` (it closes a pooled connection while reusing it) and retries "
                    + "such a GET once by itself, but never a POST. The other clients see no error on the same servers.\n");
        }
        reading.append("- Run-to-run noise is large on 2 shared cores (see CV and the load average above): ratios of one run "
                + "differ by about ±0.1 from the next, so a goal measured within 0.1 of its threshold is met (or missed) "
                + "only marginally.\n");
        return b.toString();
    }

    private String throughputTable(Throughput t, List<Throughput.Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(format("| Operation | Callers | Client | req/s (mean of %d) | sd | CV | min – max | vs fastest raw | "
                + "CPU µs per call: user + system | warm-up |%n", run.settings().rounds()));
        b.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Throughput.Row r : rows) {
            Throughput.Stats s = r.stats();
            double raw = t.fastestRaw(r.server(), r.op(), r.callers()).map(x -> x.stats().mean()).orElse(Double.NaN);
            b.append(format("| %s | %d | %s | **%,.0f** | %,.0f | %.1f%% | %,.0f – %,.0f | %.2fx | %s | %.0f s%s |%n",
                    r.op(), r.callers(), r.client().label, s.mean(), s.rates().sd(), s.rates().cv(), s.rates().min(),
                    s.rates().max(), s.mean() / raw, Double.isNaN(s.userMicros()) ? "n/a"
                            : format("%.1f + %.1f = %.1f", s.userMicros(), s.systemMicros(), s.cpuMicros()),
                    s.warmup().seconds(), steady(s.warmup())));
        }
        b.append('\n');
        String errors = rows.stream().filter(r -> r.stats().errors() > 0)
                .map(r -> format("- %s, %s, %d callers: %d failed calls (not counted), first: `%s`%n", r.client().label,
                        r.op(), r.callers(), r.stats().errors(), r.stats().firstError()))
                .collect(Collectors.joining());
        return errors.isEmpty() ? b.toString() : b.append(errors).append('\n').toString();
    }

    /** The ratios of {@link Goals#THROUGHPUT} against one server, as a table and as sentences of the reading. */
    private String goalTable(Throughput t, Server server) {
        StringBuilder b = new StringBuilder();
        b.append("| Goal | Operation | Measured | Met |\n|---|---|---:|:---:|\n");
        int judged = 0;
        for (Client.Op op : Client.Op.values()) {
            for (Goals.ThroughputRatio ratio : Goals.THROUGHPUT) {
                Optional<Throughput.Row> subject = t.find(server, op, Goals.CALLERS, ratio.subject());
                Optional<Throughput.Row> anchor = t.find(server, op, Goals.CALLERS, ratio.anchor());
                if (subject.isEmpty() || anchor.isEmpty()) {
                    continue;
                }
                double value = subject.get().stats().mean() / anchor.get().stats().mean();
                b.append(format("| %s | %s | %.3fx | %s |%n", ratio.statement(), op, value,
                        ratio.isGoal() ? (ratio.met(value) ? "yes" : "**no**") : ""));
                reading.append(throughputSentence(server, op, ratio, value, subject.get(), anchor.get()));
                judged++;
            }
        }
        String title = "#### Goals at " + Goals.CALLERS + " callers, against the " + server.label + "\n\n";
        return judged == 0 ? title + "Not judged: the clients the goals compare were not all measured (`-Dbench.only`).\n\n"
                : title + b + "\n";
    }

    private static String throughputSentence(Server server, Client.Op op, Goals.ThroughputRatio ratio, double value,
            Throughput.Row subject, Throughput.Row anchor) {
        String sentence = format("- %s, %s, %d callers: %s does %.2fx the calls of %s", server.label, op, Goals.CALLERS,
                subject.client().label, value, anchor.client().label);
        if (!ratio.isGoal()) {
            return sentence + " (for information).\n";
        }
        sentence += format(" — goal >= %.1fx %s.", ratio.atLeast(), verdict(ratio.met(value)));
        if (!Double.isNaN(subject.stats().cpuMicros()) && !Double.isNaN(anchor.stats().cpuMicros())) {
            sentence += format(" In CPU per call (client and server in one JVM, user + system): %.1f µs against %.1f µs; "
                    + "%.1fx the anchor's throughput means %.1f µs per call.", subject.stats().cpuMicros(),
                    anchor.stats().cpuMicros(), ratio.atLeast(), anchor.stats().cpuMicros() / ratio.atLeast());
        }
        return sentence + "\n";
    }

    // ------------------------------------------------------------------ start-up

    private String coldStartTable() {
        StringBuilder b = new StringBuilder();
        b.append("| JVM, class cache, routes | main() → started, median | runs (ms) | process, median |\n|---|---:|---|---:|\n");
        for (ColdStarts.Result r : run.coldStarts().results()) {
            b.append(format("| %s | **%.0f ms** | %s | %.0f ms |%n", r.variant().label(), r.mainToStarted().median(),
                    java.util.Arrays.stream(r.mainToStarted().values()).mapToObj(x -> format("%.0f", x))
                            .collect(Collectors.joining(", ")), r.process().median()));
        }
        return b.toString();
    }

    /** {@link Goals#STARTUP_SHARE} for each JVM and class cache measured with both route sets. */
    private String startupGoal() {
        List<ColdStarts.Pair> pairs = run.coldStarts().pairs();
        if (pairs.isEmpty()) {
            return "No JVM and class cache was measured with both route sets.\n\n";
        }
        StringBuilder b = new StringBuilder();
        b.append("| JVM, class cache | ").append(ColdStartComparison.Routes.AI4CALL.label(ColdStarts.ENDPOINTS))
                .append(" | ").append(ColdStartComparison.Routes.DIRECT.label(ColdStarts.ENDPOINTS))
                .append(" | share | goal <= ").append(format("%.2fx", Goals.STARTUP_SHARE.atMost()))
                .append(" |\n|---|---:|---:|---:|:---:|\n");
        for (ColdStarts.Pair p : pairs) {
            ColdStarts.Variant variant = p.ai4call().variant();
            boolean judged = Goals.STARTUP_SHARE.judges(variant.cache());
            boolean met = Goals.STARTUP_SHARE.met(p.share());
            double ai4call = p.ai4call().mainToStarted().median();
            double alone = p.alone().mainToStarted().median();
            b.append(format("| Java %d, %s | %.0f ms | %.0f ms | %.2fx | %s |%n", variant.java().feature(),
                    variant.cache().label, ai4call, alone, p.share(), judged ? (met ? "yes" : "**no**") : "(information)"));
            reading.append(format("- Cold start, Java %s, %s: the %d-endpoint context starts in %.0f ms (median), Camel "
                    + "alone with %d `direct:` routes in %.0f ms: %.2fx, the component adds about %.0f ms%s.%n",
                    variant.java().version(), variant.cache().label, ColdStarts.ENDPOINTS, ai4call, ColdStarts.ENDPOINTS,
                    alone, p.share(), ai4call - alone, judged
                            ? format(" — goal <= %.2fx %s", Goals.STARTUP_SHARE.atMost(), verdict(met)) : ""));
        }
        if (pairs.stream().anyMatch(p -> p.ai4call().variant().cache() != ColdStarts.ClassCache.NONE)) {
            reading.append("- A class cache is a deployment choice (one training run, one JVM option; Quarkus makes an AppCDS "
                    + "archive with `quarkus.package.jar.appcds.enabled`), nothing in the connector; "
                    + "`docs/startup.md` shows both.\n");
        }
        return b.append('\n').toString();
    }

    private String harnessStartupTable() {
        HarnessStartups.Result h = run.harnessStartups();
        StringBuilder b = new StringBuilder("| | ms |\n|---|---:|\n");
        b.append(format("| First context | %.0f |%n", h.firstMillis()));
        if (h.warm().count() > 0) {
            b.append(format("| Warm mean | %.1f |%n", h.warm().mean()));
            b.append(format("| Warm median | %.1f |%n", h.warm().median()));
            b.append(format("| Warm min – max | %.1f – %.1f |%n", h.warm().min(), h.warm().max()));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ dependency size

    private String sizeTable() {
        DependencySize.Result size = run.size();
        StringBuilder b = new StringBuilder("| | jars | size |\n|---|---:|---:|\n");
        b.append(format("| Added by camel-ai4call (camel-ai4call + deps not in the baseline) | %d | **%s** |%n",
                size.added().size(), mb(size.addedBytes())));
        b.append(format("| Total runtime closure of camel-ai4call (incl. camel-support, camel-api, ...) | %d | %s |%n",
                size.closure().size(), mb(size.closureBytes())));
        b.append(format("| For reference: the baseline's closure | %d | %s |%n", size.baseline().size(),
                mb(size.baselineBytes())));
        long client = size.added().stream().filter(j -> j.ga().equals(CONNECTOR_CLIENT))
                .mapToLong(ClasspathArtifacts.Jar::bytes).sum();
        if (client > 0) {
            reading.append("- camel-ai4call declares `httpclient5` only for its streaming multipart builder (uploadRagDocument); "
                    + "the transport needs `httpcore5` alone. Writing that multipart entity in the component would remove about ")
                    .append(kb(client)).append(" from what users add (httpcore5-h2 comes with httpclient5 too).\n");
        }
        return b.toString();
    }

    private String addedJars() {
        StringBuilder b = new StringBuilder("| Artifact | jar | size |\n|---|---|---:|\n");
        for (ClasspathArtifacts.Jar j : run.size().added()) {
            b.append("| ").append(j.ga()).append(" | ").append(j.file().getFileName()).append(" | ").append(kb(j.bytes()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private String problems() {
        if (run.problems().isEmpty()) {
            return "";
        }
        return "\n## Problems during the run\n\n" + run.problems().stream().map(p -> "- " + p + "\n").collect(Collectors.joining());
    }

    // ------------------------------------------------------------------ formatting

    private static String steady(ForkProtocol.Warmed w) {
        return w.steady() ? "" : " (not steady)";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String artifactId(String ga) {
        return ga.substring(ga.indexOf(':') + 1);
    }

    private static String json(Object value) {
        try {
            return RawClients.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String mb(long bytes) {
        return format("%.2f MB", bytes / (1024.0 * 1024.0));
    }

    private static String kb(long bytes) {
        return format("%,.0f KB", bytes / 1024.0);
    }
}
