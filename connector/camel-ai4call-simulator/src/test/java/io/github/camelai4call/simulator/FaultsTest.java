package io.github.camelai4call.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** Fault injection from Java and from the admin endpoint, and the request counter. */
class FaultsTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension().resetBeforeEach();

    static final String OUTBOUND = "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\"}";

    Ai4callSimulator sim() {
        return SIMULATOR.simulator();
    }

    TestClient client() {
        return new TestClient(SIMULATOR.baseUrl());
    }

    @AfterEach
    void clear() {
        sim().faults().clear();
    }

    @Test
    void statusWithRetryAfterForTheNextTwo() {
        sim().faults().inject("listAssistants", Fault.status(503).times(2).retryAfterSeconds(1));
        TestClient c = client();
        for (int i = 0; i < 2; i++) {
            TestClient.Res r = c.get("/api/v1/assistants");
            assertEquals(503, r.status());
            assertEquals("1", r.header("Retry-After"));
            assertEquals("UNAVAILABLE", r.json().get("code").asText());
            TestClient.assertConforms("GET", "/api/v1/assistants", r);
        }
        assertEquals(200, c.get("/api/v1/assistants").status());
        assertEquals(3, sim().requestCount("listAssistants"));
        assertTrue(sim().faults().active().isEmpty());
        // other operations unaffected
        sim().faults().inject("getAssistant", Fault.status(429));
        TestClient.Res limited = c.get("/api/v1/assistants/ast_demo_sales_01");
        assertEquals(429, limited.status());
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(200, c.get("/api/v1/assistants").status());
    }

    @Test
    void rateFaultsAboutTheRate() {
        sim().faults().inject("health", Fault.status(500).rate(0.3));
        TestClient c = client();
        int errors = 0;
        for (int i = 0; i < 200; i++) {
            if (c.get("/health").status() == 500) errors++;
        }
        assertTrue(errors > 30 && errors < 95, "errors=" + errors);
        assertEquals(200, sim().requestCount("health"));
    }

    @Test
    void delayExceedsClientTimeout() throws Exception {
        sim().faults().inject("getCallLimits", Fault.delay(Duration.ofMillis(800)).times(1));
        TestClient c = client();
        HttpRequest req = c.request("GET", "/api/v1/account/call-limits", null).timeout(Duration.ofMillis(200)).build();
        assertThrows(HttpTimeoutException.class, () -> c.http.send(req, HttpResponse.BodyHandlers.ofString()));
        long t0 = System.nanoTime();
        assertEquals(200, c.get("/api/v1/account/call-limits").status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 700);
    }

    @Test
    void droppedConnectionAndOutboundAttemptedOnce() {
        sim().faults().inject("outboundCall", Fault.dropConnection().times(1));
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(SIMULATOR.baseUrl() + "/webhook/outbound_call"))
                .header("x-client-email", DemoData.DEMO_EMAIL).header("x-portal-api-key", DemoData.DEMO_PORTAL_API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(OUTBOUND)).build();
        assertThrows(IOException.class, () -> fresh.send(req, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, sim().requestCount("outboundCall"));
        assertEquals(0, sim().outboundCalls().size(), "a dropped request places no call");
        assertEquals(202, client().post("/webhook/outbound_call", OUTBOUND).status());
        assertEquals(2, sim().requestCount("outboundCall"));
        assertEquals(1, sim().outboundCalls().size());
        sim().resetRequestCounts();
        assertEquals(0, sim().requestCount("outboundCall"));
    }

    @Test
    void truncatedBodyIsAPrematureEof() throws Exception {
        sim().faults().inject("listTtsProviders", Fault.truncateBody().times(1));
        sim().faults().inject("analyticsCalls", Fault.truncateBody().times(1));
        TestClient c = client();
        for (String path : new String[] {"/api/v1/catalog/providers/tts", "/api/v1/account/analytics/calls?limit=200"}) {
            HttpRequest req = c.request("GET", path, null).build();
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            IOException e = assertThrows(IOException.class, () -> fresh.send(req, HttpResponse.BodyHandlers.ofString()));
            assertNotNull(e.getMessage());
            assertEquals(200, c.get(path).status());
        }
    }

    @Test
    void adminEndpointsInjectAndClearFaults() {
        TestClient c = client();
        TestClient.Res r = c.post("/__admin/faults", "{\"operationId\":\"listTools\",\"type\":\"status\",\"status\":503,\"times\":1,\"retryAfterSeconds\":2}");
        assertEquals(200, r.status(), r.body());
        assertTrue(c.get("/__admin/faults").body().contains("listTools"));
        TestClient.Res f = c.get("/api/v1/catalog/tools");
        assertEquals(503, f.status());
        assertEquals("2", f.header("Retry-After"));
        c.post("/__admin/faults", "{\"operationId\":\"*\",\"type\":\"status\",\"status\":500}");
        assertEquals(500, c.get("/api/v1/catalog/tools").status());
        assertEquals(200, c.call("DELETE", "/__admin/faults", null).status());
        assertEquals(200, c.get("/api/v1/catalog/tools").status());
        TestClient.Res counts = c.get("/__admin/requests");
        assertEquals(3, counts.json().at("/counts/listTools").asInt());
        assertEquals(404, c.post("/__admin/faults", "{\"operationId\":\"noSuchOp\"}").status());
        c.call("DELETE", "/__admin/requests", null);
        assertEquals(0, sim().requestCount("listTools"));
    }

    @Test
    void adminListsTheAcceptedOutboundCalls() {
        TestClient c = client();
        assertEquals(0, c.get("/__admin/outbound-calls").json().size());
        String callId = c.expect(202, "POST", "/webhook/outbound_call", OUTBOUND).json().get("callId").asText();
        TestClient.Res r = c.get("/__admin/outbound-calls");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().size());
        assertEquals(callId, r.json().at("/0/callId").asText());
        assertEquals("+390810000001", r.json().at("/0/to").asText());
        assertEquals(sim().outboundCalls().get(0).acceptedAt().toString(), r.json().at("/0/acceptedAt").asText());
    }
}
