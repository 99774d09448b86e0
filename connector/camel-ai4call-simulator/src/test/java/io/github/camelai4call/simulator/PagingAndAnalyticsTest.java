package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.camelai4call.simulator.DemoData.*;
import static org.junit.jupiter.api.Assertions.*;

/** Keyset paging of the analytics feeds, outbound calls appearing after the simulated duration, late appends. */
class PagingAndAnalyticsTest {

    static Ai4callSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(5000).callDuration(Duration.ofMillis(100)).seed(42).build());
        client = new TestClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    record Rec(long ts, String id, JsonNode json) {
    }

    static List<Rec> readAll(String path, int limit, Runnable betweenPages) {
        List<Rec> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String sep = path.contains("?") ? "&" : "?";
            String url = path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = client.expect(200, "GET", url, null).json();
            for (JsonNode r : page.get("items")) {
                out.add(new Rec(Instant.parse(r.get("timestamp").asText()).toEpochMilli(), r.get("id").asText(), r));
            }
            assertEquals(page.at("/page/hasMore").asBoolean(), !page.at("/page/nextCursor").isNull());
            cursor = page.at("/page/nextCursor").isNull() ? null : page.at("/page/nextCursor").asText();
            if (betweenPages != null && pages == 2) betweenPages.run();
            pages++;
            assertTrue(pages < 10_000);
        } while (cursor != null);
        return out;
    }

    static void assertOrderedAndUnique(List<Rec> recs) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < recs.size(); i++) {
            assertTrue(ids.add(recs.get(i).id()), "duplicate " + recs.get(i).id());
            if (i > 0) {
                Rec p = recs.get(i - 1);
                Rec r = recs.get(i);
                assertTrue(p.ts() < r.ts() || (p.ts() == r.ts() && p.id().compareTo(r.id()) < 0), "out of order at " + i);
            }
        }
    }

    @Test
    void pagingReturnsEveryRecordExactlyOnceInOrderEvenWithAppends() {
        long expected = sim.analytics().size(DEMO_EMAIL, "analyticsCalls");
        // appended while paging: one in the already-read past, one in the future part of the range
        List<Rec> all = readAll("/api/v1/account/analytics/calls", 500, () -> {
            sim.analytics().append("analyticsCalls", Map.of("id", "call_late_past", "timestamp", Instant.now().minus(Duration.ofDays(88)),
                    "direction", "inbound", "outcome", "completed"));
            sim.analytics().append("analyticsCalls", Map.of("id", "call_late_recent", "timestamp", Instant.now().minus(Duration.ofMinutes(5)),
                    "direction", "inbound", "outcome", "busy"));
        });
        assertOrderedAndUnique(all);
        assertEquals(expected + 1, all.size(), "every record once, plus the one appended ahead of the cursor");
        assertTrue(all.stream().anyMatch(r -> r.id().equals("call_late_recent")));
        assertTrue(all.stream().noneMatch(r -> r.id().equals("call_late_past")));
        // a fresh read sees both
        List<Rec> again = readAll("/api/v1/account/analytics/calls", 1000, null);
        assertOrderedAndUnique(again);
        assertEquals(expected + 2, again.size());
    }

    @Test
    void fromIsInclusiveToIsExclusiveAndFiltersPage() {
        List<Rec> all = readAll("/api/v1/account/analytics/sms", 1000, null);
        assertTrue(all.size() >= 400);
        Rec a = all.get(100);
        Rec b = all.get(200);
        String path = "/api/v1/account/analytics/sms?from=" + Instant.ofEpochMilli(a.ts()) + "&to=" + Instant.ofEpochMilli(b.ts());
        List<Rec> range = readAll(path, 7, null);
        assertEquals(100, range.size());
        assertEquals(a.id(), range.get(0).id());
        assertEquals(all.get(199).id(), range.get(99).id());
        List<Rec> outbound = readAll("/api/v1/account/analytics/calls-outbound?assistantApiKey=" + DEMO_ASSISTANT_SALES, 333, null);
        assertOrderedAndUnique(outbound);
        assertFalse(outbound.isEmpty());
        outbound.forEach(r -> assertEquals("outbound", r.json().get("direction").asText()));
        outbound.forEach(r -> assertEquals(DEMO_ASSISTANT_SALES, r.json().get("assistantApiKey").asText()));
        // every feed pages to the end
        for (String feed : List.of("recharges", "rag", "tool-responses", "pre-call")) {
            assertOrderedAndUnique(readAll("/api/v1/account/analytics/" + feed, 250, null));
        }
    }

    @Test
    void outboundCallAppearsAfterTheSimulatedDuration() throws Exception {
        String body = "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\",\"from\":\"+390200000001\","
                + "\"metadata\":{\"lead_id\":\"lead-777\",\"ticket\":\"T-9\"}}";
        String callId = client.expect(202, "POST", "/webhook/outbound_call", body).json().get("callId").asText();
        OutboundCall placed = sim.outboundCalls().stream().filter(c -> c.callId().equals(callId)).findFirst().orElseThrow();
        assertEquals(Map.of("lead_id", "lead-777", "ticket", "T-9"), placed.metadata());
        assertEquals(DEMO_EMAIL, placed.customerEmail());
        String q = "/api/v1/account/analytics/calls-outbound?callId=" + callId;
        JsonNode rec = null;
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode items = client.expect(200, "GET", q, null).json().get("items");
            if (items.size() == 1) {
                rec = items.get(0);
                break;
            }
            Thread.sleep(20);
        }
        assertNotNull(rec, "the call record did not appear");
        assertEquals("outbound", rec.get("direction").asText());
        assertEquals("completed", rec.get("outcome").asText());
        assertEquals("lead-777", rec.at("/metadata/lead_id").asText());
        assertEquals("T-9", rec.at("/metadata/ticket").asText());
        assertEquals(placed.acceptedAt().toString(), rec.get("timestamp").asText());
        assertEquals(1, client.expect(200, "GET", "/api/v1/account/analytics/calls?metadataKey=lead_id&metadataValue=lead-777", null)
                .json().get("items").size());
        // a number ending with 8 is busy
        String busy = client.expect(202, "POST", "/webhook/outbound_call_pbx", body.replace("+390810000001", "+390810000008"))
                .json().get("callId").asText();
        Thread.sleep(400);
        JsonNode busyRec = client.expect(200, "GET", "/api/v1/account/analytics/calls?callId=" + busy, null).json().at("/items/0");
        assertEquals("busy", busyRec.get("outcome").asText());
    }

    @Test
    void lateAppendedRecordAppearsInItsPlace() {
        Instant ts = Instant.now().minus(Duration.ofDays(30));
        Map<String, Object> stored = sim.analytics().append("analyticsCallsOutbound", Map.of("id", "call_late_0001", "timestamp", ts,
                "assistantApiKey", DEMO_ASSISTANT_SUPPORT, "to", "+390810000003", "metadata", Map.of("lead_id", "L-late")));
        assertEquals("outbound", stored.get("direction"));
        JsonNode page = client.expect(200, "GET", "/api/v1/account/analytics/calls-outbound?from=" + ts + "&limit=3", null).json();
        assertEquals("call_late_0001", page.at("/items/0/id").asText());
        JsonNode byMeta = client.expect(200, "GET", "/api/v1/account/analytics/calls-outbound?metadataKey=lead_id&metadataValue=L-late", null).json();
        assertEquals(1, byMeta.get("items").size());
        // the admin endpoint does the same
        TestClient.Res r = client.post("/__admin/analytics/analyticsRecharges",
                "{\"id\":\"rch_late_1\",\"timestamp\":\"" + ts + "\",\"amount\":75.0,\"currency\":\"EUR\",\"method\":\"card\"}");
        assertEquals(201, r.status(), r.body());
        JsonNode rch = client.expect(200, "GET", "/api/v1/account/analytics/recharges?from=" + ts + "&limit=1", null).json();
        assertEquals("rch_late_1", rch.at("/items/0/id").asText());
        // other customers do not see it
        JsonNode acme = client.as(ACME_EMAIL, ACME_PORTAL_API_KEY)
                .expect(200, "GET", "/api/v1/account/analytics/calls-outbound?metadataKey=lead_id&metadataValue=L-late", null).json();
        assertEquals(0, acme.get("items").size());
    }

    @Test
    void idsHandedOutAreNotRepeatedByARestartWithTheSameSeed() {
        String call = "{\"assistantApiKey\":\"ast_demo_sales_01\",\"to\":\"+390810000001\"}";
        Set<String> callIds = new HashSet<>();
        Set<String> assistantKeys = new HashSet<>();
        for (int run = 0; run < 2; run++) {
            try (Ai4callSimulator s = Ai4callSimulator.start(SimulatorConfig.builder().analyticsRecords(10).seed(42).build())) {
                TestClient c = new TestClient(s.baseUrl());
                assertTrue(callIds.add(c.expect(202, "POST", "/webhook/outbound_call", call).json().get("callId").asText()));
                assertTrue(assistantKeys.add(c.expect(201, "POST", "/api/v1/assistants", "{\"name\":\"Reminder\"}").json()
                        .get("assistantApiKey").asText()));
                assertTrue(callIds.add((String) s.analytics().append("analyticsCalls", Map.of()).get("id")));
            }
        }
        assertEquals(4, callIds.size());
        assertEquals(2, assistantKeys.size());
    }

    @Test
    void historyIsDeterministicForASeed() {
        try (Ai4callSimulator other = Ai4callSimulator.start(SimulatorConfig.builder().analyticsRecords(5000).seed(42).build())) {
            TestClient oc = new TestClient(other.baseUrl());
            JsonNode mine = client.get("/api/v1/account/analytics/calls?limit=5&from=2000-01-01T00:00:00Z").json().get("items");
            JsonNode theirs = oc.get("/api/v1/account/analytics/calls?limit=5&from=2000-01-01T00:00:00Z").json().get("items");
            for (int i = 0; i < 5; i++) {
                assertEquals(mine.get(i).get("id"), theirs.get(i).get("id"));
                assertEquals(mine.get(i).get("outcome"), theirs.get(i).get("outcome"));
            }
        }
    }
}
