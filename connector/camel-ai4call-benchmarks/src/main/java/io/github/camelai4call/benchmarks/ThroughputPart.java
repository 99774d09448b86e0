package io.github.camelai4call.benchmarks;

import static io.github.camelai4call.benchmarks.Markdown.format;
import static io.github.camelai4call.benchmarks.Markdown.steady;
import static io.github.camelai4call.benchmarks.Markdown.verdict;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The throughput part of the report: per server the table of every client, the warm-ups, and the goal table of
 * {@link Goals#THROUGHPUT}, with their sentences for the reading.
 */
final class ThroughputPart {

    private final Throughput throughput;
    private final int rounds;
    private final StringBuilder reading = new StringBuilder();

    ThroughputPart(Throughput throughput, int rounds) {
        this.throughput = throughput;
        this.rounds = rounds;
    }

    ReportPart render() {
        String tables = tables();
        return new ReportPart(Map.of("throughput", tables), reading.toString());
    }

    private String tables() {
        StringBuilder b = new StringBuilder();
        Throughput t = throughput;
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
                + "CPU µs per call: user + system | warm-up |%n", rounds));
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
}
