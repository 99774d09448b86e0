package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.simulator.OutboundCall;

class CrmLeadsToCallsTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void eachLeadIsCalledOnceThrottledToTheCallLimitAlsoAfterARestart(Dsl dsl) throws Exception {
        Properties props = props("crm.dir", dir.toString(), "crm.poll-delay", "100", "crm.throttle-period", "1000",
                "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        CamelContext camel = start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS);
        // the account allows 2 calls per (shortened) hour
        camel.createProducerTemplate().requestBody("ai4call:updateCallLimits", Map.of("maxCallsPerHour", 2));

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String csv = "lead_id,name,phone\nL-1,Maria Rossi,+390810000101\nL-2,Giuseppe Verdi,+390810000102\n"
                     + "L-3,Anna Bianchi,+390810000103\nL-4,Luca Neri,+390810000104\n";
        drop(inbox, "leads-monday.csv", csv);
        await("4 calls", Duration.ofSeconds(20), () -> SIMULATOR.simulator().outboundCalls().size() == 4);

        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(List.of("L-1", "L-2", "L-3", "L-4"), calls.stream().map(c -> c.metadata().get("lead_id")).toList());
        assertEquals("+390810000103", calls.get(2).to());
        assertTrue(calls.stream().allMatch(c -> DemoData.DEMO_ASSISTANT_SALES.equals(c.assistantApiKey())));
        long span = Duration.between(calls.get(0).acceptedAt(), calls.get(3).acceptedAt()).toMillis();
        assertTrue(span >= 800, "4 calls at 2 per 1,000 ms period take about a period: " + span + " ms");
        await("the file moved to done", Duration.ofSeconds(5), () -> Files.exists(inbox.resolve("done/leads-monday.csv")));

        // restart: the same leads again plus a new one; only the new one is called
        camel.stop();
        start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS);
        drop(inbox, "leads-tuesday.csv", csv + "L-5,Sara Gallo,+390810000105\n");
        await("the 5th call", Duration.ofSeconds(10), () -> SIMULATOR.simulator().outboundCalls().size() >= 5);
        await("the file moved to done", Duration.ofSeconds(5), () -> Files.exists(inbox.resolve("done/leads-tuesday.csv")));
        calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(5, calls.size());
        assertEquals("L-5", calls.get(4).metadata().get("lead_id"));
        assertTrue(SIMULATOR.simulator().requestCount("getCallLimits") >= 2);
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aCallOfUnknownDeliveryIsLookedUpInTheFeedNotPlacedAgain(Dsl dsl) throws Exception {
        Properties props = props("crm.dir", dir.toString(), "crm.poll-delay", "100", "crm.throttle-period", "1000",
                "crm.reconcile-window", "3000", "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS);
        // L-1 is placed but its answer is cut short; L-2's connection drops before the simulator handles it
        SIMULATOR.simulator().faults().inject("outboundCall", Fault.truncateBody().times(1))
                .inject("outboundCall", Fault.dropConnection().times(1));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String csv = "lead_id,name,phone\nL-1,Maria Rossi,+390810000101\nL-2,Giuseppe Verdi,+390810000102\n"
                     + "L-3,Anna Bianchi,+390810000103\n";
        drop(inbox, "leads.csv", csv);
        await("the file done", Duration.ofSeconds(20), () -> Files.exists(inbox.resolve("done/leads.csv")));
        assertEquals(List.of("L-1", "L-3"), leadsCalled(), "both UNKNOWN leads kept, neither called again");

        // after the window: L-1 is in the feed (placed, done), L-2 is not (forgotten: the next drop calls it)
        Path ids = dir.resolve("called-leads.ids");
        await("L-2 forgotten", Duration.ofSeconds(20), () -> !text(ids).contains("L-2"));
        drop(inbox, "leads-again.csv", csv);
        await("L-2 called", Duration.ofSeconds(20), () -> SIMULATOR.simulator().outboundCalls().size() >= 3);
        await("the file done", Duration.ofSeconds(5), () -> Files.exists(inbox.resolve("done/leads-again.csv")));
        assertEquals(List.of("L-1", "L-3", "L-2"), leadsCalled(), "each lead placed once");
        assertTrue(text(ids).contains("L-1"));
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aLeadPostedTwiceByTheCrmIsCalledOnce(Dsl dsl) throws Exception {
        Properties props = props("crm.dir", dir.toString(), "crm.poll-delay", "100",
                "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS);
        String lead = "{\"lead_id\":\"L-21\",\"name\":\"Maria Rossi\",\"phone\":\"+390810000121\"}";

        // the CRM posts the lead, and posts it again before the first answer came (a retry, a second click)
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(lead));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> post(lead));
        List<HttpResponse<String>> answers = List.of(first.get(), second.get());

        assertEquals(List.of(200, 200), answers.stream().map(HttpResponse::statusCode).toList());
        List<OutboundCall> calls = SIMULATOR.simulator().outboundCalls();
        assertEquals(1, calls.size(), "one call for the lead");
        assertEquals("L-21", calls.get(0).metadata().get("lead_id"));
        assertEquals("+390810000121", calls.get(0).to());
        Set<String> bodies = answers.stream().map(HttpResponse::body).collect(Collectors.toSet());
        assertEquals(Set.of("{\"lead_id\":\"L-21\",\"status\":\"queued\",\"callId\":\"" + calls.get(0).callId() + "\"}",
                "{\"lead_id\":\"L-21\",\"status\":\"duplicate\"}"), bodies);

        // posted a day later, or in a CSV file: the same lead, still not called again
        assertEquals("{\"lead_id\":\"L-21\",\"status\":\"duplicate\"}", post(lead).body());
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        drop(inbox, "leads.csv", "lead_id,name,phone\nL-21,Maria Rossi,+390810000121\nL-22,Luca Neri,+390810000122\n");
        await("the file done", Duration.ofSeconds(20), () -> Files.exists(inbox.resolve("done/leads.csv")));
        assertEquals(List.of("L-21", "L-22"), leadsCalled());

        // a call AI4CALL refuses: 500 to the CRM, and the lead forgotten, so that the CRM's retry calls it
        SIMULATOR.simulator().faults().inject("outboundCall", Fault.status(422).times(1));
        String other = "{\"lead_id\":\"L-23\",\"name\":\"Sara Gallo\",\"phone\":\"+390810000123\"}";
        assertEquals(500, post(other).statusCode());
        assertEquals(List.of("L-21", "L-22"), leadsCalled());
        assertTrue(post(other).body().contains("\"status\":\"queued\""));
        assertEquals(List.of("L-21", "L-22", "L-23"), leadsCalled());
    }

    private static HttpResponse<String> post(String lead) {
        try {
            return post("/crm/leads", lead);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static List<Object> leadsCalled() {
        return SIMULATOR.simulator().outboundCalls().stream().map(c -> c.metadata().get("lead_id")).toList();
    }

    static void drop(Path inbox, String name, String content) throws Exception {
        Path tmp = Files.writeString(inbox.getParent().resolve(name + ".tmp"), content);
        Files.move(tmp, inbox.resolve(name));
    }
}
