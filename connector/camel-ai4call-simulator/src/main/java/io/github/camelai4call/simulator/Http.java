package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request context and response of the simulator's HTTP layer. */
final class Http {

    private Http() {
    }

    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    static final class Ctx {
        final String operationId;
        final String method;
        final String rawPath;
        final String requestId;
        final Map<String, String> pathParams;
        final Map<String, List<String>> query;
        final HttpExchange exchange;
        final InetAddress remote;
        CustomerState customer;
        String rawBody;
        JsonNode body;

        Ctx(String operationId, String method, String rawPath, String requestId, Map<String, String> pathParams,
            Map<String, List<String>> query, HttpExchange exchange) {
            this.operationId = operationId;
            this.method = method;
            this.rawPath = rawPath;
            this.requestId = requestId;
            this.pathParams = pathParams;
            this.query = query;
            this.exchange = exchange;
            this.remote = exchange == null ? null : exchange.getRemoteAddress().getAddress();
        }

        String q(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String path(String name) {
            return pathParams.get(name);
        }

        /** A copy of the JSON object body, or a 400. */
        ObjectNode objectBody() {
            if (body instanceof ObjectNode o) return o.deepCopy();
            throw ApiException.badRequest("A JSON object body is required", null);
        }

        /** The assistant of the path's assistantApiKey, or a 404; call it holding the customer's monitor. */
        CustomerState.AssistantState assistant() {
            return customer.assistant(path("assistantApiKey"));
        }
    }

    static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final byte[] body;
        final BodyWriter writer;

        private Response(int status, byte[] body, BodyWriter writer) {
            this.status = status;
            this.body = body;
            this.writer = writer;
        }

        static Response json(int status, JsonNode node) {
            try {
                return new Response(status, Json.MAPPER.writeValueAsBytes(node), null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Response ok(JsonNode node) {
            return json(200, node);
        }

        static Response stream(int status, BodyWriter writer) {
            return new Response(status, null, writer);
        }

        Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
