package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callCallback;
import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.component.callback.CallbackDispatcher;
import io.github.camelai4call.component.callback.WebhookSignature;
import io.github.camelai4call.model.ConversationSavedEvent;
import io.github.camelai4call.model.ToolCallRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback source Kamelets in a Camel context, on platform-http (Vert.x, a free port), with the test playing the
 * platform: it signs deliveries with {@link WebhookSignature} and posts them over real HTTP.
 */
class CallbackKameletsTest {

    /** With characters a URI would change: the Kamelets must pass it on untouched (RAW). */
    private static final String SECRET = "whsec_kamelets+Test/7&Q=1";

    /** A delivery of each callback, as the platform posts it; a new callback of the contract needs one here. */
    private static final Map<Ai4callCallback, String> SAMPLES = Map.of(
            Ai4callCallback.toolCall, toolCall("call_k1", "tool_kamelet", "{\"date\":\"2026-12-03\"}"),
            Ai4callCallback.callEnded, "{\"callId\":\"call_k1\",\"endedAt\":\"2026-12-02T07:00:00Z\",\"outcome\":\"completed\","
                    + "\"durationSeconds\":94,\"metadata\":{\"lead_id\":\"123\"}}",
            Ai4callCallback.conversationSaved, "{\"callId\":\"call_k1\",\"transcript\":[{\"role\":\"caller\","
                    + "\"text\":\"Can I come tomorrow?\"}],\"recordingUrl\":\"https://recordings.ai4call.com/call_k1.mp3\"}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSignature platform = new WebhookSignature(SECRET, Duration.ofMinutes(5));
    private final WebhookSignature impostor = new WebhookSignature("whsec_somebody_else", Duration.ofMinutes(5));
    private final int port = freePort();
    private CamelContext camel;

    @BeforeEach
    void createCamel() {
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addInitialProperty("ai4call.webhook-secret", SECRET);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        try {
            camel.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private void start(RoutesBuilder routes) throws Exception {
        camel.addRoutes(routes);
        camel.start();
    }

    @Test
    void everyCallbackSourceRoutesWhatThePlatformSignedAndNothingElse() throws Exception {
        Map<String, Ai4callCallback> sources = new ConcurrentHashMap<>();
        KameletFiles.kamelets().values().forEach(k -> {
            if (KameletFiles.callback(k) != null) {
                sources.put(KameletFiles.name(k), KameletFiles.callback(k));
            }
        });
        assertEquals(Ai4callCallback.values().length, sources.size(), "a source Kamelet per callback: " + sources);
        Map<String, List<Message>> routed = new ConcurrentHashMap<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                sources.forEach((kamelet, callback) -> {
                    routed.put(kamelet, new CopyOnWriteArrayList<>());
                    from("kamelet:" + kamelet + "?webhookSecret=RAW(" + SECRET + ")"
                         + (callback.answered() ? "&toolId=tool_kamelet" : ""))
                            .process(x -> routed.get(kamelet).add(x.getMessage().copy()))
                            .setBody(constant("Done."));
                });
            }
        });
        for (Map.Entry<String, Ai4callCallback> source : sources.entrySet()) {
            String kamelet = source.getKey();
            Ai4callCallback callback = source.getValue();
            String body = SAMPLES.get(callback);
            assertNotNull(body, "no sample delivery of " + callback + " in this test");
            String path = callback.defaultPath();
            String now = String.valueOf(Instant.now().getEpochSecond());

            HttpResponse<String> forged = post(path, callback.name(), "dlv_forged", now, impostor.sign(now, bytes(body)), body);
            assertEquals(403, forged.statusCode(), kamelet + ": signed with another secret: " + forged.body());
            HttpResponse<String> unsigned = post(path, callback.name(), "dlv_unsigned", now, null, body);
            assertEquals(403, unsigned.statusCode(), kamelet + ": not signed: " + unsigned.body());
            assertTrue(routed.get(kamelet).isEmpty(), kamelet + " routed a request the platform did not sign");

            HttpResponse<String> signed = post(path, callback.name(), "dlv_" + kamelet, now, platform.sign(now, bytes(body)), body);
            assertEquals(200, signed.statusCode(), kamelet + ": " + signed.body());
            assertEquals(1, routed.get(kamelet).size(), kamelet + ": the delivery reaches the sink once");
            Message in = routed.get(kamelet).get(0);
            JsonNode event = KameletFiles.JSON.readTree(in.getBody(String.class));
            assertInstanceOf(String.class, in.getBody(), kamelet + ": JSON text by default");
            assertEquals(KameletFiles.JSON.readTree(body), event, kamelet + ": the event as the platform posted it");
            assertEquals("dlv_" + kamelet, in.getHeader(Ai4callConstants.CALLBACK_DELIVERY_ID));
            assertEquals("call_k1", in.getHeader(Ai4callConstants.CALLBACK_CALL_ID));
            if (callback.answered()) {
                assertEquals("Done.", KameletFiles.JSON.readTree(signed.body()).path("result").asText(), signed.body());
            }
        }
    }

    @Test
    void theToolSourceAnswersWithTheRoutesResultOrTheFallback() throws Exception {
        List<Object> bookings = new CopyOnWriteArrayList<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:ai4call-tool-call-source?toolId=book_appointment&outputType=model&webhookSecret=RAW("
                     + SECRET + ")")
                        .process(x -> {
                            bookings.add(x.getMessage().getBody());
                            ToolCallRequest call = x.getMessage().getBody(ToolCallRequest.class);
                            x.getMessage().setBody("Booked for " + call.getArguments().get("date") + ".");
                        });
                from("kamelet:ai4call-tool-call-source?toolId=check_stock&fallbackAnswer=I will text you the stock."
                     + "&webhookSecret=RAW(" + SECRET + ")")
                        .throwException(new IllegalStateException("the stock system is down"));
            }
        });

        String booking = toolCall("call_b", "book_appointment", "{\"date\":\"2026-12-03\"}");
        JsonNode answer = answer(post("/ai4call/tool-call", "toolCall", "dlv_b1", booking));
        assertEquals("Booked for 2026-12-03.", answer.path("result").asText(), answer.toString());
        assertEquals("call_b", answer.path("callId").asText(), "the call id echoed");
        assertInstanceOf(ToolCallRequest.class, bookings.get(0), "outputType=model: the typed request");

        // the platform delivers again (it did not get the answer in time): the same answer, not a second booking
        assertEquals(answer, answer(post("/ai4call/tool-call", "toolCall", "dlv_b1", booking)));
        assertEquals(1, bookings.size(), "a redelivery is not routed again");

        JsonNode fallback = answer(post("/ai4call/tool-call", "toolCall", "dlv_s1", toolCall("call_s", "check_stock", "{}")));
        assertEquals("I will text you the stock.", fallback.path("result").asText(), "the failed route's fallback answer");
        assertEquals("call_s", fallback.path("callId").asText());
    }

    @Test
    void anEventSourceDeliversTheTypedEventWhenAsked() throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:ai4call-conversation-saved-source?outputType=model&path=/hooks/conversations"
                     + "&webhookSecret=RAW(" + SECRET + ")").process(x -> events.add(x.getMessage().getBody()));
            }
        });
        HttpResponse<String> received = post("/hooks/conversations", "conversationSaved", "dlv_c1",
                SAMPLES.get(Ai4callCallback.conversationSaved));
        assertEquals(200, received.statusCode(), received.body());
        ConversationSavedEvent event = assertInstanceOf(ConversationSavedEvent.class, events.get(0));
        assertEquals("call_k1", event.getCallId());
        assertEquals("Can I come tomorrow?", event.getTranscript().get(0).getText());
    }

    @Test
    void theDocsRoutesAnswerAndReceive() throws Exception {
        String docs = Files.readString(KameletFiles.repoRoot().resolve("docs/kamelets.md"));
        String section = docs.substring(docs.indexOf("## Callback sources"));
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(yaml.find(), "docs/kamelets.md has no YAML routes in its callback section");
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("kamelets-md.camel.yaml", yaml.group(1)));
        camel.start();

        JsonNode stock = answer(post("/ai4call/tool-call", "toolCall", "dlv_d1",
                toolCall("call_d", "check_stock", "{\"item\":\"blue umbrellas\"}")));
        assertEquals("Two blue umbrellas in stock in the Milan shop.", stock.path("result").asText(), stock.toString());
        assertEquals(200, post("/ai4call/call-ended", "callEnded", "dlv_d2", SAMPLES.get(Ai4callCallback.callEnded))
                .statusCode());
    }

    // ---------------------------------------------------------------- the platform's side

    private static String toolCall(String callId, String toolId, String argumentsJson) {
        return "{\"callId\":\"" + callId + "\",\"toolId\":\"" + toolId + "\",\"toolName\":\"A tool\",\"arguments\":"
               + argumentsJson + "}";
    }

    /** Posts the body signed with the account's secret, now. */
    private HttpResponse<String> post(String path, String event, String deliveryId, String body) throws Exception {
        String now = String.valueOf(Instant.now().getEpochSecond());
        return post(path, event, deliveryId, now, platform.sign(now, bytes(body)), body);
    }

    private HttpResponse<String> post(String path, String event, String deliveryId, String timestamp, String signature,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header(CallbackDispatcher.EVENT, event).header(CallbackDispatcher.DELIVERY_ID, deliveryId)
                .header(CallbackDispatcher.TIMESTAMP, timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header(CallbackDispatcher.SIGNATURE, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode answer(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return KameletFiles.JSON.readTree(response.body());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
