package io.github.camelai4call.benchmarks;

import static io.github.camelai4call.benchmarks.Markdown.format;
import static io.github.camelai4call.benchmarks.Markdown.verdict;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The start-up part of the report: the cold starts of every variant, the connector's share judged against
 * {@link Goals#STARTUP_SHARE}, and the contexts started in the harness JVM, with their sentences for the reading.
 */
final class StartupPart {

    private final ColdStarts.Outcome coldStarts;
    private final HarnessStartups.Result harnessStartups;
    private final StringBuilder reading = new StringBuilder();

    StartupPart(ColdStarts.Outcome coldStarts, HarnessStartups.Result harnessStartups) {
        this.coldStarts = coldStarts;
        this.harnessStartups = harnessStartups;
    }

    ReportPart render() {
        Map<String, String> values = Map.ofEntries(
                Map.entry("endpoints", String.valueOf(ColdStarts.ENDPOINTS)),
                Map.entry("coldStartApplication", BenchmarkMain.COLD_START_APPLICATION.stream()
                        .map(Markdown::artifactId).map(Markdown::code).collect(Collectors.joining(", "))),
                Map.entry("coldStartJars", String.valueOf(coldStarts.classpath().size())),
                Map.entry("coldStartRuns", String.valueOf(coldStarts.runs())),
                Map.entry("aotJava", String.valueOf(ColdStarts.AOT_CACHE_JAVA)),
                Map.entry("coldStartTable", coldStartTable()),
                Map.entry("coldStartClasspath", coldStarts.classpath().stream().map(Markdown::code)
                        .collect(Collectors.joining(", "))),
                Map.entry("startupGoal", startupGoal()),
                Map.entry("startupShares", startupShares()),
                Map.entry("harnessWarmCount", String.valueOf(harnessStartups.warm().count())),
                Map.entry("harnessStartupTable", harnessStartupTable()));
        return new ReportPart(values, reading.toString());
    }

    private String coldStartTable() {
        StringBuilder b = new StringBuilder();
        b.append("| JVM, class cache, routes | main() → started, median | runs (ms) | process, median |\n|---|---:|---|---:|\n");
        for (ColdStarts.Result r : coldStarts.results()) {
            b.append(format("| %s | **%.0f ms** | %s | %.0f ms |%n", r.variant().label(), r.mainToStarted().median(),
                    Arrays.stream(r.mainToStarted().values()).mapToObj(x -> format("%.0f", x))
                            .collect(Collectors.joining(", ")), r.process().median()));
        }
        return b.toString();
    }

    /** {@link Goals#STARTUP_SHARE} for each JVM and class cache measured with both route sets. */
    private String startupGoal() {
        List<ColdStarts.Pair> pairs = coldStarts.pairs(ColdStarts.Share.CONNECTOR);
        if (pairs.isEmpty()) {
            return "No JVM and class cache was measured with both route sets.\n\n";
        }
        StringBuilder b = new StringBuilder();
        b.append("| JVM, class cache | ").append(ColdStartComparison.Routes.AI4CALL.label(ColdStarts.ENDPOINTS))
                .append(" | ").append(ColdStartComparison.Routes.DIRECT.label(ColdStarts.ENDPOINTS))
                .append(" | share | goal <= ").append(format("%.2fx", Goals.STARTUP_SHARE.atMost()))
                .append(" |\n|---|---:|---:|---:|:---:|\n");
        for (ColdStarts.Pair p : pairs) {
            ColdStarts.Variant variant = p.measured().variant();
            boolean judged = Goals.STARTUP_SHARE.judges(variant.cache());
            boolean met = Goals.STARTUP_SHARE.met(p.share());
            double ai4call = p.measured().mainToStarted().median();
            double alone = p.against().mainToStarted().median();
            b.append(format("| Java %d, %s | %.0f ms | %.0f ms | %.2fx | %s |%n", variant.java().feature(),
                    variant.cache().label, ai4call, alone, p.share(), judged ? (met ? "yes" : "**no**") : "(information)"));
            reading.append(format("- Cold start, Java %s, %s: the %d-endpoint context starts in %.0f ms (median), Camel "
                    + "alone with %d `direct:` routes in %.0f ms: %.2fx, the component adds about %.0f ms%s.%n",
                    variant.java().version(), variant.cache().label, ColdStarts.ENDPOINTS, ai4call, ColdStarts.ENDPOINTS,
                    alone, p.share(), ai4call - alone, judged
                            ? format(" — goal <= %.2fx %s", Goals.STARTUP_SHARE.atMost(), verdict(met)) : ""));
        }
        if (pairs.stream().anyMatch(p -> p.measured().variant().cache() != ColdStarts.ClassCache.NONE)) {
            reading.append("- A class cache is a deployment choice (one training run, one JVM option; Quarkus makes an AppCDS "
                    + "archive with `quarkus.package.jar.appcds.enabled`), nothing in the connector; "
                    + "`docs/startup.md` shows both.\n");
        }
        return b.append('\n').toString();
    }

    /**
     * For information, where the share goes: the connector's endpoints against Camel alone binding as many URI
     * options, and the endpoints with their options set once on the component against Camel alone.
     */
    private String startupShares() {
        List<ColdStarts.Pair> overOptions = coldStarts.pairs(ColdStarts.Share.OVER_CAMEL_OPTIONS);
        List<ColdStarts.Pair> componentOptions = coldStarts.pairs(ColdStarts.Share.COMPONENT_OPTIONS);
        if (overOptions.isEmpty() && componentOptions.isEmpty()) {
            return "Neither route set was measured.\n";
        }
        StringBuilder b = new StringBuilder();
        b.append("| JVM, class cache | `ai4call:` endpoints over Camel alone with 3 URI options per endpoint | `ai4call:` "
                 + "endpoints with the options on the component, over Camel alone |\n|---|---:|---:|\n");
        for (ColdStarts.Pair p : coldStarts.pairs(ColdStarts.Share.CONNECTOR)) {
            ColdStarts.Variant variant = p.measured().variant();
            b.append(format("| Java %d, %s | %s | %s |%n", variant.java().feature(), variant.cache().label,
                    shareOn(overOptions, variant), shareOn(componentOptions, variant)));
        }
        return b.append('\n').toString();
    }

    /** The share of the pair measured on that JVM and class cache, with its two medians; a dash if none was. */
    private static String shareOn(List<ColdStarts.Pair> pairs, ColdStarts.Variant variant) {
        return pairs.stream().filter(p -> p.measured().variant().sameJvm(variant)).findFirst()
                .map(p -> format("%.2fx (%.0f / %.0f ms)", p.share(), p.measured().mainToStarted().median(),
                        p.against().mainToStarted().median()))
                .orElse("–");
    }

    private String harnessStartupTable() {
        HarnessStartups.Result h = harnessStartups;
        StringBuilder b = new StringBuilder("| | ms |\n|---|---:|\n");
        b.append(format("| First context | %.0f |%n", h.firstMillis()));
        if (h.warm().count() > 0) {
            b.append(format("| Warm mean | %.1f |%n", h.warm().mean()));
            b.append(format("| Warm median | %.1f |%n", h.warm().median()));
            b.append(format("| Warm min – max | %.1f – %.1f |%n", h.warm().min(), h.warm().max()));
        }
        return b.toString();
    }
}
