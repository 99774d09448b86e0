package io.github.camelai4call.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/** The account's call limits are enforced on outbound calls with the contract's 429 and a Retry-After. */
class CallLimitsTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension().resetBeforeEach();

    static final String OUTBOUND = "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\"}";

    TestClient client() {
        return new TestClient(SIMULATOR.baseUrl());
    }

    static void assertLimitReached(TestClient.Res r, String limit) {
        assertEquals(429, r.status(), r.body());
        assertEquals("RATE_LIMITED", r.json().get("code").asText());
        assertTrue(r.json().get("message").asText().contains(limit), r.body());
        assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
        TestClient.assertConforms("POST", "/webhook/outbound_call", r);
    }

    @Test
    void oneConcurrentCallAdmitsOneOfSixteen() throws Exception {
        TestClient c = client();
        c.expect(200, "PATCH", "/api/v1/account/call-limits", "{\"maxConcurrentCalls\":1}");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<TestClient.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return c.post("/webhook/outbound_call", OUTBOUND);
            }));
        }
        go.countDown();
        int accepted = 0;
        for (CompletableFuture<TestClient.Res> f : calls) {
            TestClient.Res r = f.get();
            if (r.status() == 202) accepted++;
            else assertLimitReached(r, "maxConcurrentCalls");
        }
        assertEquals(1, accepted);
        assertEquals(1, SIMULATOR.simulator().outboundCalls().size());
        // once the call has ended (1 s), the next one is admitted
        Thread.sleep(1500);
        c.expect(202, "POST", "/webhook/outbound_call", OUTBOUND);
    }

    @Test
    void hourAndDayLimits() {
        TestClient c = client();
        c.expect(200, "PATCH", "/api/v1/account/call-limits", "{\"maxCallsPerHour\":2}");
        c.expect(202, "POST", "/webhook/outbound_call", OUTBOUND);
        c.expect(202, "POST", "/webhook/outbound_call_pbx", OUTBOUND);
        assertLimitReached(c.post("/webhook/outbound_call", OUTBOUND), "maxCallsPerHour");
        assertEquals(2, SIMULATOR.simulator().outboundCalls().size());

        SIMULATOR.simulator().resetState();
        c.expect(200, "PATCH", "/api/v1/account/call-limits", "{\"maxCallsPerHour\":0,\"maxCallsPerDay\":0}");
        assertLimitReached(c.post("/webhook/outbound_call", OUTBOUND), "maxCallsPerDay");
        assertEquals(0, SIMULATOR.simulator().outboundCalls().size());
        // the other customer has its own limits
        c.as(DemoData.ACME_EMAIL, DemoData.ACME_PORTAL_API_KEY).expect(202, "POST", "/webhook/outbound_call",
                OUTBOUND.replace(DemoData.DEMO_ASSISTANT_SALES, DemoData.ACME_ASSISTANT_RECEPTION));
    }

    @Test
    void limitsCanBeLeftUnenforcedForLoadTests() {
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().enforceCallLimits(false).build())) {
            TestClient c = new TestClient(sim.baseUrl());
            c.expect(200, "PATCH", "/api/v1/account/call-limits", "{\"maxConcurrentCalls\":0,\"maxCallsPerHour\":0,\"maxCallsPerDay\":0}");
            c.expect(202, "POST", "/webhook/outbound_call", OUTBOUND);
        }
    }
}
