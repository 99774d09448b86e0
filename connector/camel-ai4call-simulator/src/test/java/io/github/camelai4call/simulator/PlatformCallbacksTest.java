package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.github.camelai4call.simulator.DemoData.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The simulator as the platform: during and after a simulated call it sends the customer's URLs what the contract's
 * callbacks say, signed with the account's webhook secret, and records what it sent. An independent receiver
 * ({@link CallbackReceiver}) checks the signatures with its own HMAC code.
 */
class PlatformCallbacksTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().port(0).analyticsRecords(200).callDuration(Duration.ofMillis(200)).build()).resetBeforeEach();

    static final String SALES = "/api/v1/assistants/" + DEMO_ASSISTANT_SALES;
    static final Contract CONTRACT = Contract.load();

    CallbackReceiver receiver;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        receiver = new CallbackReceiver(DEMO_WEBHOOK_SECRET);
        client = new TestClient(SIMULATOR.baseUrl());
    }

    @AfterEach
    void stop() {
        receiver.close();
        SIMULATOR.simulator().faults().clear();
    }

    /** The sales assistant posts its tool calls, call-ended and conversation webhooks to the receiver. */
    void configureWebhooks() {
        client.expect(200, "PATCH", SALES + "/runtime/tools",
                "{\"toolIds\":[\"" + TOOL_BOOK_APPOINTMENT + "\"],\"webhookUrl\":\"" + receiver.url("/tools") + "\"}");
        client.expect(200, "PATCH", SALES + "/runtime/hangup",
                "{\"action\":\"redirect\",\"redirectUrl\":\"" + receiver.url("/ended") + "\",\"goodbyeMessage\":\"Bye!\"}");
        client.expect(200, "PATCH", SALES + "/runtime/hangup/save-conversation",
                "{\"enabled\":true,\"destination\":\"webhook\",\"webhookUrl\":\"" + receiver.url("/conversation") + "\",\"includeRecording\":true}");
    }

    String placeCall() {
        TestClient.Res r = client.expect(202, "POST", "/webhook/outbound_call",
                "{\"assistantApiKey\":\"" + DEMO_ASSISTANT_SALES + "\",\"to\":\"+390810000001\",\"metadata\":{\"lead_id\":\"123\"}}");
        return r.json().get("callId").asText();
    }

    @Test
    void aCallInvokesTheToolsThenPostsCallEndedAndConversationSignedWithDeliveryIds() {
        configureWebhooks();
        String callId = placeCall();
        await(() -> receiver.received("/conversation").size() == 1);

        CallbackReceiver.Received tool = receiver.received("/tools").get(0);
        assertSigned(tool, "toolCall");
        assertConforms("ToolCallRequest", tool);
        assertEquals(callId, tool.json().get("callId").asText());
        assertEquals(TOOL_BOOK_APPOINTMENT, tool.json().get("toolId").asText());
        assertEquals("2026-12-03", tool.json().at("/arguments/date").asText(), "the example of the tool's parameters");
        assertEquals("10:30", tool.json().at("/arguments/slot").asText());
        assertEquals("123", tool.json().at("/metadata/lead_id").asText());

        CallbackReceiver.Received ended = receiver.received("/ended").get(0);
        assertSigned(ended, "callEnded");
        assertConforms("CallEndedEvent", ended);
        assertEquals(callId, ended.json().get("callId").asText());
        assertEquals("completed", ended.json().get("outcome").asText());
        assertEquals("123", ended.json().at("/metadata/lead_id").asText());
        assertTrue(ended.json().at("/structuredOutput/appointmentConfirmed").asBoolean(), "the demo hangup schema, the tool answered");

        CallbackReceiver.Received conversation = receiver.received("/conversation").get(0);
        assertSigned(conversation, "conversationSaved");
        assertConforms("ConversationSavedEvent", conversation);
        assertEquals("https://recordings.ai4call.com/" + callId + ".mp3", conversation.json().get("recordingUrl").asText());
        assertTrue(conversation.text().contains("Booked for 2026-12-03 at 10:30."), "the tool's answer is in the transcript: " + conversation.text());
        assertEquals(List.of("assistant", "caller", "tool", "assistant"),
                conversation.json().get("transcript").findValuesAsText("role"));

        // three different events, three delivery ids
        assertEquals(3, java.util.stream.Stream.of(tool, ended, conversation).map(r -> r.header("X-Ai4call-Delivery-Id")).distinct().count());

        // the route sees its own answer in analytics, and the call in the calls feed
        JsonNode tools = client.expect(200, "GET", "/api/v1/account/analytics/tool-responses?callId=" + callId, null).json().get("items");
        assertEquals(1, tools.size());
        assertEquals(TOOL_BOOK_APPOINTMENT, tools.get(0).get("toolId").asText());
        assertTrue(tools.get(0).get("success").asBoolean());
        assertEquals(200, tools.get(0).get("httpStatus").asInt());
        assertTrue(tools.get(0).has("durationMs"));
        JsonNode calls = client.expect(200, "GET", "/api/v1/account/analytics/calls?callId=" + callId, null).json().get("items");
        assertEquals("completed", calls.get(0).get("outcome").asText());

        // and the admin API lists what was sent
        JsonNode deliveries = admin("GET", "/__admin/callbacks?callId=" + callId, null).json();
        assertEquals(3, deliveries.size());
        for (JsonNode d : deliveries) {
            assertEquals("delivered", d.get("status").asText(), d.toString());
            assertEquals(1, d.get("attempts").asInt());
        }
    }

    @Test
    void aFailedOrLateAnswerIsRetriedWithTheSameDeliveryId() {
        configureWebhooks();
        receiver.script("/tools", CallbackReceiver.Step.status(500));
        receiver.script("/ended", CallbackReceiver.Step.status(503), CallbackReceiver.Step.status(500));
        String callId = placeCall();
        await(() -> receiver.received("/conversation").size() == 1);

        List<CallbackReceiver.Received> tools = receiver.received("/tools");
        assertEquals(2, tools.size());
        assertEquals(tools.get(0).header("X-Ai4call-Delivery-Id"), tools.get(1).header("X-Ai4call-Delivery-Id"));
        tools.forEach(r -> assertSigned(r, "toolCall"));
        List<CallbackReceiver.Received> ended = receiver.received("/ended");
        assertEquals(3, ended.size());
        assertEquals(1, ended.stream().map(r -> r.header("X-Ai4call-Delivery-Id")).distinct().count());
        assertArrayEquals(ended.get(0).body(), ended.get(2).body(), "a redelivery carries the same body");

        CallbackDelivery toolDelivery = delivery(callId, "toolCall");
        assertEquals(CallbackDelivery.Status.DELIVERED, toolDelivery.status());
        assertEquals(2, toolDelivery.attempts());
        assertEquals(500, toolDelivery.attemptLog().get(0).httpStatus());
        assertEquals(3, delivery(callId, "callEnded").attempts());
        JsonNode record = client.expect(200, "GET", "/api/v1/account/analytics/tool-responses?callId=" + callId, null).json().at("/items/0");
        assertTrue(record.get("success").asBoolean(), "answered on the second attempt");
    }

    @Test
    void aToolAnswerAfterTheDeadlineIsRetriedAndAWrongAnswerIsRecordedAsAFailure() {
        configureWebhooks();
        // PT5S, the contract's x-ai4call-answer-deadline of toolCall: the first attempt gets no answer in time
        receiver.script("/tools", CallbackReceiver.Step.slow(Duration.ofMillis(5_600)));
        receiver.answerToolsWith(req -> "{\"callId\":\"call_someone_else\",\"result\":\"Booked.\"}");
        String callId = placeCall();
        await(() -> receiver.received("/conversation").size() == 1);

        CallbackDelivery tool = delivery(callId, "toolCall");
        assertEquals(2, tool.attempts());
        assertNull(tool.attemptLog().get(0).httpStatus());
        assertTrue(tool.attemptLog().get(0).error().contains("5000 ms"), tool.attemptLog().get(0).error());
        assertTrue(tool.answerProblem().contains("callId not echoed"), tool.answerProblem());
        JsonNode record = client.expect(200, "GET", "/api/v1/account/analytics/tool-responses?callId=" + callId, null).json().at("/items/0");
        assertFalse(record.get("success").asBoolean());
        assertEquals(200, record.get("httpStatus").asInt());
        assertTrue(record.get("durationMs").asInt() >= 5000);
        CallbackReceiver.Received ended = receiver.received("/ended").get(0);
        assertFalse(ended.json().at("/structuredOutput/appointmentConfirmed").asBoolean(), "the appointment was not confirmed");
    }

    @Test
    void faultsDuplicateDeliveriesSignBadlyAndDelay() {
        configureWebhooks();
        admin("POST", "/__admin/faults", "{\"operationId\":\"callEnded\",\"type\":\"duplicate\",\"times\":1}");
        admin("POST", "/__admin/faults", "{\"operationId\":\"conversationSaved\",\"type\":\"badSignature\",\"times\":1}");
        admin("POST", "/__admin/faults", "{\"operationId\":\"toolCall\",\"type\":\"delay\",\"delayMs\":400,\"times\":1}");
        assertEquals(400, client.post("/__admin/faults",
                "{\"operationId\":\"toolCall\",\"type\":\"status\",\"status\":500}").status(), "a status fault is not a callback's");
        assertEquals(400, client.post("/__admin/faults", "{\"operationId\":\"listTools\",\"type\":\"duplicate\"}").status(),
                "a duplicate delivery is not an API operation's fault");
        long placed = System.currentTimeMillis();
        String callId = placeCall();
        await(() -> delivery(callId, "conversationSaved") != null && delivery(callId, "conversationSaved").status() != CallbackDelivery.Status.PENDING
                && delivery(callId, "callEnded").attempts() == 2);

        assertTrue(receiver.received("/tools").get(0).atMillis() - placed >= 400, "the delivery left late");
        List<CallbackReceiver.Received> ended = receiver.received("/ended");
        assertEquals(2, ended.size());
        assertEquals(ended.get(0).header("X-Ai4call-Delivery-Id"), ended.get(1).header("X-Ai4call-Delivery-Id"));
        assertTrue(ended.get(1).signatureValid());
        assertTrue(delivery(callId, "callEnded").attemptLog().get(1).duplicate());

        CallbackReceiver.Received conversation = receiver.received("/conversation").get(0);
        assertFalse(conversation.signatureValid(), "signed with another key");
        assertTrue(conversation.header("X-Ai4call-Signature").matches("v1=[0-9a-f]{64}"), "well-formed all the same");
        CallbackDelivery saved = delivery(callId, "conversationSaved");
        assertEquals(CallbackDelivery.Status.REJECTED, saved.status(), "a 403 is not redelivered");
        assertEquals(1, saved.attempts());
        assertEquals(403, saved.httpStatus());
    }

    @Test
    void anInboundCallRunsThePreCallMcpToolsThroughTheSdkClient() {
        String support = "/api/v1/assistants/" + DEMO_ASSISTANT_SUPPORT;
        client.expect(200, "PATCH", support + "/runtime/precall/mcp-config",
                "{\"enabled\":true,\"serverUrl\":\"" + receiver.url("/mcp") + "\",\"tools\":[\"crm_lookup\"]}");
        client.expect(200, "PATCH", support + "/runtime/hangup",
                "{\"action\":\"redirect\",\"redirectUrl\":\"" + receiver.url("/ended") + "\"}");
        JsonNode started = admin("POST", "/__admin/inbound-calls",
                "{\"to\":\"" + DEMO_NUMBER_SUPPORT + "\",\"from\":\"+393331234567\",\"metadata\":{\"lead_id\":\"77\"}}").json();
        String callId = started.get("callId").asText();
        assertEquals(DEMO_ASSISTANT_SUPPORT, started.get("assistantApiKey").asText(), "routed by the number");
        await(() -> receiver.received("/ended").size() == 1);

        List<CallbackReceiver.Received> mcp = receiver.received("/mcp");
        List<String> methods = mcp.stream().filter(r -> r.body().length > 0).map(r -> r.json().path("method").asText()).toList();
        assertEquals("initialize", methods.get(0));
        assertTrue(methods.contains("tools/list"), methods.toString());
        assertTrue(methods.contains("tools/call"), methods.toString());
        for (CallbackReceiver.Received r : mcp) {
            assertTrue(r.signatureValid(), "every MCP request is signed: " + r.text());
            assertEquals(McpPreCall.EVENT, r.header("X-Ai4call-Event"));
            assertNotNull(r.header("X-Ai4call-Delivery-Id"));
        }
        CallbackDelivery lookup = delivery(callId, "mcp");
        assertEquals(CallbackDelivery.Status.DELIVERED, lookup.status());
        assertEquals("crm_lookup", lookup.toolId());
        assertEquals("Known customer +393331234567, lead 77", lookup.answerBody());

        JsonNode pre = client.expect(200, "GET", "/api/v1/account/analytics/pre-call?assistantApiKey=" + DEMO_ASSISTANT_SUPPORT
                + "&limit=1000", null).json().get("items");
        JsonNode check = pre.get(pre.size() - 1);
        assertEquals("mcp-config", check.get("check").asText());
        assertEquals("passed", check.get("result").asText());
        assertEquals("+393331234567", check.get("number").asText());

        JsonNode ended = receiver.received("/ended").get(0).json();
        assertEquals("inbound", ended.get("direction").asText());
        assertEquals("+393331234567", ended.get("from").asText());
        JsonNode calls = client.expect(200, "GET", "/api/v1/account/analytics/calls?callId=" + callId, null).json().get("items");
        assertEquals("inbound", calls.get(0).get("direction").asText());
    }

    @Test
    void testsChooseTheToolArguments() {
        configureWebhooks();
        admin("POST", "/__admin/tool-arguments", "{\"assistantApiKey\":\"" + DEMO_ASSISTANT_SALES + "\",\"toolId\":\""
                + TOOL_BOOK_APPOINTMENT + "\",\"arguments\":{\"date\":\"2027-01-15\",\"slot\":\"09:00\"}}");
        placeCall();
        await(() -> receiver.received("/tools").size() == 1);
        assertEquals("2027-01-15", receiver.received("/tools").get(0).json().at("/arguments/date").asText());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    void assertSigned(CallbackReceiver.Received r, String event) {
        assertTrue(r.signatureValid(), event + " is signed with the account's webhook secret");
        assertEquals(event, r.header("X-Ai4call-Event"));
        assertTrue(r.header("X-Ai4call-Delivery-Id").matches("dlv_[0-9a-f]{16}"), r.header("X-Ai4call-Delivery-Id"));
        assertTrue(r.header("X-Ai4call-Timestamp").matches("[0-9]{10}"));
    }

    static void assertConforms(String schemaName, CallbackReceiver.Received r) {
        Schema<?> schema = CONTRACT.openApi.getComponents().getSchemas().get(schemaName);
        assertNotNull(schema, schemaName);
        assertEquals(List.of(), CONTRACT.problems(r.text(), schema), schemaName + ": " + r.text());
    }

    CallbackDelivery delivery(String callId, String event) {
        return SIMULATOR.simulator().callbackDeliveries().stream()
                .filter(d -> d.callId().equals(callId) && d.event().equals(event)).findFirst().orElse(null);
    }

    TestClient.Res admin(String method, String path, String body) {
        TestClient.Res r = client.call(method, path, body);
        if (r.status() / 100 != 2) fail(method + " " + path + " answered " + r.status() + ": " + r.body());
        return r;
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) fail("condition not met within 20 s");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }
}
