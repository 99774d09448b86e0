package io.github.camelai4call.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.github.camelai4call.component.Ai4callOperation;
import org.junit.jupiter.api.Test;

/** The report states each goal with its threshold and judges the figures it is given against it. */
class ReportTest {

    private static final ColdStarts.Java JAVA_17 = new ColdStarts.Java("java", 17, "17.0.15");
    private static final ColdStarts.Java JAVA_25 = new ColdStarts.Java("java25", 25, "25.0.3");

    @Test
    void statesTheGoalsOnceWithTheEndpointCountOfTheCatalog() {
        String report = Report.markdown(run());
        int endpoints = Ai4callOperation.values().length;
        assertFalse(report.contains("{{"), report);
        assertTrue(report.contains("- Throughput at 8 callers, each operation: camel-ai4call `ai4call:` vs Apache "
                + "HttpClient 5 (raw) >= 0.9x."), report);
        assertTrue(report.contains("- Throughput at 8 callers, each operation: camel-ai4call `ai4call:` vs "
                + "camel-rest-openapi + camel-http route >= 1.5x."), report);
        assertTrue(report.contains("- Start-up, cold, the connector's share: " + endpoints + " `ai4call:` endpoints start "
                + "in <= 1.10x the time of Camel alone with " + endpoints + " `direct:` routes, in the same run, JVM "
                + "defaults and AppCDS archive"), report);
        assertFalse(report.contains("< 300 ms"), "the absolute start-up goal is retired");
        assertTrue(report.contains("| camel-rest-openapi (the rest-openapi routes) | "
                + System.getProperty("camel-rest-openapi.version") + ","), report);
    }

    @Test
    void judgesThroughputAgainstRawHttpClient5AndTheRestOpenApiRoute() {
        String report = Report.markdown(run());
        assertTrue(report.contains("| camel-ai4call `ai4call:` vs Apache HttpClient 5 (raw) >= 0.9x | listAssistants "
                + "| 0.950x | yes |"), report);
        assertTrue(report.contains("| camel-ai4call `ai4call:` vs camel-rest-openapi + camel-http route >= 1.5x | "
                + "listAssistants | 1.357x | **no** |"), report);
        assertTrue(report.contains("does 1.36x the calls of camel-rest-openapi + camel-http route — goal >= 1.5x "
                + "**not met**."), report);
    }

    @Test
    void judgesStartUpAsTheConnectorsShareWithJvmDefaultsAndAppCdsOnly() {
        String report = Report.markdown(run());
        assertTrue(report.contains("| Java 17, JVM defaults | 660 ms | 540 ms | 1.22x | **no** |"), report);
        assertTrue(report.contains("| Java 17, AppCDS archive | 250 ms | 240 ms | 1.04x | yes |"), report);
        assertTrue(report.contains("| Java 25, AOT cache | 280 ms | 200 ms | 1.40x | (information) |"), report);
        assertTrue(report.contains("Camel alone with " + Ai4callOperation.values().length + " `direct:` routes in 540 "
                + "ms: 1.22x, the component adds about 120 ms — goal <= 1.10x **not met**."), report);
    }

    @Test
    void saysWhereTheShareGoesWithoutJudgingIt() {
        String report = Report.markdown(run());
        assertTrue(report.contains("| Java 17, JVM defaults | 1.10x (660 / 600 ms) | 1.05x (567 / 540 ms) |"), report);
        assertTrue(report.contains("| Java 17, AppCDS archive | – | – |"), report);
        assertTrue(report.contains("| Java 17, JVM defaults | 660 ms | 540 ms | 1.22x | **no** |"),
                "the judged share stays Camel alone against the endpoints with options in each URI: " + report);
    }

    private static RunResults run() {
        List<Throughput.Row> rows = new ArrayList<>();
        rows.add(row(ClientKind.RAW_HC5, 100));
        rows.add(row(ClientKind.AI4CALL, 95));
        rows.add(row(ClientKind.REST_OPENAPI, 70));
        List<ColdStarts.Result> cold = List.of(
                cold(JAVA_17, ColdStarts.ClassCache.NONE, ColdStartComparison.Routes.DIRECT, 540),
                cold(JAVA_17, ColdStarts.ClassCache.NONE, ColdStartComparison.Routes.AI4CALL, 660),
                cold(JAVA_17, ColdStarts.ClassCache.NONE, ColdStartComparison.Routes.DIRECT_WITH_OPTIONS, 600),
                cold(JAVA_17, ColdStarts.ClassCache.NONE, ColdStartComparison.Routes.AI4CALL_COMPONENT_OPTIONS, 567),
                cold(JAVA_17, ColdStarts.ClassCache.APP_CDS, ColdStartComparison.Routes.DIRECT, 240),
                cold(JAVA_17, ColdStarts.ClassCache.APP_CDS, ColdStartComparison.Routes.AI4CALL, 250),
                cold(JAVA_25, ColdStarts.ClassCache.AOT_CACHE, ColdStartComparison.Routes.DIRECT, 200),
                cold(JAVA_25, ColdStarts.ClassCache.AOT_CACHE, ColdStartComparison.Routes.AI4CALL, 280));
        ClasspathArtifacts.Jar connector = new ClasspathArtifacts.Jar("io.github.camel-ai4call:camel-ai4call", Path.of("c.jar"),
                Path.of("c.jar"), 2048, null);
        DependencySize.Result size = new DependencySize.Result(List.of(connector), 2048, List.of(connector), 2048,
                List.of(), 0);
        return new RunResults(ZonedDateTime.now(), 60, "1.00 1.00 1.00", "1.00 1.00 1.00",
                new RunSettings(2, 3, 3, 40, List.of(Server.RECORDED), "", false, 3, 2, "", "", Path.of("repo"), ""),
                new Throughput(rows, List.of(new Throughput.ClientWarmup(Server.RECORDED, ClientKind.AI4CALL,
                        new ForkProtocol.Warmed(12, true)))),
                new HarnessStartups.Result(500, new Samples(new double[] {40, 50})),
                new ColdStarts.Outcome(cold, List.of("c.jar")), size, List.of());
    }

    private static Throughput.Row row(ClientKind client, double rate) {
        List<ForkProtocol.RoundResult> rounds = List.of(new ForkProtocol.RoundResult(rate, 0, null, 10, 5),
                new ForkProtocol.RoundResult(rate, 0, null, 10, 5));
        return new Throughput.Row(Server.RECORDED, Client.Op.listAssistants, Goals.CALLERS, client,
                Throughput.Stats.of(rounds, new ForkProtocol.Warmed(3, true)));
    }

    private static ColdStarts.Result cold(ColdStarts.Java java, ColdStarts.ClassCache cache,
            ColdStartComparison.Routes routes, double ms) {
        return new ColdStarts.Result(new ColdStarts.Variant(java, cache, routes, List.of()),
                new Samples(new double[] {ms, ms, ms}), new Samples(new double[] {ms + 100}));
    }
}
