package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.CallbackDelivery;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.simulator.OutboundCall;

class CallOutcomesToCrmTest extends ExampleTestSupport {

    private Path outcomes;

    private void startFlows(Dsl dsl) throws Exception {
        Properties props = props("crm.dir", dir.toString(), "crm.poll-delay", "100", "crm.outcomes-delay", "200",
                "crm.outcomes-since", "PT1M", "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS, ExampleFlow.CALL_OUTCOMES_TO_CRM);
        outcomes = dir.resolve("outcomes.csv");
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theOutcomeOfEachLeadsCallIsWrittenNextToTheLeadOnce(Dsl dsl) throws Exception {
        startFlows(dsl);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        CrmLeadsToCallsTest.drop(inbox, "leads.csv", "lead_id,name,phone\nL-1,Maria Rossi,+390810000101\n"
                + "L-7,Anna Bianchi,+390810000107\nL-8,Luca Neri,+390810000108\nL-9,Sara Gallo,+390810000109\n");

        await("4 outcomes", Duration.ofSeconds(20), () -> lines(outcomes).size() >= 4);
        // every outcome came twice, by webhook and in the feed: once the webhooks are in and the feed has been read
        // past the calls, still one line each
        for (OutboundCall call : SIMULATOR.simulator().outboundCalls()) {
            CallbackDelivery ended = awaitDelivery(call.callId(), "callEnded");
            assertEquals(CallbackDelivery.Status.DELIVERED, ended.status());
            assertEquals(200, ended.httpStatus());
        }
        awaitFeedReadTwiceMore();
        List<String> lines = lines(outcomes);
        assertEquals(4, lines.size(), String.join("\n", lines));
        Map<String, String> outcomeByLead = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(",");
            outcomeByLead.put(f[0], f[2]);
            assertTrue(f[1].startsWith("call_"), line);
            assertTrue(f[4].equals("webhook") || f[4].equals("feed"), line);
        }
        assertEquals(Map.of("L-1", "completed", "L-7", "no_answer", "L-8", "busy", "L-9", "voicemail"), outcomeByLead);
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void anOutcomeWhoseWebhookIsLostStillReachesTheCrmOnceThroughTheFeed(Dsl dsl) throws Exception {
        startFlows(dsl);
        // the platform's call-ended post is refused (a bad signature: 403, never posted again), so the webhook is lost
        SIMULATOR.simulator().faults().inject("callEnded", Fault.badSignature().times(1));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        CrmLeadsToCallsTest.drop(inbox, "leads.csv", "lead_id,name,phone\nL-31,Paolo Conti,+390810000131\n");
        await("the call", Duration.ofSeconds(20), () -> !SIMULATOR.simulator().outboundCalls().isEmpty());
        String callId = SIMULATOR.simulator().outboundCalls().get(0).callId();

        CallbackDelivery ended = awaitDelivery(callId, "callEnded");
        assertEquals(CallbackDelivery.Status.REJECTED, ended.status());
        assertEquals(403, ended.httpStatus());
        await("the outcome", Duration.ofSeconds(20), () -> !lines(outcomes).isEmpty());
        awaitFeedReadTwiceMore();
        assertEquals(List.of("L-31," + callId + ",completed,1,feed"), lines(outcomes), "pushed once, from the feed");
    }

    /** Two more polls of the calls-outbound feed than so far: whatever it has by now has been read. */
    private static void awaitFeedReadTwiceMore() throws InterruptedException {
        long polls = SIMULATOR.simulator().requestCount("analyticsCallsOutbound");
        await("two more feed polls", Duration.ofSeconds(20),
                () -> SIMULATOR.simulator().requestCount("analyticsCallsOutbound") >= polls + 2);
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
