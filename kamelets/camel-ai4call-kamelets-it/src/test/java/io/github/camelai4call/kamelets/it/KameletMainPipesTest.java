package io.github.camelai4call.kamelets.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.kamelets.PipeAsRoute;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.OutboundCall;
import io.github.camelai4call.simulator.SimulatorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two Pipe examples of routes-examples/pipes on Kamelet Main (the runtime Kamelets and Pipes run on), with the Kamelets folder of the repository as the Kamelet location, against the simulator: CRM leads
 * posted to the webhook become one call each, and the call history feed is written to a file, each record once.
 */
class KameletMainPipesTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).analyticsRecords(500).build());

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static int httpPort;
    static KameletMain main;

    @BeforeAll
    static void startKameletMain() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        main = new KameletMain("ai4call-pipes");
        // everything the Pipes need is on the classpath: no download (the Kamelets' mvn: dependencies included)
        main.setDownload(false);
        Map.ofEntries(
                Map.entry("camel.component.kamelet.location", location(Repository.KAMELETS.toString())),
                Map.entry("camel.main.routes-include-pattern", "file:" + routes() + "/*.camel.yaml"),
                Map.entry("camel.main.shutdown-timeout", "2"),
                Map.entry("camel.server.enabled", "true"),
                Map.entry("camel.server.host", "127.0.0.1"),
                Map.entry("camel.server.port", String.valueOf(httpPort)),
                Map.entry("ai4call.email", DemoData.DEMO_EMAIL),
                Map.entry("ai4call.portal-api-key", DemoData.DEMO_PORTAL_API_KEY),
                Map.entry("ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES),
                Map.entry("call-history.start-from", "P400D"),
                Map.entry("call-history.poll-interval", "200"),
                Map.entry("call-history.dir", dir.resolve("history").toString()),
                // the Pipes name the real service by default; the test points the AI4CALL Kamelets at the simulator
                Map.entry("camel.kamelet.ai4call-outbound-call-sink.baseUrl", SIMULATOR.baseUrl()),
                Map.entry("camel.kamelet.ai4call-calls-source.baseUrl", SIMULATOR.baseUrl()))
                .forEach(main::addInitialProperty);
        main.start();
    }

    /** Our Kamelets folder first, then Apache's catalog (webhook-source) on the classpath. */
    private static String location(String folder) {
        return "file:" + folder + ",classpath:kamelets";
    }

    /** docs/tooling.md shows that Kamelet location (the folder relative to the repository root). */
    @Test
    void docsShowTheKameletLocation() throws Exception {
        String line = "camel.component.kamelet.location = "
                + location(Repository.ROOT.relativize(Repository.KAMELETS).toString());
        assertTrue(Files.readString(Repository.ROOT.resolve("docs/tooling.md")).contains("\n" + line + "\n"),
                "docs/tooling.md does not show: " + line);
    }

    /**
     * The Pipes as the routes they stand for (what the Camel K operator runs): Camel 4.18's YAML DSL loads a Pipe
     * file itself but URL-encodes its properties (CAMEL-23594), so that no placeholder of a Pipe resolves.
     */
    private static Path routes() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        try (Stream<Path> s = Files.list(Repository.PIPES)) {
            for (Path pipe : s.filter(p -> p.getFileName().toString().endsWith(".pipe.yaml")).toList()) {
                String name = pipe.getFileName().toString().replace(".pipe.yaml", ".camel.yaml");
                Files.writeString(routes.resolve(name), PipeAsRoute.routeYaml(pipe));
            }
        }
        return routes;
    }

    @AfterAll
    static void stopKameletMain() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void crmLeadsBecomeOneCallEach() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String lead : List.of("{\"to\":\"+390810000031\",\"metadata\":{\"lead_id\":\"L-31\"}}", "+390810000032")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/crm-leads"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(lead)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"callId\""), "the answer is the queued call: " + r.body());
        }
        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(List.of("+390810000031", "+390810000032"), calls.stream().map(OutboundCall::to).toList());
        assertEquals(Map.of("lead_id", "L-31"), calls.get(0).metadata());
        assertTrue(calls.stream().allMatch(c -> DemoData.DEMO_ASSISTANT_SALES.equals(c.assistantApiKey())));
        assertEquals(2, SIMULATOR.simulator().requestCount("outboundCall"), "each lead called once");
    }

    @Test
    void callHistoryIsWrittenOnceEach() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline && lines.size() < 20) {
            Thread.sleep(200);
            lines = lines();
        }
        assertTrue(lines.size() >= 20, "call records written: " + lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertTrue(ids.add(record.path("id").asText()), "a call record written twice: " + line);
            assertFalse(record.path("direction").asText().isEmpty(), line);
        }
    }

    private static List<String> lines() throws IOException {
        List<String> all = new ArrayList<>();
        Path history = dir.resolve("history");
        if (!Files.isDirectory(history)) {
            return all;
        }
        try (Stream<Path> s = Files.list(history)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(all::add);
            }
        }
        return all;
    }
}
