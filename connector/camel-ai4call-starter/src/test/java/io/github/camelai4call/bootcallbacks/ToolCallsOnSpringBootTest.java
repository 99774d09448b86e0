package io.github.camelai4call.bootcallbacks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.camelai4call.component.callback.WebhookSignature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ai4call:toolCall on Spring Boot, served by camel-platform-http-starter (Spring MVC): signed tool calls over real
 * HTTP get the route's answer, a slow route gets the fallback answer at its deadline, and a bad signature gets 403.
 */
@SpringBootTest(classes = CallbacksTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.ai4call.webhook-secret=" + ToolCallsOnSpringBootTest.SECRET)
class ToolCallsOnSpringBootTest {

    static final String SECRET = "whsec_boot_4Kf8Lq2Zs9Xv";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5));

    @LocalServerPort
    int port;

    @Test
    void aToolCallIsAnsweredByItsRoute() throws Exception {
        HttpResponse<String> answer = post("d_slot_1", toolCall("call_1", "check_slot", "{\"name\":\"Ada\"}"), true);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode json = JSON.readTree(answer.body());
        assertEquals("Tomorrow at 10:30 is free, Ada.", json.path("result").asText(), answer.body());
        assertEquals("call_1", json.path("callId").asText(), answer.body());
    }

    @Test
    void aSlowRouteGetsTheFallbackAnswerAtItsDeadline() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = post("d_slow_1", toolCall("call_2", "slow_crm", "{}"), true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode json = JSON.readTree(answer.body());
        assertEquals(CallbacksTestApplication.FALLBACK, json.path("result").asText(), answer.body());
        assertEquals("call_2", json.path("callId").asText(), answer.body());
        assertTrue(millis < 2000, "answered after " + millis + " ms, not at the 300 ms answerTimeout");
    }

    @Test
    void anUnsignedToolCallIsRefused() throws Exception {
        HttpResponse<String> answer = post("d_forged", toolCall("call_3", "check_slot", "{\"name\":\"Eve\"}"), false);
        assertEquals(403, answer.statusCode(), answer.body());
    }

    private HttpResponse<String> post(String deliveryId, String body, boolean signed) throws Exception {
        String now = String.valueOf(Instant.now().getEpochSecond());
        String sig = signed ? signature.sign(now, body.getBytes(StandardCharsets.UTF_8)) : WebhookSignature.VERSION_PREFIX + "00";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ai4call/tool-call"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Ai4call-Event", "toolCall").header("X-Ai4call-Delivery-Id", deliveryId)
                .header("X-Ai4call-Timestamp", now).header("X-Ai4call-Signature", sig)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String toolCall(String callId, String toolId, String arguments) {
        return "{\"callId\":\"" + callId + "\",\"toolId\":\"" + toolId + "\",\"toolName\":\"" + toolId + "\","
               + "\"arguments\":" + arguments + "}";
    }
}
