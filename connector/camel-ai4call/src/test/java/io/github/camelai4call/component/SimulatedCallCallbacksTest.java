package io.github.camelai4call.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.model.CallEndedEvent;
import io.github.camelai4call.model.ConversationSavedEvent;
import io.github.camelai4call.model.OutboundCallRequest;
import io.github.camelai4call.model.OutboundCallResponse;
import io.github.camelai4call.model.ToolCallRequest;
import io.github.camelai4call.simulator.CallbackDelivery;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;
import io.github.camelai4call.testing.Await;

import static io.github.camelai4call.simulator.DemoData.DEMO_ASSISTANT_SALES;
import static io.github.camelai4call.simulator.DemoData.DEMO_ASSISTANT_SUPPORT;
import static io.github.camelai4call.simulator.DemoData.TOOL_BOOK_APPOINTMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end, the way a user's application meets the platform: the routes configure the assistant through
 * {@code ai4call:} operations to call this application back, a call is placed, and the simulator, playing AI4CALL,
 * invokes the tool route, the MCP tool route and posts the call events, signed with the account's webhook secret, to
 * the callback consumers on platform-http. Nothing here signs or posts by hand.
 */
class SimulatedCallCallbacksTest extends Ai4callTestSupport {

    private final CallbackPlatform platform = new CallbackPlatform();
    private final List<ToolCallRequest> toolCalls = new CopyOnWriteArrayList<>();
    private final List<CallEndedEvent> ended = new CopyOnWriteArrayList<>();
    private final List<ConversationSavedEvent> conversations = new CopyOnWriteArrayList<>();
    private final List<Map<?, ?>> mcpCalls = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        platform.serve(context);
        context.getComponent("ai4call", Ai4callComponent.class).getConfiguration()
                .setWebhookSecret(DemoData.DEMO_WEBHOOK_SECRET);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        RouteBuilder operations = super.createRouteBuilder();
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                operations.addRoutesToCamelContext(getContext());
                from("ai4call:toolCall?toolId=" + TOOL_BOOK_APPOINTMENT).routeId("book")
                        .process(e -> {
                            ToolCallRequest call = e.getMessage().getBody(ToolCallRequest.class);
                            toolCalls.add(call);
                            e.getMessage().setBody("Booked for " + call.getArguments().get("date") + " at "
                                                   + call.getArguments().get("slot") + ".");
                        });
                from("ai4call:callEnded").routeId("ended")
                        .process(e -> ended.add(e.getMessage().getBody(CallEndedEvent.class)));
                from("ai4call:conversationSaved").routeId("conversation")
                        .process(e -> conversations.add(e.getMessage().getBody(ConversationSavedEvent.class)));
                from("ai4call:mcpTool?toolName=crm_lookup&description=Looks up a customer by phone number").routeId("crm")
                        .process(e -> {
                            Map<?, ?> args = e.getMessage().getBody(Map.class);
                            mcpCalls.add(args);
                            e.getMessage().setBody("Known customer " + args.get("number"));
                        });
            }
        };
    }

    private String url(String path) {
        return "http://127.0.0.1:" + platform.port + path;
    }

    /** What a deployment does once: the sales assistant calls this application's tool and posts its events here. */
    private void bindSalesAssistant() {
        call("updateTools", Map.of("toolIds", List.of(TOOL_BOOK_APPOINTMENT), "webhookUrl", url("/ai4call/tool-call")),
                assistant(DEMO_ASSISTANT_SALES), Object.class);
        call("updateHangup", Map.of("action", "redirect", "redirectUrl", url("/ai4call/call-ended")),
                assistant(DEMO_ASSISTANT_SALES), Object.class);
        call("updateSaveConversation", Map.of("enabled", true, "destination", "webhook", "webhookUrl",
                url("/ai4call/conversation-saved")), assistant(DEMO_ASSISTANT_SALES), Object.class);
    }

    private String placeCall(String leadId) {
        OutboundCallRequest request = new OutboundCallRequest().withTo("+390810000001").putMetadataItem("lead_id", leadId);
        return call("outboundCall", request, assistant(DEMO_ASSISTANT_SALES), OutboundCallResponse.class).getCallId();
    }

    private List<CallbackDelivery> deliveries(String callId, String event) {
        return simulator().callbackDeliveries().stream()
                .filter(d -> callId.equals(d.callId()) && event.equals(d.event())).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, Duration.ofSeconds(30), () -> what);
    }

    @Test
    void aCallInvokesTheToolRouteAndPostsItsEventsToTheConsumers() throws Exception {
        bindSalesAssistant();
        String callId = placeCall("lead-42");
        await(() -> conversations.size() == 1 && ended.size() == 1, "call ended and conversation routed");

        assertEquals(1, toolCalls.size());
        assertEquals(callId, toolCalls.get(0).getCallId());
        assertEquals("2026-12-03", toolCalls.get(0).getArguments().get("date"), "the tool's example arguments");
        CallbackDelivery tool = deliveries(callId, "toolCall").get(0);
        assertEquals(CallbackDelivery.Status.DELIVERED, tool.status());
        assertEquals(null, tool.answerProblem(), "the answer is a ToolCallAnswer echoing the call id");
        assertTrue(tool.answerBody().contains("Booked for 2026-12-03 at 10:30."), tool.answerBody());

        assertEquals(callId, ended.get(0).getCallId());
        assertEquals("lead-42", ended.get(0).getMetadata().get("lead_id"));
        assertEquals(callId, conversations.get(0).getCallId());
        assertTrue(conversations.get(0).toString().contains("Booked for 2026-12-03 at 10:30."),
                "the route's answer is the tool's turn of the transcript");
    }

    @Test
    void aDuplicateDeliveryIsRoutedOnceAndABadSignatureIsRefused() throws Exception {
        bindSalesAssistant();
        simulator().faults().inject("callEnded", Fault.duplicateDelivery().times(1));
        simulator().faults().inject("conversationSaved", Fault.badSignature().times(1));
        String callId = placeCall("lead-43");
        await(() -> {
            List<CallbackDelivery> saved = deliveries(callId, "conversationSaved");
            List<CallbackDelivery> end = deliveries(callId, "callEnded");
            return !saved.isEmpty() && saved.get(0).status() != CallbackDelivery.Status.PENDING
                   && !end.isEmpty() && end.get(0).attempts() == 2;
        }, "the duplicate sent and the badly signed delivery answered");

        CallbackDelivery end = deliveries(callId, "callEnded").get(0);
        assertTrue(end.attemptLog().get(1).duplicate(), "the platform sent it twice");
        assertEquals(200, end.attemptLog().get(1).httpStatus(), "the duplicate is acknowledged");
        assertEquals(1, ended.size(), "and routed once");

        CallbackDelivery saved = deliveries(callId, "conversationSaved").get(0);
        assertEquals(CallbackDelivery.Status.REJECTED, saved.status());
        assertEquals(403, saved.httpStatus());
        assertEquals(List.of(), conversations, "a badly signed delivery reaches no route");
    }

    @Test
    void anInboundCallCallsTheMcpToolRouteBeforeTheCall() throws Exception {
        call("updateMcpConfig", Map.of("enabled", true, "serverUrl", url("/ai4call/mcp"), "tools", List.of("crm_lookup")),
                assistant(DEMO_ASSISTANT_SUPPORT), Object.class);
        String callId = simulator().startInboundCall(DemoData.DEMO_EMAIL, DEMO_ASSISTANT_SUPPORT, "+393331234567",
                Map.of("lead_id", "77"));
        await(() -> deliveries(callId, "mcp").stream().anyMatch(d -> d.status() != CallbackDelivery.Status.PENDING),
                "the pre-call MCP tool called");

        assertEquals(1, mcpCalls.size());
        assertEquals("+393331234567", mcpCalls.get(0).get("number"));
        CallbackDelivery lookup = deliveries(callId, "mcp").get(0);
        assertEquals(CallbackDelivery.Status.DELIVERED, lookup.status());
        assertEquals("Known customer +393331234567", lookup.answerBody());
    }
}
