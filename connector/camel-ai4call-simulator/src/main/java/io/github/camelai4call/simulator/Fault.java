package io.github.camelai4call.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into the answers of one operation. Immutable: the fluent methods return copies.
 * <pre>
 * Fault.status(503).times(2).retryAfterSeconds(1)   // the next two requests get 503 with Retry-After: 1
 * Fault.status(500).rate(0.1)                       // about one request in ten gets 500
 * Fault.status(429)                                 // every request gets 429 with Retry-After: 1
 * Fault.delay(Duration.ofSeconds(5))                // every request is answered 5 s late
 * Fault.dropConnection().times(1)                   // the socket is closed without any answer
 * Fault.truncateBody().times(1)                     // the body is cut short of its Content-Length, then the socket closed
 * </pre>
 * The callbacks (toolCall, callEnded, conversationSaved: what the simulated platform sends to the customer's URLs)
 * take their own faults, injected under the callback's operationId:
 * <pre>
 * Fault.duplicateDelivery().times(1)                 // the next delivery is sent twice, with the same delivery id
 * Fault.badSignature().times(1)                      // the next delivery is signed with the wrong key
 * Fault.delay(Duration.ofSeconds(2))                 // every delivery leaves 2 s late
 * </pre>
 * Without {@link #times(int)} or {@link #rate(double)} a fault applies to every request until cleared.
 */
public final class Fault {

    public enum Type {
        STATUS, DELAY, DROP_CONNECTION, TRUNCATE_BODY,
        /** A callback: the delivery is sent a second time, same delivery id and body, after the first ends. */
        DUPLICATE_DELIVERY,
        /** A callback: the X-Ai4call-Signature does not match the body (well-formed, wrong key). */
        BAD_SIGNATURE;

        /** Whether this fault applies to the callbacks the platform sends (true) or to the answers of the API (false). */
        public boolean ofCallbacks() {
            return this == DELAY || this == DUPLICATE_DELIVERY || this == BAD_SIGNATURE;
        }

        /** Whether this fault applies to the answers of the API. */
        public boolean ofApi() {
            return this != DUPLICATE_DELIVERY && this != BAD_SIGNATURE;
        }
    }

    private final Type type;
    private final int status;
    private final Duration delay;
    private final Integer times;
    private final Double rate;
    private final Integer retryAfterSeconds;

    private Fault(Type type, int status, Duration delay, Integer times, Double rate, Integer retryAfterSeconds) {
        this.type = type;
        this.status = status;
        this.delay = delay;
        this.times = times;
        this.rate = rate;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Answer with this HTTP status (4xx/5xx) and the contract's Error body. 429 carries Retry-After (1 s unless set). */
    public static Fault status(int status) {
        if (status < 400 || status > 599) throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
        return new Fault(Type.STATUS, status, null, null, null, status == 429 ? 1 : null);
    }

    /** Answer normally, but only after this delay. */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new Fault(Type.DELAY, 0, delay, null, null, null);
    }

    /** Close the connection without sending any response. */
    public static Fault dropConnection() {
        return new Fault(Type.DROP_CONNECTION, 0, null, null, null, null);
    }

    /** Send the status line, headers and a Content-Length, then only part of the body, then close the connection. */
    public static Fault truncateBody() {
        return new Fault(Type.TRUNCATE_BODY, 0, null, null, null, null);
    }

    /** A callback is delivered twice with the same X-Ai4call-Delivery-Id: what a receiver must de-duplicate. */
    public static Fault duplicateDelivery() {
        return new Fault(Type.DUPLICATE_DELIVERY, 0, null, null, null, null);
    }

    /** A callback carries a well-formed X-Ai4call-Signature made with another key: what a receiver must refuse (403). */
    public static Fault badSignature() {
        return new Fault(Type.BAD_SIGNATURE, 0, null, null, null, null);
    }

    /** Only the next {@code n} requests of the operation. */
    public Fault times(int n) {
        if (n < 1) throw new IllegalArgumentException("times must be >= 1");
        return new Fault(type, status, delay, n, rate, retryAfterSeconds);
    }

    /** Each request with this probability (0..1). */
    public Fault rate(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("rate must be in 0..1");
        return new Fault(type, status, delay, times, rate, retryAfterSeconds);
    }

    /** Send a Retry-After header with this many seconds (status faults). */
    public Fault retryAfterSeconds(int seconds) {
        if (seconds < 0) throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        return new Fault(type, status, delay, times, rate, seconds);
    }

    public Type type() { return type; }
    public int status() { return status; }
    public Duration delayDuration() { return delay; }
    public Integer times() { return times; }
    public Double rate() { return rate; }
    public Integer retryAfterSeconds() { return retryAfterSeconds; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Fault[").append(type);
        if (type == Type.STATUS) sb.append(' ').append(status);
        if (delay != null) sb.append(" delay=").append(delay.toMillis()).append("ms");
        if (times != null) sb.append(" times=").append(times);
        if (rate != null) sb.append(" rate=").append(rate);
        if (retryAfterSeconds != null) sb.append(" retryAfter=").append(retryAfterSeconds).append('s');
        return sb.append(']').toString();
    }
}
