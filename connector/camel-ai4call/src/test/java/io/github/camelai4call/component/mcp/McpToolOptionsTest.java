package io.github.camelai4call.component.mcp;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.callback.WebhookSignature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ai4call:mcpTool options as a user sets them: signatureTolerance honoured, misplaced options named. */
class McpToolOptionsTest {

    private static final String SECRET = "whsec_options_3b9d1e7f5a2c4b6d8e0f";
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                       + "\"params\":{\"name\":\"echo\",\"arguments\":{\"number\":\"+39333\",\"metadata\":{}}}}";

    @Test
    void theSignatureToleranceOptionBoundsTheTimestampsAccepted() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (CamelContext context = context(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:mcpTool?toolName=echo&mcpPath=/tight-mcp&signatureTolerance=PT10S").setBody(constant("ok"));
            }
        })) {
            WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5));
            byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
            String thirtySecondsAgo = String.valueOf(Instant.now().minusSeconds(30).getEpochSecond());
            assertEquals(403, post(port, thirtySecondsAgo, signature.sign(thirtySecondsAgo, body)),
                    "30 s is inside the default 5 minutes but outside signatureTolerance=PT10S");
            String now = String.valueOf(Instant.now().getEpochSecond());
            assertEquals(200, post(port, now, signature.sign(now, body)));
        }
    }

    @Test
    void toolsOfOnePathMustShareTheirTolerance() {
        Exception failure = assertThrows(Exception.class, () -> context(AvailablePortFinder.getNextAvailable(), new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:mcpTool?toolName=one").setBody(constant("1"));
                from("ai4call:mcpTool?toolName=two&signatureTolerance=PT1M").setBody(constant("2"));
            }
        }).close());
        String message = messages(failure);
        assertTrue(message.contains("must share one webhookSecret and signatureTolerance"), message);
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void anMcpOptionOnAnOperationOrAToolWithoutNameIsNamed() throws Exception {
        String misplaced = messages(assertThrows(Exception.class, () -> context(AvailablePortFinder.getNextAvailable(),
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:a").to("ai4call:listAssistants?toolName=crm_lookup");
                    }
                }).close()));
        assertTrue(misplaced.contains("ai4call:listAssistants: option 'toolName' is an option of ai4call:mcpTool only"), misplaced);

        // every option the component descriptor labels mcp (what Kaoto and IDEs list), even one set to its default, and
        // spelled as Camel also binds it: with dashes (YAML, Kamelets) or in another case
        List<String> options = mcpOptionsOfTheDescriptor();
        assertEquals(options.stream().sorted().toList(), McpToolOptions.OPTIONS.stream().sorted().toList(),
                "McpToolOptions.OPTIONS lists the descriptor's mcp options");
        List<String> spellings = new ArrayList<>(options);
        spellings.addAll(List.of("tool-name", "TOOLNAME", "input-schema", "mcp-path"));
        for (String option : spellings) {
            String value = option.equalsIgnoreCase("mcpPath") ? McpToolOptions.DEFAULT_PATH : "x";
            String message = messages(assertThrows(Exception.class, () -> context(AvailablePortFinder.getNextAvailable(),
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:a").to("ai4call:getAssistant?" + option + "=" + value);
                        }
                    }).close()));
            assertTrue(message.contains("ai4call:getAssistant: option '" + option + "' is an option of ai4call:mcpTool only"),
                    message);
        }

        String unnamed = messages(assertThrows(Exception.class, () -> context(AvailablePortFinder.getNextAvailable(),
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("ai4call:mcpTool?description=no name").setBody(constant("x"));
                    }
                }).close()));
        assertTrue(unnamed.contains("ai4call:mcpTool needs the option toolName"), unnamed);
    }

    private static List<String> mcpOptionsOfTheDescriptor() throws Exception {
        try (InputStream in = McpToolOptionsTest.class.getResourceAsStream("/META-INF/io/github/camelai4call/component/ai4call.json")) {
            List<String> options = new ArrayList<>();
            new ObjectMapper().readTree(in).path("properties").properties().forEach(option -> {
                if (List.of(option.getValue().path("label").asText().split(",")).contains("mcp")) {
                    options.add(option.getKey());
                }
            });
            assertFalse(options.isEmpty(), "the descriptor labels no option mcp");
            return options;
        }
    }

    private static CamelContext context(int port, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        context.getComponent("ai4call", io.github.camelai4call.component.Ai4callComponent.class).getConfiguration()
                .setWebhookSecret(SECRET);
        context.addRoutes(routes);
        try {
            context.start();
        } catch (Exception e) {
            context.close();
            throw e;
        }
        return context;
    }

    private static int post(int port, String timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tight-mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("X-Ai4call-Timestamp", timestamp).header("X-Ai4call-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(CALL)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
