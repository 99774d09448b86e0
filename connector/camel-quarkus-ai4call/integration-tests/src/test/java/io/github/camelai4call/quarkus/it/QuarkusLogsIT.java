package io.github.camelai4call.quarkus.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoApplication;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.DemoKeys;
import io.github.camelai4call.simulator.SimulatorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged application ({@code target/quarkus-app}, prod profile) as docs/quarkus.md runs it against a real
 * service, in its own JVM: keys from the environment variables AI4CALL_*, every category at DEBUG (the build's minimum
 * level), Camel's tracing and message history on, the three producers run once and the feed consumer on, the health
 * endpoints read. Neither key may appear in the console, in the log file or in the health answers. Runs in the
 * integration-test phase (after the package phase built the application).
 */
class QuarkusLogsIT {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).analyticsRecords(20).build());

    /** Set by the pom's integration-test execution only, so the test phase never runs an application built earlier. */
    private static final String PACKAGED_APP = "ai4call.packaged-app";
    private static final Pattern HTTP_PORT = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    @Test
    void noKeyInAnyLineOfThePackagedApplication() throws Exception {
        String packaged = System.getProperty(PACKAGED_APP);
        assumeTrue(packaged != null && Files.exists(Path.of(packaged)), "NOT RUN: no packaged application (" + PACKAGED_APP
                + "); this test runs in the integration-test phase of mvn verify, after the package phase has built it");
        Path jar = Path.of(packaged).toAbsolutePath();
        // kept after the run: target/quarkus-logs/out.log (console) and app.log (quarkus.log.file)
        Path dir = Files.createDirectories(Path.of("target", "quarkus-logs").toAbsolutePath());
        Path out = dir.resolve("out.log");
        Path file = dir.resolve("app.log");
        Files.deleteIfExists(file);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        settings(file).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> health = new LinkedHashMap<>();
        DemoApplication app = DemoApplication.start(command, dir, out,
                DemoApplication.environment(SIMULATOR.baseUrl(), DemoData.DEMO_ASSISTANT_SALES));
        try (app) {
            // the markers are built when the routes run (${routeId}): the route dump at start-up does not match
            String started = app.awaitConsole(log -> log.contains("run-once done") && log.contains("outbound-feed record ")
                    && HTTP_PORT.matcher(log).find(), Duration.ofSeconds(180), "run-once route and feed record");
            Matcher port = HTTP_PORT.matcher(started);
            assertTrue(port.find(), "no HTTP port in the log");
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), path + ": " + DemoKeys.masked(answer.body()));
                health.put(path, answer.body());
            }
        } // SIGTERM: Quarkus's and Camel's shutdown, whose lines are checked too
        String console = app.console();
        String logFile = DemoApplication.text(file);

        // the application ran, and logged what Quarkus and Camel log at these levels
        assertTrue(console.contains("listAssistants: ") && console.contains("getAssistant: ")
                && console.contains("outboundCall: "), "the producers did not answer:\n" + app.tail());
        assertEquals(List.of("run-once"), SIMULATOR.simulator().outboundCalls().stream()
                .map(c -> String.valueOf(c.metadata().get("lead_id"))).toList(), "one call placed");
        // the tracer's lines, under the route's source location: "*--> [run-once    ] [from[direct:runOnce] ..."
        assertTrue(console.contains("*--> [run-once"), "no tracer lines");
        assertTrue(console.contains("DEBUG"), "nothing at DEBUG");
        assertTrue(console.contains("started in") && console.contains("stopped in"), "no start or shutdown lines");
        assertTrue(logFile.contains("started in"), "the log file is missing");
        assertTrue(health.get("/q/health/ready").contains("ai4call-producers"), health.get("/q/health/ready"));

        // and neither key anywhere
        List<String> leaks = new ArrayList<>();
        leaks.addAll(DemoKeys.linesWithKeys("out.log", console));
        leaks.addAll(DemoKeys.linesWithKeys("app.log", logFile));
        health.forEach((path, body) -> leaks.addAll(DemoKeys.linesWithKeys(path, body)));
        assertEquals(List.of(), leaks, leaks.size() + " lines print a key (shown masked); checked "
                + console.lines().count() + " console lines, " + logFile.lines().count() + " log file lines, "
                + health.size() + " health answers");
    }

    /** The prod profile with everything logged: the run-once route and the feed on, DEBUG everywhere, tracing on. */
    private static Map<String, String> settings(Path file) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("app.run-once.enabled", "true");
        s.put("app.feed.enabled", "true");
        s.put("quarkus.http.port", "0");
        s.put("quarkus.log.level", "DEBUG");
        s.put("quarkus.log.file.enabled", "true");
        s.put("quarkus.log.file.path", file.toString());
        // docs/security.md: at DEBUG these print the value of every property placeholder as it is resolved
        s.put("quarkus.log.category.\"org.apache.camel.component.properties\".level", "INFO");
        s.put("quarkus.log.category.\"org.apache.camel.impl.engine.DefaultCamelContextExtension\".level", "INFO");
        s.put("camel.main.tracing", "true");
        s.put("camel.main.message-history", "true");
        s.put("camel.main.log-mask", "true");
        return s;
    }
}
