package io.github.camelai4call.component;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the snippets of docs/observability.md as written: Camel Main with its properties and its routes against the
 * simulator, then the Prometheus scrape job's URL and the dev console on the management server. Only the port differs
 * (a free one instead of 9876).
 */
class ObservabilityDocsTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    private static final Path PAGE = Path.of(System.getProperty("committed.docs.dir", "../../docs"), "observability.md");

    @TempDir
    Path dir;

    /** The fenced block after the {@code <!-- snippet: name ...} marker. */
    static String snippet(String name) throws IOException {
        String page = Files.readString(PAGE);
        Matcher m = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + "[^>]*-->\\s*```\\w*\\n(.*?)```",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "docs/observability.md has the snippet " + name);
        return m.group(1);
    }

    @Test
    void theScrapeExampleServesTheComponentsMeters() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(snippet("main-properties")));
        assertEquals("9876", properties.getProperty("camel.management.port"));
        properties.setProperty("camel.management.port", Integer.toString(port));
        Path routes = Files.writeString(dir.resolve("routes.yaml"), snippet("routes"));
        properties.setProperty("camel.main.routesIncludePattern", "file:" + routes.toAbsolutePath());
        // the component configured as usual, here for the simulator
        properties.setProperty("camel.component.ai4call.baseUrl", SIMULATOR.baseUrl());
        properties.setProperty("camel.component.ai4call.email", DemoData.DEMO_EMAIL);
        properties.setProperty("camel.component.ai4call.portalApiKey", DemoData.DEMO_PORTAL_API_KEY);

        Main main = new Main();
        main.setInitialProperties(properties);
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().requestBody("direct:placeCall",
                    Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "+390810000001"));

            String job = snippet("prometheus");
            Matcher path = Pattern.compile("metrics_path: (\\S+)").matcher(job);
            Matcher target = Pattern.compile("targets: \\['([^']+)'\\]").matcher(job);
            assertTrue(path.find() && target.find(), job);
            assertEquals("localhost:9876", target.group(1));
            String metricsUrl = "http://localhost:" + port + path.group(1);
            HttpClient http = HttpClient.newHttpClient();
            String[] scraped = new String[1];
            Await.until(() -> {
                scraped[0] = get(http, metricsUrl);
                // the feed's two meters are registered at its first poll, one after the other: wait for both
                return scraped[0].contains("ai4call_feed_records_total") && scraped[0].contains("ai4call_feed_lag_seconds")
                       && scraped[0].contains("ai4call_calls_total");
            }, Duration.ofSeconds(30));
            String text = scraped[0];
            assertTrue(text.contains("ai4call_calls_total{failure=\"none\",operation=\"outboundCall\",outcome=\"ACCEPTED\""),
                    text);
            assertTrue(text.contains("ai4call_call_duration_seconds_count{operation=\"outboundCall\",outcome=\"ACCEPTED\""),
                    text);
            assertTrue(text.contains("ai4call_feed_lag_seconds{feed=\"analyticsCalls\",routeId=\"calls-feed\"}"), text);
            List<String> leaks = text.lines().filter(l -> l.contains(DemoData.DEMO_ASSISTANT_SALES) || l.contains("+39")
                                                          || l.contains(DemoData.DEMO_PORTAL_API_KEY)).toList();
            assertEquals(List.of(), leaks, "no key or phone number in the meters");

            String console = get(http, "http://localhost:" + port + "/q/dev/ai4call");
            assertTrue(console.contains("outboundCall: 1 calls {ACCEPTED=1}"), console);
        } finally {
            main.stop();
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
