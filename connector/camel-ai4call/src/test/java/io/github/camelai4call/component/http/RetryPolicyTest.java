package io.github.camelai4call.component.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callOperation;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The retry decisions alone: no network, no waiting. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, 100, 1000);

    private static HttpCallResult answer(int status, String retryAfter) {
        return new HttpCallResult(status, retryAfter == null ? Map.of() : Map.of("retry-after", retryAfter), new byte[0]);
    }

    @Test
    void idempotentOperationsAreRetriedOn429And503WithDoublingBackoff() {
        assertEquals(100, policy.afterAnswer(Ai4callOperation.listAssistants, 1, answer(503, null)));
        assertEquals(200, policy.afterAnswer(Ai4callOperation.listAssistants, 2, answer(429, null)));
        assertEquals(400, policy.afterAnswer(Ai4callOperation.listAssistants, 3, answer(503, null)));
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.listAssistants, 4, answer(503, null)),
                "maxRetries=3: the fourth attempt is the last");
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.listAssistants, 1, answer(500, null)));
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.listAssistants, 1, answer(404, null)));
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximumDelay() {
        assertEquals(1000, policy.afterAnswer(Ai4callOperation.getCallLimits, 1, answer(429, "1")));
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.getCallLimits, 1, answer(429, "2")),
                "a Retry-After longer than retryMaxDelay ends the retries");
        assertEquals(100, policy.afterAnswer(Ai4callOperation.getCallLimits, 1,
                answer(429, "Wed, 21 Oct 2026 07:28:00 GMT")), "an HTTP date keeps the backoff");
    }

    @Test
    void operationsThatPlaceCallsAreNeverRetriedOnceTheRequestMayHaveLeft() {
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.outboundCall, 1, answer(503, null)));
        assertEquals(RetryPolicy.STOP, policy.afterAnswer(Ai4callOperation.outboundCall, 1, answer(429, "1")));
        assertEquals(RetryPolicy.STOP, policy.afterFailure(Ai4callOperation.outboundCall, 1, new SocketTimeoutException()));
        assertEquals(RetryPolicy.STOP, policy.afterFailure(Ai4callOperation.outboundCall, 1,
                new NoHttpResponseException("dropped")));
        assertEquals(RetryPolicy.STOP, policy.afterFailure(Ai4callOperation.createAssistant, 1, new IOException("reset")));
        assertEquals(100, policy.afterFailure(Ai4callOperation.outboundCall, 1, new ConnectException("refused")),
                "a connection that could not be opened carried nothing");
        assertEquals(100, policy.afterFailure(Ai4callOperation.outboundCall, 1, new UnknownHostException("nowhere")));
        assertEquals(RetryPolicy.STOP, policy.afterFailure(Ai4callOperation.outboundCall, 4, new ConnectException()));
    }

    @Test
    void idempotentOperationsAreRetriedOnAnyIoFailure() {
        assertEquals(100, policy.afterFailure(Ai4callOperation.getRuntimeSettings, 1, new SocketTimeoutException()));
        assertEquals(200, policy.afterFailure(Ai4callOperation.getRuntimeSettings, 2, new IOException("truncated")));
    }

    @Test
    void onlyFailuresToConnectAreKnownNeverToHaveBeenSent() {
        assertEquals(true, RetryPolicy.neverSent(new ConnectException()));
        assertEquals(true, RetryPolicy.neverSent(new UnknownHostException()));
        assertEquals(false, RetryPolicy.neverSent(new SocketTimeoutException()));
        assertEquals(false, RetryPolicy.neverSent(new NoHttpResponseException("no answer")));
    }
}
