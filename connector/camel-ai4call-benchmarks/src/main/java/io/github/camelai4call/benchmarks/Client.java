package io.github.camelai4call.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelai4call.simulator.DemoData;

/**
 * One way of doing the measured request: send it, read the whole answer and turn it into objects. Its name and
 * role in the report come from its {@link ClientKind}.
 */
interface Client extends AutoCloseable {

    /** The body every client sends to outboundCall, in this order of keys. */
    Map<String, Object> OUTBOUND_BODY = outboundBody();

    /** The two operations measured. */
    enum Op { listAssistants, outboundCall }

    /** One complete call; returns the parsed answer (checked non-null so the work cannot be skipped). */
    Object call(Op op) throws Exception;

    @Override
    default void close() throws Exception {
    }

    private static Map<String, Object> outboundBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistantApiKey", DemoData.DEMO_ASSISTANT_SALES);
        body.put("to", "+390810000001");
        body.put("metadata", Map.of("lead_id", "123"));
        return Collections.unmodifiableMap(body);
    }
}
