package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The life of a simulated call, and what the platform does during and after it, from the assistant's configuration
 * as the API stored it:
 * <ol>
 * <li>before the call, the pre-call MCP check when {@code mcpConfig} is enabled ({@link McpPreCall});</li>
 * <li>during an answered call, each bound tool of type webhook invoked on the binding's {@code webhookUrl}
 * (toolCall), its answer checked against the contract's answer schema with the callId echoed, recorded in the
 * tool-responses feed and spoken in the transcript;</li>
 * <li>when the configured call duration has passed (and the tools have answered), the call's record in the calls
 * feed; then callEnded (hangup action redirect) and conversationSaved (destination webhook), at least once.</li>
 * </ol>
 * An assistant with none of these configured costs what a call always cost: one scheduled task.
 */
final class CallPlayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallPlayer.class);

    private final SimulatorConfig config;
    private final Customers customers;
    private final Contract contract;
    private final CallbackSender sender;
    private final McpPreCall mcp;
    private final Ids ids;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    CallPlayer(SimulatorConfig config, Customers customers, Contract contract, CallbackSender sender, McpPreCall mcp, Ids ids) {
        this.config = config;
        this.customers = customers;
        this.contract = contract;
        this.sender = sender;
        this.mcp = mcp;
        this.ids = ids;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("ai4call-sim-calls-"));
        this.workers = Executors.newFixedThreadPool(config.threads(), Threads.daemon("ai4call-sim-platform-"));
    }

    /** A webhook tool the assistant invokes, with its arguments. */
    private record Invocation(String toolId, String toolName, JsonNode arguments) {
    }

    /** What the assistant's configuration makes the platform do, read once when the call starts. */
    private record Script(ObjectNode mcpConfig, String toolsUrl, List<Invocation> tools, String redirectUrl, String goodbye,
                          String conversationUrl, boolean includeRecording, JsonNode outputSchema, String firstMessage) {

        boolean callsOut() {
            return mcpConfig != null || (toolsUrl != null && !tools.isEmpty()) || redirectUrl != null || conversationUrl != null;
        }
    }

    /** Plays an accepted call: it lasts the configured call duration (ended at once when that is zero and nothing is called). */
    void play(SimulatedCall call) {
        Script s = script(call);
        Duration d = config.callDuration();
        if (!s.callsOut()) {
            if (d.isZero()) end(call);
            else scheduler.schedule(() -> end(call), d.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        workers.execute(() -> {
            List<ObjectNode> transcript = new ArrayList<>();
            boolean ok = true;
            try {
                if (s.mcpConfig() != null) preCall(call, s);
                ok = converse(call, s, transcript);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Simulated call {} failed: {}", call.callId(), e.toString(), e);
            }
            boolean success = ok;
            long wait = call.acceptedAt().toEpochMilli() + d.toMillis() - System.currentTimeMillis();
            scheduler.schedule(() -> {
                end(call);
                workers.execute(() -> postCall(call, s, transcript, success));
            }, Math.max(0, wait), TimeUnit.MILLISECONDS);
        });
    }

    private Script script(SimulatedCall call) {
        CustomerState c = call.customer();
        synchronized (c) {
            CustomerState.AssistantState a = c.assistant(call.assistantApiKey());
            ObjectNode mcpConfig = a.mcpConfig.path("enabled").asBoolean() && Json.text(a.mcpConfig, "serverUrl") != null
                    ? a.mcpConfig.deepCopy() : null;
            List<Invocation> tools = new ArrayList<>();
            for (JsonNode id : a.tools.path("toolIds")) {
                ObjectNode tool = Catalog.find(c.tools, "toolId", id.asText());
                if (tool == null || !"webhook".equals(Json.text(tool, "type"))) continue;
                JsonNode args = a.toolArguments.containsKey(id.asText()) ? a.toolArguments.get(id.asText()).deepCopy()
                        : SchemaValues.of(tool.get("parameters"), true, call.acceptedAt());
                tools.add(new Invocation(id.asText(), Json.text(tool, "name"), args));
            }
            String redirect = "redirect".equals(Json.text(a.hangup, "action")) ? Json.text(a.hangup, "redirectUrl") : null;
            String conversation = a.saveConversation.path("enabled").asBoolean()
                    && "webhook".equals(Json.text(a.saveConversation, "destination")) ? Json.text(a.saveConversation, "webhookUrl") : null;
            return new Script(mcpConfig, Json.text(a.tools, "webhookUrl"), List.copyOf(tools), redirect, Json.text(a.hangup, "goodbyeMessage"),
                    conversation, a.saveConversation.path("includeRecording").asBoolean(), a.hangupSchema.path("schema").deepCopy(),
                    Json.text(a.prompt, "firstMessage"));
        }
    }

    private void preCall(SimulatedCall call, Script s) {
        boolean passed = mcp.run(call.customer(), call.assistantApiKey(), call.callId(), s.mcpConfig(), call.otherParty(), call.metadata());
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("assistantApiKey", call.assistantApiKey());
        rec.put("number", call.otherParty());
        rec.put("check", "mcp-config");
        rec.put("result", passed ? "passed" : "error");
        rec.put("metadata", call.metadata());
        append(call, FeedKind.PRE_CALL, rec);
    }

    /** The conversation of an answered call: the webhook tools invoked in turn; whether every one answered as the contract says. */
    private boolean converse(SimulatedCall call, Script s, List<ObjectNode> transcript) throws InterruptedException {
        String outcome = call.outcome();
        if (!"completed".equals(outcome) && !"voicemail".equals(outcome)) return false;
        turn(transcript, "assistant", s.firstMessage() == null ? "Hello." : s.firstMessage());
        if ("voicemail".equals(outcome)) return false;
        boolean ok = true;
        if (s.toolsUrl() != null) {
            for (Invocation tool : s.tools()) {
                turn(transcript, "caller", "I would like to use " + tool.toolName() + ".");
                ok &= invoke(call, s.toolsUrl(), tool, transcript);
            }
        }
        if (s.goodbye() != null) turn(transcript, "assistant", s.goodbye());
        return ok;
    }

    private boolean invoke(SimulatedCall call, String url, Invocation tool, List<ObjectNode> transcript) throws InterruptedException {
        ObjectNode body = Json.obj();
        body.put("callId", call.callId());
        body.put("toolId", tool.toolId());
        body.put("toolName", tool.toolName());
        body.put("assistantName", call.assistantName());
        body.set("arguments", tool.arguments());
        body.set("metadata", Json.MAPPER.valueToTree(call.metadata()));
        CallbackSender.Result r = sender.deliver(new CallbackSender.Outgoing(CallbackKind.TOOL_CALL, call.customer(),
                call.assistantApiKey(), call.callId(), tool.toolId(), url, bytes(body)));
        String problem = r.status() == CallbackDelivery.Status.DELIVERED ? answerProblem(call, r.answer()) : null;
        if (problem != null) r.tracker().answerProblem(problem);
        boolean success = r.status() == CallbackDelivery.Status.DELIVERED && problem == null;
        String said = success ? Json.text(parse(r.answer()), "result") : "The " + tool.toolName() + " tool did not answer.";
        turn(transcript, "tool", said);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("assistantApiKey", call.assistantApiKey());
        rec.put("callId", call.callId());
        rec.put("toolId", tool.toolId());
        rec.put("success", success);
        // no answer at all (timeouts, connection refused) is recorded as the gateway timeout the platform reports
        rec.put("httpStatus", r.httpStatus() == null ? 504 : r.httpStatus());
        rec.put("durationMs", (int) Math.min(Integer.MAX_VALUE, r.durationMs()));
        append(call, FeedKind.TOOL_RESPONSES, rec);
        return success;
    }

    /** What is wrong with a tool's answer: not a ToolCallAnswer of the contract, or another call's id; null when right. */
    private String answerProblem(SimulatedCall call, String answer) {
        JsonNode json = parse(answer);
        if (json == null) return "the answer is not JSON";
        List<String> problems = contract.problems(answer, contract.callback(CallbackKind.TOOL_CALL.operationId).answerSchema());
        if (!problems.isEmpty()) return "not a ToolCallAnswer: " + String.join("; ", problems);
        String echoed = Json.text(json, "callId");
        if (!call.callId().equals(echoed)) return "callId not echoed: expected " + call.callId() + ", got " + echoed;
        return null;
    }

    /** Ends the call: no longer in progress, and its record filed in the calls feed (unless the state was reset since). */
    private void end(SimulatedCall call) {
        CustomerState customer = call.customer();
        if (call.countsAsLive()) {
            synchronized (customer) {
                customer.liveCalls--;
            }
        }
        if (!customers.isCurrent(customer)) return;
        String outcome = call.outcome();
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", call.callId());
        rec.put("timestamp", call.acceptedAt().toString());
        rec.put("assistantApiKey", call.assistantApiKey());
        rec.put("assistantName", call.assistantName());
        rec.put("direction", call.direction());
        rec.put("from", call.from());
        rec.put("to", call.to());
        int seconds = durationSeconds(outcome);
        rec.put("durationSeconds", seconds);
        rec.put("outcome", outcome);
        rec.put("cost", Tariffs.call(seconds));
        rec.put("currency", Tariffs.CURRENCY);
        rec.put("metadata", call.metadata());
        customer.feed(FeedKind.CALLS).append(rec);
    }

    private int durationSeconds(String outcome) {
        return "completed".equals(outcome) || "voicemail".equals(outcome)
                ? (int) Math.max(1, Math.round(config.callDuration().toMillis() / 1000.0)) : 0;
    }

    /** After the call: callEnded and conversationSaved, each delivered at least once. */
    private void postCall(SimulatedCall call, Script s, List<ObjectNode> transcript, boolean success) {
        if (!customers.isCurrent(call.customer())) return;
        String endedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String outcome = call.outcome();
        try {
            if (s.redirectUrl() != null) {
                ObjectNode e = Json.obj();
                e.put("callId", call.callId());
                e.put("assistantName", call.assistantName());
                e.put("direction", call.direction());
                e.put("from", call.from());
                e.put("to", call.to());
                e.put("startedAt", call.acceptedAt().toString());
                e.put("endedAt", endedAt);
                e.put("durationSeconds", durationSeconds(outcome));
                e.put("outcome", outcome);
                e.set("metadata", Json.MAPPER.valueToTree(call.metadata()));
                e.set("structuredOutput", SchemaValues.of(s.outputSchema(), success && "completed".equals(outcome), call.acceptedAt()));
                sender.deliver(new CallbackSender.Outgoing(CallbackKind.CALL_ENDED, call.customer(), call.assistantApiKey(), call.callId(),
                        null, s.redirectUrl(), bytes(e)));
            }
            if (s.conversationUrl() != null && !transcript.isEmpty()) {
                ObjectNode e = Json.obj();
                e.put("callId", call.callId());
                e.put("assistantName", call.assistantName());
                e.put("endedAt", endedAt);
                ArrayNode turns = e.putArray("transcript");
                transcript.forEach(turns::add);
                if (s.includeRecording()) e.put("recordingUrl", "https://recordings.ai4call.com/" + call.callId() + ".mp3");
                e.set("metadata", Json.MAPPER.valueToTree(call.metadata()));
                sender.deliver(new CallbackSender.Outgoing(CallbackKind.CONVERSATION_SAVED, call.customer(), call.assistantApiKey(),
                        call.callId(), null, s.conversationUrl(), bytes(e)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void append(SimulatedCall call, FeedKind kind, Map<String, Object> record) {
        if (!customers.isCurrent(call.customer())) return;
        call.customer().feed(kind).append(kind.normalize(record, ids.next(kind.idPrefix, 16)));
    }

    private static void turn(List<ObjectNode> transcript, String role, String text) {
        ObjectNode t = Json.obj();
        t.put("role", role);
        t.put("text", text == null ? "" : text);
        t.put("at", Json.now());
        transcript.add(t);
    }

    private static JsonNode parse(String json) {
        if (json == null) return null;
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
