package io.github.camelai4call.component.http;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.Ai4callException;
import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.component.request.PreparedRequest;
import io.github.camelai4call.component.response.ResponseMapper;
import io.github.camelai4call.component.support.RetryPolicy;
import io.github.camelai4call.component.support.SecretMasker;

/**
 * Sends a prepared request with the retry policy; used by producers and consumers alike. Logs the operation and
 * the path template, never a path with keys in it.
 */
public final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final Ai4callHttpClient client;
    private final RetryPolicy policy;
    private final ResponseMapper responseMapper;

    public RetryingSender(Ai4callHttpClient client, RetryPolicy policy, ResponseMapper responseMapper) {
        this.client = client;
        this.policy = policy;
        this.responseMapper = responseMapper;
    }

    /** The successful result, or the {@link Ai4callException} of the last attempt. */
    public HttpCallResult send(Ai4callOperation op, PreparedRequest request) throws Ai4callException, InterruptedException {
        int attempt = 0;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            long wait;
            try {
                HttpCallResult result = client.execute(op.method(), request.host(), request.target(), request.headers(),
                        request.entity());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("ai4call:{} {} {} -> HTTP {} in {} ms (attempt {})", op.name(), op.method(), op.path(),
                            result.status(), (System.nanoTime() - started) / 1_000_000, attempt);
                }
                if (result.successful()) {
                    return result;
                }
                wait = policy.afterAnswer(op, attempt, result);
                if (wait == RetryPolicy.STOP) {
                    throw responseMapper.toException(op, result, attempt, request.secrets());
                }
            } catch (IOException e) {
                wait = policy.afterFailure(op, attempt, e);
                LOG.debug("ai4call:{} {} {} failed: {} (attempt {})", op.name(), op.method(), op.path(),
                        e.getClass().getSimpleName(), attempt);
                if (wait == RetryPolicy.STOP) {
                    String masked = SecretMasker.mask(e.getMessage(), request.secrets());
                    Throwable cause = masked == null || masked.equals(e.getMessage()) ? e
                            : new IOException(e.getClass().getSimpleName() + ": " + masked);
                    throw new Ai4callException(op.name(), 0, null, null, null, null, attempt, cause);
                }
            }
            LOG.debug("ai4call:{} retrying in {} ms", op.name(), wait);
            Thread.sleep(wait);
        }
    }
}
