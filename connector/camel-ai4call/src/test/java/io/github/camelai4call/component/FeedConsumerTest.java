package io.github.camelai4call.component;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.model.CallRecord;
import io.github.camelai4call.model.CallRecordPage;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.simulator.SimulatorConfig;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytics consumers: every record once, in order, across restarts, faults, late arrivals, failures and nodes. */
class FeedConsumerTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0)
            .analyticsRecords(10_000).callDuration(Duration.ofMillis(100)).build());

    private static final String FEED = "ai4call:analyticsCalls?startFrom=P91D&limit=500&delay=20&outputType=jsonNode";

    @TempDir
    Path dir;

    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        SIMULATOR.simulator().resetAll();
    }

    @AfterEach
    void stopContexts() throws Exception {
        for (CamelContext c : contexts) {
            c.stop();
        }
    }

    private CamelContext context(RouteBuilder routes, Map<String, Object> beans) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        beans.forEach((name, bean) -> camel.getRegistry().bind(name, bean));
        var config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(SIMULATOR.baseUrl());
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        config.setRetryInitialDelay(10);
        config.setRequestTimeout(1000);
        camel.addRoutes(routes);
        contexts.add(camel);
        camel.start();
        return camel;
    }

    private RouteBuilder collect(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("feed").process(e -> received.add(e.getMessage().getHeader(Ai4callConstants.RECORD_ID,
                        String.class)));
            }
        };
    }

    /**
     * Like {@link #collect(String)}, with a route that takes a millisecond per record, as one writing to a database
     * would: the history then lasts longer than stopping a context takes, so a stop lands in the middle of it.
     */
    private RouteBuilder collectSlowly(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("feed").delay(1).syncDelayed()
                        .process(e -> received.add(e.getMessage().getHeader(Ai4callConstants.RECORD_ID, String.class)));
            }
        };
    }

    /** Every record of the feed, read page by page with the producer: what the consumer must deliver. */
    private List<String> truth() throws Exception {
        CamelContext camel = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:page").to("ai4call:analyticsCalls?limit=1000");
            }
        }, Map.of());
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> headers = new HashMap<>();
            headers.put(Ai4callConstants.FROM, Instant.now().minus(Duration.ofDays(91)).toString());
            if (cursor != null) {
                headers.put(Ai4callConstants.CURSOR, cursor);
            }
            var exchange = template.request("direct:page", e -> e.getMessage().setHeaders(headers));
            exchange.getMessage().getBody(CallRecordPage.class).getItems().forEach(r -> ids.add(r.getId()));
            cursor = exchange.getMessage().getHeader(Ai4callConstants.NEXT_CURSOR, String.class);
        } while (cursor != null);
        camel.stop();
        return ids;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, Duration.ofSeconds(60), () -> what);
    }

    /**
     * Returns once the simulator has answered four more requests of the feed: at least two more polls of the consumer
     * that is polling (a cluster's leader; a poll that has caught up reads one page), a window in which a record
     * delivered twice would have come.
     */
    private static void afterMorePolls(String feed) throws InterruptedException {
        long before = SIMULATOR.simulator().requestCount(feed);
        await(() -> SIMULATOR.simulator().requestCount(feed) >= before + 4, "four more requests of " + feed);
    }

    private void assertExactlyOnce(List<String> expected) throws InterruptedException {
        await(() -> received.size() >= expected.size(), expected.size() + " records");
        afterMorePolls("analyticsCalls"); // nothing else may come
        assertEquals(expected.size(), received.size(), () -> "no record twice; twice: " + received.stream()
                .filter(id -> Collections.frequency(received, id) > 1).distinct()
                .map(id -> id + " at " + received.indexOf(id) + " and " + received.lastIndexOf(id)).toList());
        assertEquals(new HashSet<>(expected), new HashSet<>(received), "every record");
    }

    private Map<String, Object> fileState(String name) {
        File base = dir.toFile();
        return Map.of("state", FileStateRepository.fileStateRepository(new File(base, name + ".state")),
                "ids", FileIdempotentRepository.fileIdempotentRepository(new File(base, name + ".ids"),
                        new java.util.concurrent.ConcurrentHashMap<>()));
    }

    @Test
    void deliversTheWholeHistoryOnceInTimeOrder() throws Exception {
        List<String> expected = truth();
        assertTrue(expected.size() >= 10_000, "history size " + expected.size());
        context(collect(FEED), Map.of());
        assertExactlyOnce(expected);
        assertEquals(expected, received, "in (timestamp, id) order");
    }

    @Test
    void survivesThreeRestartsWithFileBackedState() throws Exception {
        List<String> expected = truth();
        String uri = FEED + "&stateRepository=#state&idempotentRepository=#ids";
        for (int restart = 1; restart <= 3; restart++) {
            int target = restart * expected.size() / 4;
            CamelContext camel = context(collectSlowly(uri), fileState("restarts"));
            await(() -> received.size() >= target, target + " records before restart");
            camel.stop();
            contexts.remove(camel);
        }
        assertTrue(received.size() < expected.size(), "stopped mid-way");
        context(collect(uri), fileState("restarts"));
        assertExactlyOnce(expected);
    }

    @Test
    void survivesThreeRestartsWithAStateFile() throws Exception {
        List<String> expected = truth();
        String uri = FEED + "&stateFile=" + dir.resolve("restarts.state");
        for (int restart = 1; restart <= 3; restart++) {
            int target = restart * expected.size() / 4;
            CamelContext camel = context(collectSlowly(uri), Map.of());
            await(() -> received.size() >= target, target + " records before restart");
            camel.stop();
            contexts.remove(camel);
        }
        assertTrue(received.size() < expected.size(), "stopped mid-way");
        context(collect(uri), Map.of());
        assertExactlyOnce(expected);
        long kept = Files.readAllLines(dir.resolve("restarts.state")).size();
        assertTrue(kept < 100, "the state file keeps the last overlap window: " + kept + " lines");
    }

    @Test
    void oneStateOptionAtATime() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context(collect(
                FEED + "&stateFile=" + dir.resolve("x.state") + "&stateRepository=#state"), fileState("x")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("set one of stateFile, stateDataSource or stateRepository"),
                root.getMessage());
    }

    @Test
    void theIdsFileKeepsOnlyTheOverlapWindowAndARestartStillDeliversNothingAgain() throws Exception {
        List<String> expected = truth();
        String uri = FEED + "&stateRepository=#state&idempotentRepository=#ids";
        CamelContext first = context(collect(uri), fileState("window"));
        assertExactlyOnce(expected);
        first.stop();
        contexts.remove(first);
        long kept = Files.readAllLines(dir.resolve("window.ids")).stream().filter(line -> !line.isBlank()).count();
        assertTrue(kept < 100, "the ids file keeps the last overlap window, not the " + expected.size()
                               + " ids of the history: " + kept + " ids");
        received.clear();
        context(collect(uri), fileState("window"));
        afterMorePolls("analyticsCalls"); // each reading the overlap window again
        assertEquals(List.of(), received, "nothing delivered again after the restart");
    }

    @Test
    void stillExactlyOnceWithServerErrorsTimeoutsAndTruncatedBodies() throws Exception {
        List<String> expected = truth();
        SIMULATOR.simulator().faults().inject("analyticsCalls", Fault.status(500).rate(0.1));
        SIMULATOR.simulator().faults().inject("analyticsCalls", Fault.truncateBody().rate(0.05));
        SIMULATOR.simulator().faults().inject("analyticsCalls", Fault.delay(Duration.ofMillis(1500)).rate(0.03));
        context(collect(FEED + "&maxRetries=1"), Map.of());
        assertExactlyOnce(expected);
    }

    @Test
    void lateRecordInsideTheOverlapArrivesOnceAndOlderOnesAreNotReplayed() throws Exception {
        List<String> expected = truth();
        context(collect(FEED + "&overlap=PT10M"), Map.of());
        assertExactlyOnce(expected);
        Instant now = Instant.now();
        SIMULATOR.simulator().analytics().append("analyticsCalls", Map.of("id", "call_late_inside",
                "timestamp", now.minus(Duration.ofMinutes(2)).toString(), "direction", "outbound", "outcome", "completed"));
        await(() -> received.contains("call_late_inside"), "the late record");
        afterMorePolls("analyticsCalls");
        assertEquals(1, Collections.frequency(received, "call_late_inside"));
        assertEquals(expected.size() + 1, received.size());
    }

    @Test
    void failedRecordIsDeliveredAgainAndTheWatermarkDoesNotPassIt() throws Exception {
        List<String> expected = truth();
        String poison = expected.get(1234);
        Set<String> failedOnce = Collections.synchronizedSet(new HashSet<>());
        List<String> attempts = new CopyOnWriteArrayList<>();
        var state = FileStateRepository.fileStateRepository(dir.resolve("poison.state").toFile());
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from(FEED + "&stateRepository=#state").process(e -> {
                    String id = e.getMessage().getHeader(Ai4callConstants.RECORD_ID, String.class);
                    attempts.add(id);
                    if (id.equals(poison) && failedOnce.add(id)) {
                        throw new IllegalStateException("database down");
                    }
                    received.add(id);
                });
            }
        }, Map.of("state", state));
        assertExactlyOnce(expected);
        assertEquals(2, Collections.frequency(attempts, poison), "the failed record came back once");
        int firstFailure = attempts.indexOf(poison);
        assertEquals(poison, attempts.get(firstFailure + 1), "nothing after it was delivered before it succeeded");
        assertEquals(expected, received, "order kept");
    }

    @Test
    void twoNodesSharingAClusterServiceDeliverEachRecordOnceInTotal() throws Exception {
        List<String> expected = truth();
        // one state file, written atomically with a version check: each node reads it at each poll, so the node that
        // takes over starts from what the leader wrote last (two Camel repositories each cached the ids in memory)
        String uri = "master:ai4call-feed:" + FEED + "&stateFile=" + dir.resolve("shared.state");
        Map<String, CamelContext> nodes = new HashMap<>();
        Map<String, List<String>> byNode = new java.util.concurrent.ConcurrentHashMap<>();
        for (String node : List.of("node-a", "node-b")) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(node);
            cluster.setRoot(dir.resolve("cluster").toString());
            cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
            CamelContext camel = new DefaultCamelContext();
            camel.addService(cluster);
            var config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
            config.setBaseUrl(SIMULATOR.baseUrl());
            config.setEmail(DemoData.DEMO_EMAIL);
            config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // a millisecond per record, as a route writing to a database takes: the leader is stopped mid-way
                    from(uri).delay(1).syncDelayed().process(e -> {
                        String id = e.getMessage().getHeader(Ai4callConstants.RECORD_ID, String.class);
                        byNode.computeIfAbsent(node, n -> new CopyOnWriteArrayList<>()).add(id);
                        received.add(id);
                    });
                }
            });
            camel.start();
            contexts.add(camel);
            nodes.put(node, camel);
        }
        await(() -> received.size() >= expected.size() / 3, "the leader to deliver a third");
        assertEquals(1, byNode.size(), "one node polls at a time");
        String leader = byNode.keySet().iterator().next();
        nodes.get(leader).stop();
        contexts.remove(nodes.get(leader));
        assertExactlyOnce(expected);
        assertEquals(2, byNode.size(), "the other node took over");
    }

    @Test
    void tracksTheOutcomeOfCallsPlacedByLeadId() throws Exception {
        List<CallRecord> outcomes = new CopyOnWriteArrayList<>();
        CamelContext camel = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("ai4call:outboundCall?assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES);
                from("ai4call:analyticsCallsOutbound?metadataKey=lead_id&metadataValue=L-777&startFrom=PT1M&delay=50")
                        .process(e -> outcomes.add(e.getMessage().getBody(CallRecord.class)));
            }
        }, Map.of());
        String callId = camel.createProducerTemplate().requestBody("direct:call",
                Map.of("to", "+390810000001", "metadata", Map.of("lead_id", "L-777")),
                io.github.camelai4call.model.OutboundCallResponse.class).getCallId();
        await(() -> !outcomes.isEmpty(), "the outcome of the call");
        afterMorePolls("analyticsCallsOutbound");
        assertEquals(1, outcomes.size());
        assertEquals(callId, outcomes.get(0).getId());
        assertEquals("L-777", outcomes.get(0).getMetadata().get("lead_id"));
        assertEquals(CallRecord.class, outcomes.get(0).getClass());
    }

    @Test
    void batchModeDeliversOnePagePerExchange() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:analyticsRecharges?startFrom=P91D&limit=5&batch=true&delay=20").process(e -> {
                    List<?> page = e.getMessage().getBody(List.class);
                    sizes.add(page.size());
                    page.forEach(r -> received.add(((io.github.camelai4call.model.RechargeRecord) r).getId()));
                });
            }
        }, Map.of());
        await(() -> sizes.size() >= 2, "two pages");
        assertEquals(5, sizes.get(0));
        assertEquals(received.size(), new HashSet<>(received).size(), "no record twice");
    }

    @Test
    void onlyAnalyticsFeedsCanBeConsumed() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context(collect(
                "ai4call:listAssistants"), Map.of()));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("ai4call:listAssistants cannot be consumed"), root.getMessage());
    }
}
