package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelai4call.component.callback.CallbackDispatcher;
import io.github.camelai4call.component.callback.WebhookSignature;

/**
 * The callback benchmark's client, playing the platform: {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive),
 * posting signed tool calls as AI4CALL does, each with a delivery id and a callId of its own, and checking each
 * answer (200 and the booking of that callId, not a fallback answer). Both routes get the same requests, signature
 * headers included; only the ai4call: route checks them.
 */
final class SignedToolCalls {

    /** A request refused, failed, or answered with something other than the booking. */
    static final class WrongAnswer extends IOException {
        WrongAnswer(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSignature signature;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicLong sequence = new AtomicLong();

    SignedToolCalls(String webhookSecret) {
        this.signature = new WebhookSignature(webhookSecret, Duration.ofMinutes(5));
    }

    /** One tool call and its answer. */
    record Answered(String callId, String body) {
    }

    /** Posts one new tool call to {@code uri} and returns the answer. */
    Answered call(URI uri) throws IOException, InterruptedException {
        long n = sequence.incrementAndGet();
        String callId = "call_" + run + "_" + n;
        byte[] body = BookAppointment.request(callId).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(CallbackDispatcher.EVENT, "toolCall")
                .header(CallbackDispatcher.DELIVERY_ID, "dlv_" + run + "_" + n)
                .header(CallbackDispatcher.TIMESTAMP, timestamp)
                .header(CallbackDispatcher.SIGNATURE, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains(BookAppointment.expectedMark(callId))) {
            throw new WrongAnswer(answer.statusCode() + " " + answer.body());
        }
        return new Answered(callId, answer.body());
    }
}
