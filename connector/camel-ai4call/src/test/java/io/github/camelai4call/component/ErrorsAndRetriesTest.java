package io.github.camelai4call.component;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each error class, and retries counted by the simulator: idempotent calls recover, calls out happen once. */
class ErrorsAndRetriesTest extends Ai4callTestSupport {

    private static final Map<String, Object> CALL = Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES,
            "to", "+390810000001", "metadata", Map.of("lead_id", "L-1"));

    private Ai4callException apiFailure(String op, Object body, Map<String, Object> headers) {
        return assertInstanceOf(Ai4callException.class, failure(op, body, headers));
    }

    @Test
    void unauthorizedIs401WithTheApiErrorCode() {
        Ai4callException e = apiFailure("listAssistants", null, Map.of(Ai4callConstants.PORTAL_API_KEY, "portal_wrong_key_000"));
        assertEquals(401, e.getStatusCode());
        assertEquals("UNAUTHORIZED", e.getErrorCode());
        assertTrue(e.isClientError());
        assertEquals(1, simulator().requestCount("listAssistants"), "4xx are not retried");
    }

    @Test
    void anotherCustomersAssistantIs404() {
        Ai4callException e = apiFailure("getAssistant", null, assistant(DemoData.ACME_ASSISTANT_RECEPTION));
        assertEquals(404, e.getStatusCode());
        assertEquals("getAssistant", e.getOperation());
        assertFalse(e.getMessage().contains(DemoData.ACME_ASSISTANT_RECEPTION), e.getMessage());
    }

    @Test
    void forbiddenIpIs403() {
        call("updateAllowedIps", Map.of("enabled", true, "ips", java.util.List.of("203.0.113.10/32")), null, Object.class);
        Ai4callException e = apiFailure("listAssistants", null, null);
        assertEquals(403, e.getStatusCode());
    }

    @Test
    void conflictIs409AndUnprocessableIs422() {
        String name = "Duplicate " + System.nanoTime();
        call("createAssistant", Map.of("name", name), null, Object.class);
        assertEquals(409, apiFailure("createAssistant", Map.of("name", name), null).getStatusCode());
        Ai4callException e = apiFailure("updateCallLimits", Map.of("maxConcurrentCalls", 100_000), null);
        assertEquals(422, e.getStatusCode());
        assertEquals("maxConcurrentCalls", e.getField());
    }

    @Test
    void serverSideValidationIs400NamingTheField() {
        Throwable cause = template.request("ai4call:outboundCall?validateRequest=false", x -> x.getMessage()
                .setBody(Map.of("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES, "to", "0810000001"))).getException();
        Ai4callException e = assertInstanceOf(Ai4callException.class, cause);
        assertEquals(400, e.getStatusCode());
        assertEquals("to", e.getField());
    }

    @Test
    void idempotentOperationRecoversFrom503And429() {
        simulator().faults().inject("listAssistants", Fault.status(503).times(2));
        assertNotNull(call("listAssistants", null, null, Object.class));
        assertEquals(3, simulator().requestCount("listAssistants"));

        simulator().faults().inject("getCallLimits", Fault.status(429).times(1).retryAfterSeconds(1));
        long started = System.nanoTime();
        assertNotNull(call("getCallLimits", null, null, Object.class));
        assertTrue(System.nanoTime() - started >= 900_000_000L, "Retry-After of 1 s is honoured");
        assertEquals(2, simulator().requestCount("getCallLimits"));
    }

    @Test
    void idempotentOperationGivesUpAfterMaxRetries() {
        simulator().faults().inject("listAssistants", Fault.status(503).times(10));
        Ai4callException e = apiFailure("listAssistants", null, null);
        assertEquals(503, e.getStatusCode());
        assertEquals(4, e.getAttempts());
        assertEquals(4, simulator().requestCount("listAssistants"));
    }

    @Test
    void idempotentOperationRecoversFromDroppedConnectionAndTruncatedBody() {
        simulator().faults().inject("getRuntimeSettings", Fault.dropConnection().times(1));
        assertNotNull(call("getRuntimeSettings", null, assistant(DemoData.DEMO_ASSISTANT_SALES), Object.class));
        assertEquals(2, simulator().requestCount("getRuntimeSettings"));

        simulator().faults().inject("listTools", Fault.truncateBody().times(1));
        assertNotNull(call("listTools", null, null, Object.class));
        assertEquals(2, simulator().requestCount("listTools"));
    }

    @Test
    void outboundCallIsNeverRetriedOnceSent() {
        simulator().faults().inject("outboundCall", Fault.status(503).times(1));
        assertEquals(503, apiFailure("outboundCall", CALL, null).getStatusCode());
        simulator().faults().inject("outboundCall", Fault.dropConnection().times(1));
        Ai4callException dropped = apiFailure("outboundCall", CALL, null);
        assertEquals(0, dropped.getStatusCode());
        simulator().faults().inject("outboundCall", Fault.status(429).times(1).retryAfterSeconds(1));
        assertEquals(429, apiFailure("outboundCall", CALL, null).getStatusCode());
        assertEquals(3, simulator().requestCount("outboundCall"), "one attempt per exchange, never two");
    }

    @Test
    void createAndOutboundPbxAreNeverRetriedOnTimeout() {
        simulator().faults().inject("outboundCallPbx", Fault.delay(Duration.ofMillis(3000)).times(1));
        Ai4callException e = apiFailure("outboundCallPbx", CALL, null);
        assertEquals(0, e.getStatusCode());
        SocketTimeoutException timeout = assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertTrue(timeout.getMessage().contains("request timeout of 2000 ms"), timeout.getMessage());
        assertEquals(1, simulator().requestCount("outboundCallPbx"));
        simulator().faults().inject("createAssistant", Fault.status(500).times(1));
        assertEquals(500, apiFailure("createAssistant", Map.of("name", "Once " + System.nanoTime()), null).getStatusCode());
        assertEquals(1, simulator().requestCount("createAssistant"));
    }

    @Test
    void slowAnswerWithinTheTimeoutArrivesAndALateOneIsTriedAgain() {
        simulator().faults().inject("getCallLimits", Fault.delay(Duration.ofMillis(1200)).times(1));
        assertNotNull(call("getCallLimits", null, null, Object.class));
        assertEquals(1, simulator().requestCount("getCallLimits"), "an answer inside the 2 s timeout is not cut");

        simulator().faults().inject("listAssistants", Fault.delay(Duration.ofMillis(3000)).times(1));
        assertNotNull(call("listAssistants", null, null, Object.class));
        assertEquals(2, simulator().requestCount("listAssistants"), "the late answer is abandoned, the retry answered");
    }

    @Test
    void requestTimeoutZeroWaitsAsLongAsTheServerTakes() {
        simulator().faults().inject("getCallLimits", Fault.delay(Duration.ofMillis(2500)).times(1));
        Object limits = template.requestBody("ai4call:getCallLimits?requestTimeout=0", null, Object.class);
        assertNotNull(limits);
        assertEquals(1, simulator().requestCount("getCallLimits"), "no timeout, so one request answered late");
    }

    @Test
    void unreachableServiceIsRetriedThenReported() throws Exception {
        Ai4callEndpoint endpoint = context.getEndpoint("ai4call:health?baseUrl=http://127.0.0.1:1&maxRetries=2",
                Ai4callEndpoint.class);
        Throwable cause = template.request(endpoint, e -> { }).getException();
        Ai4callException e = assertInstanceOf(Ai4callException.class, cause);
        assertEquals(0, e.getStatusCode());
        assertEquals(3, e.getAttempts());
    }

    @Test
    void aRefusedConnectionNamesHostAndPort() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once closed
        }
        Throwable cause = template.request("ai4call:listAssistants?maxRetries=0&baseUrl=http://127.0.0.1:" + closed,
                x -> { }).getException();
        Ai4callException e = assertInstanceOf(Ai4callException.class, cause);
        assertEquals(Ai4callDelivery.NOT_SENT, e.getDelivery());
        assertTrue(e.getMessage().startsWith("ai4call:listAssistants could not complete: ConnectException cannot connect to "
                                             + "127.0.0.1:" + closed), e.getMessage());
    }

    @Test
    void httpsAgainstAPlainHttpServerFailsFastSayingSo() {
        String plain = SIMULATOR.baseUrl().replace("http://", "https://");
        long started = System.nanoTime();
        Throwable cause = template.request("ai4call:listAssistants?connectTimeout=2000&baseUrl=" + plain, x -> { })
                .getException();
        long millis = (System.nanoTime() - started) / 1_000_000;
        Ai4callException e = assertInstanceOf(Ai4callException.class, cause);
        assertEquals(1, e.getAttempts(), "a failed TLS handshake is not retried");
        assertEquals(Ai4callDelivery.NOT_SENT, e.getDelivery());
        assertTrue(e.getMessage().contains("TLS handshake with " + java.net.URI.create(plain).getHost() + ":"
                                           + SIMULATOR.port()), e.getMessage());
        assertTrue(e.getMessage().contains("the server may speak plain http: check the scheme of baseUrl"), e.getMessage());
        assertTrue(millis < 5_000, "took " + millis + " ms");
        assertEquals(0, simulator().requestCount("listAssistants"));
    }
}
