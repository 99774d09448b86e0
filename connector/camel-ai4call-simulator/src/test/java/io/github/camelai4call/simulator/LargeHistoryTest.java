package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A 1,000,000-record history stays small in memory (the suite runs with -Xmx256m) and serves pages. How fast it
 * builds is a benchmark's business (the feed benchmark builds one), not a timed assertion on a shared machine.
 */
class LargeHistoryTest {

    @Test
    void millionRecordHistory() {
        Runtime rt = Runtime.getRuntime();
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().analyticsRecords(1_000_000).seed(7).build())) {
            System.gc();
            long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            assertTrue(used < 200, "heap used after build: " + used + " MB");
            assertEquals(1_000_000, sim.analytics().size(DemoData.DEMO_EMAIL, "analyticsCalls"));
            TestClient c = new TestClient(sim.baseUrl());
            JsonNode first = c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=1000", null).json();
            assertEquals(1000, first.get("items").size());
            assertTrue(first.at("/page/hasMore").asBoolean());
            JsonNode second = c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=1000&cursor=" + first.at("/page/nextCursor").asText(), null).json();
            assertTrue(second.at("/items/0/timestamp").asText().compareTo(first.at("/items/999/timestamp").asText()) > 0);
            // a selective filter scans the whole history
            JsonNode filtered = c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=10&metadataKey=lead_id&metadataValue=4242"
                    + "&assistantApiKey=ast_demo_support_01&outcome=busy", null).json();
            for (JsonNode r : filtered.get("items")) assertEquals("4242", r.at("/metadata/lead_id").asText());
            // the last page, from one day ago
            JsonNode recent = c.expect(200, "GET", "/api/v1/account/analytics/calls?limit=1000&from="
                    + java.time.Instant.now().minus(Duration.ofHours(2)), null).json();
            assertTrue(recent.get("items").size() > 0);
            System.gc();
            long after = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            assertTrue(after < 200, "heap used after serving: " + after + " MB");
        }
    }
}
