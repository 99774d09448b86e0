package io.github.camelai4call.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

import io.github.camelai4call.component.callback.WebhookSignature;

/** The test plays the platform: it signs callbacks with the webhook secret and posts them over real HTTP. */
final class CallbackPlatform {

    static final String SECRET = "whsec_test_7Hq2LmX9pQ4rT6vW";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5));
    final int port;

    CallbackPlatform() {
        this.port = freePort();
    }

    /** platform-http on Vert.x at {@link #port}, as camel-platform-http-main would start it. */
    void serve(CamelContext context) throws Exception {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(conf));
    }

    HttpResponse<String> post(String path, String event, String deliveryId, String body) throws Exception {
        String now = String.valueOf(Instant.now().getEpochSecond());
        return post(path, event, deliveryId, now, signature.sign(now, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    HttpResponse<String> post(String path, String event, String deliveryId, String timestamp, String sig, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (event != null) {
            b.header("X-Ai4call-Event", event);
        }
        if (deliveryId != null) {
            b.header("X-Ai4call-Delivery-Id", deliveryId);
        }
        if (timestamp != null) {
            b.header("X-Ai4call-Timestamp", timestamp);
        }
        if (sig != null) {
            b.header("X-Ai4call-Signature", sig);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String sign(String timestamp, String body) {
        return signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    static String toolCall(String callId, String toolId, String argumentsJson) {
        return "{\"callId\":\"" + callId + "\",\"toolId\":\"" + toolId + "\",\"toolName\":\"Book appointment\","
               + "\"arguments\":" + argumentsJson + ",\"metadata\":{\"lead_id\":\"123\"}}";
    }

    static String callEnded(String callId) {
        return "{\"callId\":\"" + callId + "\",\"endedAt\":\"2026-12-02T07:00:00Z\",\"outcome\":\"completed\","
               + "\"durationSeconds\":94,\"metadata\":{\"lead_id\":\"123\"},\"structuredOutput\":{\"appointmentConfirmed\":true}}";
    }

    static String conversationSaved(String callId) {
        return "{\"callId\":\"" + callId + "\",\"transcript\":[{\"role\":\"caller\",\"text\":\"Can I come tomorrow?\"}],"
               + "\"recordingUrl\":\"https://recordings.ai4call.com/" + callId + ".mp3\"}";
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
