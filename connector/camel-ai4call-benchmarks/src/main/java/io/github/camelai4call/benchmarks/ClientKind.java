package io.github.camelai4call.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The clients the harness measures, by a short id that crosses the process boundary: the harness names the client,
 * the forked JVM builds it.
 */
enum ClientKind {
    RAW_HC5("Apache HttpClient 5 (raw)"),
    RAW_JDK("JDK java.net.http (raw)"),
    AI4CALL("camel-ai4call `ai4call:`"),
    AI4CALL_NO_VALIDATION("camel-ai4call `ai4call:` `?validateRequest=false`"),
    AI4CALL_JSON_NODE("camel-ai4call `ai4call:` `?outputType=jsonNode`"),
    AI4CALL_BARE("camel-ai4call `ai4call:` `?validateRequest=false&outputType=jsonNode`"),
    REST_OPENAPI("camel-rest-openapi + camel-http route"),
    REST_OPENAPI_SAME_WORK("camel-rest-openapi route, validating + typed");

    /** The name in the tables (and what {@code -Dbench.only} matches). */
    final String label;

    ClientKind(String label) {
        this.label = label;
    }

    /** The clients of a run; with {@code diagnose}, the ai4call: variants that show where its time goes. */
    static List<ClientKind> measured(boolean diagnose) {
        return diagnose ? List.of(values())
                : List.of(RAW_HC5, RAW_JDK, AI4CALL, REST_OPENAPI, REST_OPENAPI_SAME_WORK);
    }

    boolean raw() {
        return this == RAW_HC5 || this == RAW_JDK;
    }

    /** The component with its defaults: the figure the goals are judged on. */
    boolean ai4callDefaults() {
        return this == AI4CALL;
    }

    /** The plain rest-openapi route: the figure the 1.5x goal is judged against. */
    boolean plainRestOpenApi() {
        return this == REST_OPENAPI;
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
