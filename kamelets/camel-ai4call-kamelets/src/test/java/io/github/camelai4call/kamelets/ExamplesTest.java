package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.OutboundCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of issue 5, run in plain Camel against the simulator: the Pipes of routes-examples/pipes (turned into
 * the route they stand for by {@link PipeAsRoute}, as the Camel K operator does) and the same flows as plain YAML routes
 * (routes-examples/src/main/resources/routes/kamelet-*.camel.yaml).
 */
class ExamplesTest extends KameletTestSupport {

    private static final Path EXAMPLES = KameletFiles.repoRoot().resolve("routes-examples");
    private static final Path PIPES = EXAMPLES.resolve("pipes");
    private static final Path ROUTES = EXAMPLES.resolve("src/main/resources/routes");

    @TempDir
    Path dir;
    private int httpPort;

    @Override
    protected void configure(CamelContext context) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("ai4call.email", DemoData.DEMO_EMAIL);
        p.setProperty("ai4call.portal-api-key", DemoData.DEMO_PORTAL_API_KEY);
        p.setProperty("ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        p.setProperty("call-history.start-from", "P400D");
        p.setProperty("call-history.poll-interval", "200");
        p.setProperty("call-history.dir", dir.toString());
        // the examples name the real service by default; the tests point every Kamelet at the simulator
        p.setProperty("camel.kamelet.ai4call-outbound-call-sink.baseUrl", SIMULATOR.baseUrl());
        p.setProperty("camel.kamelet.ai4call-calls-source.baseUrl", SIMULATOR.baseUrl());
        context.getPropertiesComponent().setInitialProperties(p);
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost("127.0.0.1");
        server.setPort(httpPort);
        context.addService(server);
    }

    private void load(Path file) throws Exception {
        if (file.getFileName().toString().endsWith(".pipe.yaml")) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.fromString("pipe-" + file.getFileName().toString().replace(".pipe.yaml", ".yaml"), PipeAsRoute.routeYaml(file)));
            return;
        }
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:" + file));
    }

    @Test
    void crmLeadsToCallsPipe() throws Exception {
        load(PIPES.resolve("crm-leads-to-calls.pipe.yaml"));
        leadsBecomeCalls();
    }

    @Test
    void crmLeadsToCallsRoute() throws Exception {
        load(ROUTES.resolve("kamelet-crm-leads-to-calls.camel.yaml"));
        leadsBecomeCalls();
    }

    private void leadsBecomeCalls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String lead : List.of("{\"to\":\"+390810000011\",\"metadata\":{\"lead_id\":\"L-11\"}}", "+390810000012")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/crm-leads"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(lead)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(List.of("+390810000011", "+390810000012"), calls.stream().map(OutboundCall::to).toList());
        assertEquals(Map.of("lead_id", "L-11"), calls.get(0).metadata());
        assertTrue(calls.stream().allMatch(c -> DemoData.DEMO_ASSISTANT_SALES.equals(c.assistantApiKey())));
    }

    @Test
    void callHistoryToFilePipe() throws Exception {
        assumeFeedConsumer();
        load(PIPES.resolve("call-history-to-file.pipe.yaml"));
        callHistoryIsWritten();
    }

    @Test
    void callHistoryToFileRoute() throws Exception {
        assumeFeedConsumer();
        load(ROUTES.resolve("kamelet-call-history-to-file.camel.yaml"));
        callHistoryIsWritten();
    }

    private static void assumeFeedConsumer() {
        Assumptions.assumeTrue(KameletFiles.componentOptions().contains("startFrom"),
                "SKIPPED: the installed camel-ai4call has no analytics feed consumer yet (no startFrom option)");
    }

    private void callHistoryIsWritten() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline && lines.size() < 20) {
            Thread.sleep(200);
            lines = lines();
        }
        assertTrue(lines.size() >= 20, "call records written: " + lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode record = KameletFiles.JSON.readTree(line);
            assertTrue(ids.add(record.path("id").asText()), "a call record written twice: " + line);
            assertFalse(record.path("direction").asText().isEmpty(), line);
        }
    }

    private List<String> lines() throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(all::add);
            }
        }
        return all;
    }

    /** Every Kamelet a Pipe binds exists (ours or Apache's), and gets only defined properties and all required ones. */
    @Test
    void pipesBindExistingKameletsWithValidProperties() throws Exception {
        List<Path> pipes;
        try (Stream<Path> s = Files.list(PIPES)) {
            pipes = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path file : pipes) {
            JsonNode spec = KameletFiles.read(file).path("spec");
            List<JsonNode> endpoints = new ArrayList<>(List.of(spec.path("source"), spec.path("sink")));
            spec.path("steps").forEach(endpoints::add);
            for (JsonNode e : endpoints) {
                if (!e.has("ref")) {
                    continue;
                }
                String name = e.path("ref").path("name").asText();
                JsonNode kamelet;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
                    if (in == null) {
                        problems.add(file.getFileName() + ": no Kamelet " + name + " on the classpath");
                        continue;
                    }
                    kamelet = KameletFiles.YAML.readTree(in);
                }
                JsonNode def = kamelet.path("spec").path("definition");
                for (Iterator<String> it = e.path("properties").fieldNames(); it.hasNext();) {
                    String p = it.next();
                    if (!def.path("properties").has(p)) {
                        problems.add(file.getFileName() + ": " + name + " has no property " + p);
                    }
                }
                for (JsonNode r : def.path("required")) {
                    if (!e.path("properties").has(r.asText())) {
                        problems.add(file.getFileName() + ": " + name + " needs " + r.asText());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
