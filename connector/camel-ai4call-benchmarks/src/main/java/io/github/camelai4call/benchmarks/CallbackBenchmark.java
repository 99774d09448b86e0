package io.github.camelai4call.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelai4call.component.support.JsonMapper;

/**
 * Tool calls received during a call: a signed tool call posted to {@code from("ai4call:toolCall?toolId=...")} against
 * the same tool call posted to a plain {@code from("platform-http:/plain-tool")} route doing the same work by hand
 * ({@link ToolCallRoutes}), both in one CamelContext on one platform-http server, the client
 * ({@link SignedToolCalls}) in the same JVM. Requests per second and p99 latency at 1 and {@link Goals#CALLERS}
 * concurrent clients: after a warm-up of both routes in alternate slices, {@code callback.rounds} timed rounds of
 * {@code callback.seconds} each, the two routes alternating (ai4call, plain, ai4call, plain...); medians over rounds.
 * Writes the "callback-benchmark" section of docs/performance.md.
 */
public final class CallbackBenchmark {

    static final String COMMAND = "mvn -B -q -pl connector/camel-ai4call-benchmarks -am -DskipTests -Pcallback-benchmark verify";
    static final List<Integer> CLIENTS = List.of(1, Goals.CALLERS);
    /** A webhook secret of the benchmark's own (the routes and the client share it). */
    private static final String SECRET = "whsec_bench_Zr5nQ8wK2mT7";

    /** The measured routes, in the order of the rounds; the diagnostic ones only with {@code callback.diagnose}. */
    enum Route {
        AI4CALL("`ai4call:toolCall` (signed, de-duplicated, deadline, answer checked)", ToolCallRoutes.AI4CALL_PATH, false),
        PLAIN("plain `platform-http:/plain-tool` route (Jackson by hand)", ToolCallRoutes.PLAIN_PATH, false),
        CHECKED("diagnostic: the consumer's steps on the calling thread, no hand-off", ToolCallRoutes.CHECKED_PATH, true),
        PLAIN_HANDOFF("diagnostic: the plain route, its work handed off to a thread pool and waited for",
                ToolCallRoutes.PLAIN_HANDOFF_PATH, true);

        final String label;
        final String path;
        final boolean diagnostic;

        Route(String label, String path, boolean diagnostic) {
            this.label = label;
            this.path = path;
            this.diagnostic = diagnostic;
        }

        static List<Route> measured(boolean diagnose) {
            return java.util.Arrays.stream(values()).filter(r -> diagnose || !r.diagnostic).toList();
        }
    }

    /** The timed rounds of one route at one number of clients. */
    record Rounds(List<ToolCallLoad.Round> rounds) {
        Samples rates() {
            return Samples.of(rounds.stream().map(ToolCallLoad.Round::rate).toList());
        }

        Samples p99() {
            return Samples.of(rounds.stream().map(ToolCallLoad.Round::p99Millis).toList());
        }

        Samples p50() {
            return Samples.of(rounds.stream().map(ToolCallLoad.Round::p50Millis).toList());
        }

        double userMicros() {
            return Samples.of(rounds.stream().map(ToolCallLoad.Round::userMicros).toList()).median();
        }

        double systemMicros() {
            return Samples.of(rounds.stream().map(ToolCallLoad.Round::systemMicros).toList()).median();
        }

        long failed() {
            return rounds.stream().mapToLong(ToolCallLoad.Round::failed).sum();
        }

        String firstFailure() {
            return rounds.stream().map(ToolCallLoad.Round::firstFailure).filter(f -> f != null).findFirst().orElse(null);
        }
    }

    /** Everything one run measured. */
    record Result(Map<Integer, Map<Route, Rounds>> byClients, double warmupSeconds, double roundSeconds, int rounds,
            List<ToolCallSteps.Step> steps, String camelVersion, String loadAtStart, String loadAtEnd, double runSeconds,
            Instant started) {

        /** ai4call / plain of each pair of rounds (the two rounds measured one after the other). */
        List<Double> pairRatios(int clients) {
            List<ToolCallLoad.Round> a = byClients.get(clients).get(Route.AI4CALL).rounds();
            List<ToolCallLoad.Round> b = byClients.get(clients).get(Route.PLAIN).rounds();
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(a.get(i).rate() / b.get(i).rate());
            }
            return out;
        }

        double throughputRatio(int clients) {
            return byClients.get(clients).get(Route.AI4CALL).rates().median()
                   / byClients.get(clients).get(Route.PLAIN).rates().median();
        }

        double p99Ratio(int clients) {
            return byClients.get(clients).get(Route.AI4CALL).p99().median()
                   / byClients.get(clients).get(Route.PLAIN).p99().median();
        }
    }

    private CallbackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("callback.seconds", "3"));
        int rounds = Integer.getInteger("callback.rounds", 5);
        double warmup = Double.parseDouble(System.getProperty("callback.warmup", "20"));
        boolean diagnose = Boolean.getBoolean("callback.diagnose");
        String report = System.getProperty("bench.report", "docs/performance.md");
        Result result = measure(seconds, rounds, warmup, Route.measured(diagnose));
        String section = CallbackReport.markdown(result);
        System.out.println();
        System.out.println(section);
        if (!report.isBlank()) {
            Path p = Path.of(report).toAbsolutePath().normalize();
            ReportSections.write(p, "callback-benchmark", section);
            Log.line("written to " + p);
        }
    }

    static Result measure(double seconds, int rounds, double warmup, List<Route> measured) throws Exception {
        Instant started = Instant.now();
        String loadAtStart = RunResults.loadAverage();
        long t0 = System.nanoTime();
        try (ToolCallRoutes routes = ToolCallRoutes.start(SECRET);
             ToolCallLoad load = new ToolCallLoad(new SignedToolCalls(SECRET))) {
            SignedToolCalls check = new SignedToolCalls(SECRET);
            Map<Route, URI> uris = new LinkedHashMap<>();
            for (Route r : measured) {
                uris.put(r, URI.create("http://127.0.0.1:" + routes.port + r.path));
            }
            sameAnswer(check, uris);
            Log.line("warming the routes up, alternately in 1 s slices at " + Goals.CALLERS + " clients, " + warmup + " s");
            for (double spent = 0; spent < warmup; spent += measured.size()) {
                for (Route r : measured) {
                    load.run(uris.get(r), Goals.CALLERS, 1.0);
                }
            }
            Map<Integer, Map<Route, Rounds>> byClients = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                Map<Route, List<ToolCallLoad.Round>> timed = new LinkedHashMap<>();
                for (Route r : measured) {
                    load.run(uris.get(r), clients, 1.0); // settles the route on this number of clients, not timed
                    timed.put(r, new ArrayList<>());
                }
                for (int i = 0; i < rounds; i++) {
                    for (Route r : measured) {
                        ToolCallLoad.Round round = load.run(uris.get(r), clients, seconds);
                        timed.get(r).add(round);
                        Log.line(Markdown.format("%d clients, round %d, %-13s %,8.0f req/s  p99 %6.2f ms  failed %d",
                                clients, i + 1, r.name().toLowerCase(java.util.Locale.ROOT), round.rate(), round.p99Millis(),
                                round.failed()));
                    }
                }
                Map<Route, Rounds> perRoute = new LinkedHashMap<>();
                timed.forEach((r, list) -> perRoute.put(r, new Rounds(list)));
                byClients.put(clients, perRoute);
            }
            Log.line("timing the consumer's steps alone");
            List<ToolCallSteps.Step> steps = ToolCallSteps.measure(SECRET);
            return new Result(byClients, warmup, seconds, rounds, steps, routes.version(), loadAtStart,
                    RunResults.loadAverage(), (System.nanoTime() - t0) / 1e9, started);
        }
    }

    /** Both routes give the same answer (the callId aside) before anything is timed. */
    private static void sameAnswer(SignedToolCalls client, Map<Route, URI> uris) throws Exception {
        JsonNode first = null;
        for (Route r : uris.keySet()) {
            SignedToolCalls.Answered a = client.call(uris.get(r));
            JsonNode answer = JsonMapper.get().readTree(a.body().replace(a.callId(), "<callId>"));
            Log.line(r.name().toLowerCase(java.util.Locale.ROOT) + " answers " + a.body());
            if (first != null && !first.equals(answer)) {
                throw new IllegalStateException("the routes answer differently: " + first + " and " + answer);
            }
            first = answer;
        }
    }
}
