package io.github.camelai4call.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one callback to a customer's URL as the platform does: signed with the account's webhook secret, each attempt
 * within its answer deadline, tried again with the same delivery id after a 5xx, a timeout or a connection failure
 * (up to {@link CallbackKind#maxAttempts}), never after a 4xx; and through the callback's injected faults (late,
 * duplicated, badly signed). Every attempt is recorded in the {@link CallbackDeliveries}. Blocking: call it from the
 * platform's worker threads.
 */
final class CallbackSender {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** What the customer's URL is sent. */
    record Outgoing(CallbackKind kind, CustomerState customer, String assistantApiKey, String callId, String toolId,
                    String url, byte[] body) {
    }

    /** How the delivery ended, and the accepted answer's body (null unless DELIVERED). */
    record Result(CallbackDelivery.Status status, Integer httpStatus, String answer, long durationMs,
                  CallbackDeliveries.Tracker tracker) {
    }

    private final Contract contract;
    private final Faults faults;
    private final CallbackDeliveries log;
    private final Ids ids;
    /** Created on the first delivery: a simulator whose assistants call nothing out never pays for a JDK HttpClient. */
    private volatile HttpClient http;

    CallbackSender(Contract contract, Faults faults, CallbackDeliveries log, Ids ids) {
        this.contract = contract;
        this.faults = faults;
        this.log = log;
        this.ids = ids;
    }

    /** The JDK client the platform sends with: HTTP/1.1 (no h2c upgrade), no redirects followed. */
    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(2)).build();
                }
                h = http;
            }
        }
        return h;
    }

    /** A new delivery id (dlv_...), one per event. */
    String newDeliveryId() {
        return ids.next("dlv_", 16);
    }

    Result deliver(Outgoing o) throws InterruptedException {
        Duration deadline = contract.callback(o.kind().operationId).answerDeadline();
        if (deadline == null) deadline = CallbackKind.DEFAULT_ATTEMPT_TIMEOUT;
        Faults.Decision d = faults.nextCallback(o.kind().operationId);
        if (d.delayMillis > 0) Thread.sleep(d.delayMillis);
        boolean badSignature = d.terminal != null && d.terminal.type() == Fault.Type.BAD_SIGNATURE;
        boolean duplicate = d.terminal != null && d.terminal.type() == Fault.Type.DUPLICATE_DELIVERY;
        String deliveryId = newDeliveryId();
        CallbackDeliveries.Tracker t = log.start(deliveryId, o.kind().operationId, o.customer().email, o.assistantApiKey(),
                o.callId(), o.toolId(), o.url(), new String(o.body(), StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        Answer last = null;
        CallbackDelivery.Status status = CallbackDelivery.Status.FAILED;
        for (int n = 1; n <= o.kind().maxAttempts; n++) {
            if (n > 1) Thread.sleep(o.kind().backoffMillis(n));
            last = send(o, deliveryId, deadline, badSignature);
            t.attempt(new CallbackDelivery.Attempt(n, last.status, last.error, last.millis, false, badSignature));
            if (last.status != null && last.status / 100 == 2) {
                status = CallbackDelivery.Status.DELIVERED;
                break;
            }
            if (last.status != null && last.status / 100 == 4) {
                status = CallbackDelivery.Status.REJECTED;
                break;
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        t.end(status, status == CallbackDelivery.Status.DELIVERED ? last.body : null);
        LOG.debug("{} {} of {} to {}: {} after {} attempt(s), {} ms", o.kind().operationId, deliveryId, o.callId(), o.url(), status,
                t.attemptCount(), millis);
        if (duplicate) {
            Answer again = send(o, deliveryId, deadline, badSignature);
            t.attempt(new CallbackDelivery.Attempt(t.attemptCount() + 1, again.status, again.error, again.millis, true, badSignature));
        }
        return new Result(status, last == null ? null : last.status, status == CallbackDelivery.Status.DELIVERED ? last.body : null,
                millis, t);
    }

    private record Answer(Integer status, String body, String error, long millis) {
    }

    private Answer send(Outgoing o, String deliveryId, Duration deadline, boolean badSignature) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o.url())).timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(o.body()));
        for (Map.Entry<String, String> h : WebhookSigner.headers(o.customer().webhookSecret, o.kind().operationId, deliveryId,
                o.body(), badSignature).entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> r = http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = r.body()) {
                body = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            }
            return new Answer(r.statusCode(), body, null, (System.nanoTime() - t0) / 1_000_000);
        } catch (HttpTimeoutException e) {
            return new Answer(null, null, "no answer within " + deadline.toMillis() + " ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            return new Answer(null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
