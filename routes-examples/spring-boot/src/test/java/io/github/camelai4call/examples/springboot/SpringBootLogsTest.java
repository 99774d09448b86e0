package io.github.camelai4call.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/**
 * The example as docs/spring-boot.md and docs/security.md describe it for real keys, in its own JVM: the live profile
 * (keys from environment variables, through application.properties), Spring Boot's own logging at DEBUG to the
 * console and to a log file, Camel at TRACE, tracing and message history on, a lead that fails, the Actuator
 * endpoints read with every value shown. Neither key may appear in what the application prints, nor in what
 * Actuator answers.
 */
class SpringBootLogsTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).analyticsRecords(20).build());

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final List<String> LEADS = List.of("L-2001", "L-2002", "L-2003");

    @Test
    void noKeyInAnyLineOfTheSpringBootExample() throws Exception {
        // kept after the run: target/spring-boot-logs/out.log (console) and app.log (logging.file.name)
        Path dir = Files.createDirectories(Path.of("target", "spring-boot-logs").toAbsolutePath());
        Path inbox = Files.createDirectories(dir.resolve("leads-inbox"));
        Files.copy(Path.of("data", "leads", "leads.csv"), inbox.resolve("leads.csv"), StandardCopyOption.REPLACE_EXISTING);
        // a file that keeps failing: the number is not E.164, refused before any HTTP call, on every poll of the folder
        Files.writeString(inbox.resolve("bad-leads.csv"), "lead_id,name,phone\nL-2999,Wrong Number,+39ABC\n");
        Path out = dir.resolve("out.log");
        Path file = dir.resolve("app.log");
        Files.deleteIfExists(file);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Ai4callSpringBootExample.class.getName()));
        settings(dir, file).forEach((k, v) -> command.add("--" + k + "=" + v));
        Map<String, String> actuator = new LinkedHashMap<>();
        DemoApplication app = DemoApplication.start(command, dir, out,
                DemoApplication.environment(SIMULATOR.baseUrl(), DemoData.DEMO_ASSISTANT_SALES));
        try (app) {
            // the three calls placed, their outcomes read back from the feed, the bad lead refused
            String started = app.awaitConsole(SpringBootLogsTest::done, Duration.ofSeconds(240), "three calls and the bad lead");
            Matcher port = HTTP_PORT.matcher(started);
            assertTrue(port.find(), "no HTTP port in the log");
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/actuator/health", "/actuator/env", "/actuator/configprops",
                    "/actuator/env/camel.component.ai4call.portal-api-key", "/actuator/env/AI4CALL_PORTAL_API_KEY",
                    "/actuator/env/AI4CALL_ASSISTANT_API_KEY", "/actuator/env/example.assistant")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), path + ": " + DemoKeys.masked(answer.body()));
                actuator.put(path, answer.body());
            }
        } // SIGTERM: the graceful shutdown of Spring and Camel, whose lines are checked too
        String console = app.console();
        String logFile = DemoApplication.text(file);

        // the application ran as a user would see it, and logged what Spring Boot and Camel log at these levels
        for (String lead : LEADS) {
            assertTrue(console.contains("Lead " + lead + ": call "), lead + " not called");
        }
        assertEquals(LEADS, SIMULATOR.simulator().outboundCalls().stream()
                .map(c -> String.valueOf(c.metadata().get("lead_id"))).sorted().toList(), "one call per good lead");
        assertTrue(console.contains("Assistant Sales qualifier"), "the assistants were not listed");
        assertTrue(console.contains("org.apache.camel.Tracing"), "no tracer lines");
        assertTrue(console.contains("Message History"), "the failed lead did not log its message history");
        assertTrue(console.contains("CONDITIONS EVALUATION REPORT"), "Spring Boot's DEBUG report is missing");
        assertTrue(console.contains("Started Ai4callSpringBootExample") && console.contains("shutdown in"),
                "no start or shutdown lines");
        assertTrue(console.lines().count() > 1000, "only " + console.lines().count() + " lines");
        assertTrue(logFile.contains("Started Ai4callSpringBootExample"), "the log file is missing");
        assertTrue(actuator.get("/actuator/health").contains("\"producer:ai4call-"), actuator.get("/actuator/health"));
        assertTrue(actuator.get("/actuator/env").contains("\"AI4CALL_EMAIL\""), "the environment is not shown");
        for (String masked : List.of("camel.component.ai4call.portal-api-key", "AI4CALL_PORTAL_API_KEY",
                "AI4CALL_ASSISTANT_API_KEY", "example.assistant")) {
            assertTrue(actuator.get("/actuator/env/" + masked).contains("\"value\":\"******\""), masked + " is not masked");
        }

        // and neither key anywhere
        List<String> leaks = new ArrayList<>();
        leaks.addAll(DemoKeys.linesWithKeys("out.log", console));
        leaks.addAll(DemoKeys.linesWithKeys("app.log", logFile));
        actuator.forEach((path, body) -> leaks.addAll(DemoKeys.linesWithKeys(path, body)));
        assertEquals(List.of(), leaks, leaks.size() + " lines print a key (shown masked); checked "
                + console.lines().count() + " console lines, " + logFile.lines().count() + " log file lines, "
                + actuator.size() + " Actuator answers");
    }

    /**
     * The live profile as docs/spring-boot.md runs it, and everything logged: Spring Boot's root logger at DEBUG, Camel
     * at TRACE except the loggers docs/security.md says to keep at INFO and DEBUG (they print property values and
     * {@code RAW(...)} URIs as written), Actuator showing every value.
     */
    private static Map<String, String> settings(Path dir, Path file) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spring.profiles.active", "live");
        s.put("server.port", "0");
        s.put("example.leads-dir", dir.resolve("leads-inbox").toString());
        s.put("example.outcomes-delay", "1000");
        s.put("camel.main.tracing", "true");
        s.put("camel.main.message-history", "true");
        s.put("camel.main.log-mask", "true");
        s.put("camel.main.shutdown-timeout", "5");
        s.put("logging.file.name", file.toString());
        s.put("logging.level.root", "DEBUG");
        s.put("logging.level.org.apache.camel", "TRACE");
        s.put("logging.level.io.github.camelai4call", "TRACE");
        s.put("logging.level.org.apache.hc", "TRACE");
        // DEBUG: the value of every property placeholder as it is resolved
        s.put("logging.level.org.apache.camel.component.properties", "INFO");
        s.put("logging.level.org.apache.camel.spring.boot.SpringPropertiesParser", "INFO");
        s.put("logging.level.org.apache.camel.impl.engine.DefaultCamelContextExtension", "INFO");
        // TRACE: endpoint URIs as written or resolved, RAW(...) values included
        s.put("logging.level.org.apache.camel.impl.engine.AbstractCamelContext", "DEBUG");
        s.put("logging.level.org.apache.camel.support.DefaultComponent", "DEBUG");
        s.put("logging.level.org.apache.camel.support.EndpointHelper", "DEBUG");
        s.put("management.endpoint.env.show-values", "always");
        s.put("management.endpoint.configprops.show-values", "always");
        return s;
    }

    /** Each lead called and its outcome read back from the feed, and the bad lead's failure logged. */
    private static boolean done(String log) {
        return LEADS.stream().allMatch(l -> Pattern.compile("Lead " + l + ": call \\S+ ended ").matcher(log).find())
               && log.contains("Message History");
    }
}
