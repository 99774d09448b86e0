package io.github.camelai4call.component.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

import io.github.camelai4call.component.catalog.OperationSpec;

/**
 * When to try an operation again, and after how long.
 * <ul>
 * <li>Operations the contract marks safe to repeat ({@code x-ai4call-idempotent: true}, whatever their HTTP method)
 * are retried on 429, 503 and I/O failures.</li>
 * <li>Other operations (outbound calls, creations, uploads) are retried only when the request certainly did not
 * reach AI4CALL (the connection could not be opened); any answer or a failure after sending ends them, because a
 * second attempt could place a second phone call.</li>
 * <li>The wait doubles from {@code initialDelay}, honours Retry-After, and never exceeds {@code maxDelay}: a longer
 * Retry-After ends the retries.</li>
 * </ul>
 */
public final class RetryPolicy {

    /** Do not retry. */
    public static final long STOP = -1;

    private final int maxRetries;
    private final long initialDelay;
    private final long maxDelay;

    public RetryPolicy(int maxRetries, long initialDelay, long maxDelay) {
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** The wait before retrying after an answer, or {@link #STOP}. {@code attempt} counts from 1. */
    public long afterAnswer(OperationSpec op, int attempt, HttpCallResult result) {
        if (attempt > maxRetries || !op.idempotent() || (result.status() != 429 && result.status() != 503)) {
            return STOP;
        }
        long wait = backoff(attempt);
        String retryAfter = result.header("retry-after");
        if (retryAfter != null) {
            try {
                wait = Math.max(wait, Long.parseLong(retryAfter.trim()) * 1000);
            } catch (NumberFormatException e) {
                // an HTTP date: keep the backoff
            }
        }
        return wait > maxDelay ? STOP : wait;
    }

    /** The wait before retrying after an I/O failure, or {@link #STOP}. */
    public long afterFailure(OperationSpec op, int attempt, IOException failure) {
        if (attempt > maxRetries) {
            return STOP;
        }
        if (!op.idempotent() && !neverSent(failure)) {
            return STOP;
        }
        if (failure instanceof SSLHandshakeException || failure instanceof TlsHandshakeTimeoutException) {
            return STOP; // a TLS set-up that failed (plain http behind https, an untrusted certificate) fails again
        }
        return Math.min(backoff(attempt), maxDelay);
    }

    /**
     * Whether the failure happened before a single byte of the request could leave: the connection could not be
     * opened, or none could be taken from the pool in time. Any other I/O failure may have come after the service
     * read the request.
     */
    public static boolean neverSent(IOException failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof ConnectionRequestTimeoutException
                || failure instanceof SSLHandshakeException || failure instanceof TlsHandshakeTimeoutException;
    }

    private long backoff(int attempt) {
        long delay = initialDelay << Math.min(attempt - 1, 20);
        return Math.min(delay, maxDelay);
    }
}
