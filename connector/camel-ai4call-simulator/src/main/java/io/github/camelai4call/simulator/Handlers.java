package io.github.camelai4call.simulator;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The handler of every operationId of the contract, registered by the handler classes of each area (the tags of the
 * contract), which get the collaborators they need and nothing else.
 */
final class Handlers {

    /** Answers one operation; the request has been authenticated and validated against the contract. */
    interface Handler {
        Http.Response handle(Http.Ctx c) throws IOException;
    }

    /** The table the handler classes register in; an operation registered twice is a bug. */
    static final class Table {
        private final Map<String, Handler> byOperationId = new HashMap<>();

        void put(String operationId, Handler handler) {
            if (byOperationId.putIfAbsent(operationId, handler) != null) {
                throw new IllegalStateException("Two handlers for " + operationId);
            }
        }
    }

    private final Map<String, Handler> byOperationId;

    Handlers(SimulatorConfig config, Customers customers, OutboundCalls calls, Ids ids) {
        Table t = new Table();
        new AccountHandlers(customers).registerIn(t);
        new AssistantHandlers(ids).registerIn(t);
        new VoiceHandlers().registerIn(t);
        new RagHandlers(config).registerIn(t);
        new ToolHandlers().registerIn(t);
        new HangupHandlers().registerIn(t);
        t.put("outboundCall", c -> calls.place(c, "trunk"));
        t.put("outboundCallPbx", c -> calls.place(c, "pbx"));
        new AnalyticsHandler().registerIn(t);
        this.byOperationId = Map.copyOf(t.byOperationId);
    }

    Http.Response handle(Http.Ctx c) throws IOException {
        Handler h = byOperationId.get(c.operationId);
        if (h == null) throw new ApiException(501, "NOT_IMPLEMENTED", "Operation " + c.operationId + " is not simulated", null);
        return h.handle(c);
    }
}
