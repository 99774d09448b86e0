package io.github.camelai4call.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The clients the harness measures, by a short id that crosses the process boundary: the harness names the client,
 * the forked JVM builds it. The goals ({@link Goals}) name the clients they compare.
 */
enum ClientKind {
    RAW_HC5("Apache HttpClient 5 (raw)", Role.RAW),
    RAW_JDK("JDK java.net.http (raw)", Role.RAW),
    AI4CALL("camel-ai4call `ai4call:`", Role.CONNECTOR),
    AI4CALL_NO_VALIDATION("camel-ai4call `ai4call:` `?validateRequest=false`", Role.CONNECTOR_DIAGNOSTIC),
    AI4CALL_JSON_NODE("camel-ai4call `ai4call:` `?outputType=jsonNode`", Role.CONNECTOR_DIAGNOSTIC),
    AI4CALL_BARE("camel-ai4call `ai4call:` `?validateRequest=false&outputType=jsonNode`", Role.CONNECTOR_DIAGNOSTIC),
    REST_OPENAPI("camel-rest-openapi + camel-http route", Role.CAMEL_ALTERNATIVE),
    REST_OPENAPI_SAME_WORK("camel-rest-openapi route, validating + typed", Role.CAMEL_ALTERNATIVE);

    /** What a client stands for in the comparison. */
    enum Role {
        /** A hand-written integration without Camel: the "vs fastest raw" column is relative to the fastest. */
        RAW,
        /** The connector with its defaults. */
        CONNECTOR,
        /** The connector with options that show where its time goes ({@code -Dbench.diagnose=true}). */
        CONNECTOR_DIAGNOSTIC,
        /** What a Camel user would otherwise write. */
        CAMEL_ALTERNATIVE
    }

    /** The name in the tables (and what {@code -Dbench.only} matches). */
    final String label;
    final Role role;

    ClientKind(String label, Role role) {
        this.label = label;
        this.role = role;
    }

    /** The clients of a run; with {@code diagnose}, the ai4call: variants that show where its time goes. */
    static List<ClientKind> measured(boolean diagnose) {
        return List.of(values()).stream().filter(k -> diagnose || k.role != Role.CONNECTOR_DIAGNOSTIC).toList();
    }

    Client create(String baseUrl, String email, String key, Map<String, Object> outboundBody) throws Exception {
        return switch (this) {
            case RAW_HC5 -> new RawClients.ApacheHttpClient5(baseUrl, email, key, outboundBody);
            case RAW_JDK -> new RawClients.JdkHttpClient(baseUrl, email, key, outboundBody);
            case AI4CALL -> new CamelClients.Ai4call(baseUrl, email, key, outboundBody);
            case AI4CALL_NO_VALIDATION -> new CamelClients.Ai4call(baseUrl, email, key, outboundBody, "?validateRequest=false");
            case AI4CALL_JSON_NODE -> new CamelClients.Ai4call(baseUrl, email, key, outboundBody, "?outputType=jsonNode");
            case AI4CALL_BARE -> new CamelClients.Ai4call(baseUrl, email, key, outboundBody,
                    "?validateRequest=false&outputType=jsonNode");
            case REST_OPENAPI -> new CamelClients.RestOpenApi(baseUrl, email, key, outboundBody, false);
            case REST_OPENAPI_SAME_WORK -> new CamelClients.RestOpenApi(baseUrl, email, key, outboundBody, true);
        };
    }
}
