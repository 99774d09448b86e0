package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A customer's system as the platform sees it, written for these tests and independent of the simulator's code: a
 * JDK HTTP server on loopback that records every request, checks its signature with its own HMAC-SHA256 (answering
 * 403 to a wrong one, as a receiver must) and answers from a per-path script (statuses, delays), then the default
 * answer: for a tool call, a ToolCallAnswer echoing the callId. On {@code /mcp} it is a minimal MCP server over
 * Streamable HTTP (JSON answers, no SSE) with one tool, {@code crm_lookup}, written from the MCP specification.
 */
final class CallbackReceiver implements AutoCloseable {

    /** What the platform sent. */
    record Received(String path, Map<String, List<String>> headers, byte[] body, boolean signatureValid, long atMillis) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer: a status (0 = the default answer) after a delay. */
    record Step(int status, Duration delay) {
        static Step status(int status) {
            return new Step(status, Duration.ZERO);
        }

        static Step slow(Duration delay) {
            return new Step(0, delay);
        }
    }

    private final String secret;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    private volatile Function<JsonNode, String> toolAnswer =
            req -> "{\"callId\":\"" + req.path("callId").asText() + "\",\"result\":\"Booked for " + req.path("arguments").path("date").asText()
                    + " at " + req.path("arguments").path("slot").asText() + ".\",\"data\":{\"appointmentId\":\"apt_000123\"}}";

    CallbackReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "callback-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on a path, in order; after them the default answer. */
    CallbackReceiver script(String path, Step... steps) {
        scripts.computeIfAbsent(path, k -> new ArrayDeque<>()).addAll(List.of(steps));
        return this;
    }

    /** How tool calls are answered (the request body to the answer body). */
    CallbackReceiver answerToolsWith(Function<JsonNode, String> answer) {
        this.toolAnswer = answer;
        return this;
    }

    List<Received> received(String path) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) if (r.path().equals(path)) out.add(r);
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = ex.getRequestURI().getPath();
        String ts = ex.getRequestHeaders().getFirst("X-Ai4call-Timestamp");
        String sig = ex.getRequestHeaders().getFirst("X-Ai4call-Signature");
        boolean valid = ts != null && sig != null && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) <= 300
                && MessageDigest.isEqual(expected(ts, body).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
        received.add(new Received(path, Map.copyOf(ex.getRequestHeaders()), body, valid, System.currentTimeMillis()));
        if (path.equals("/mcp")) {
            mcp(ex, body, valid);
            return;
        }
        Step step;
        Deque<Step> script = scripts.get(path);
        synchronized (this) {
            step = script == null ? null : script.pollFirst();
        }
        try {
            if (step != null && !step.delay().isZero()) Thread.sleep(step.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status;
        String answer;
        if (!valid) {
            status = 403;
            answer = "";
        } else if (step != null && step.status() != 0) {
            status = step.status();
            answer = "";
        } else {
            status = 200;
            answer = path.endsWith("/tools") ? toolAnswer.apply(new ObjectMapper().readTree(body)) : "";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        if (out.length > 0) ex.getResponseHeaders().set("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (IOException e) {
            // the platform gave up waiting (a slow step beyond its deadline)
        } finally {
            ex.close();
        }
    }

    /** JSON-RPC over Streamable HTTP: initialize, tools/list, tools/call; notifications get 202; GET (no SSE stream) 405. */
    private void mcp(HttpExchange ex, byte[] body, boolean valid) throws IOException {
        try (ex) {
            if (!valid) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.sendResponseHeaders(ex.getRequestMethod().equals("DELETE") ? 200 : 405, -1);
                return;
            }
            ObjectMapper m = new ObjectMapper();
            JsonNode req = m.readTree(body);
            if (!req.has("id")) {
                ex.sendResponseHeaders(202, -1);
                return;
            }
            com.fasterxml.jackson.databind.node.ObjectNode res = m.createObjectNode();
            res.put("jsonrpc", "2.0");
            res.set("id", req.get("id"));
            com.fasterxml.jackson.databind.node.ObjectNode result = res.putObject("result");
            switch (req.path("method").asText()) {
                case "initialize" -> {
                    result.put("protocolVersion", req.path("params").path("protocolVersion").asText());
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "crm-test").put("version", "1.0");
                }
                case "tools/list" -> {
                    com.fasterxml.jackson.databind.node.ObjectNode tool = result.putArray("tools").addObject();
                    tool.put("name", "crm_lookup");
                    tool.put("description", "Looks the caller up in the CRM.");
                    com.fasterxml.jackson.databind.node.ObjectNode schema = tool.putObject("inputSchema");
                    schema.put("type", "object");
                    schema.putObject("properties").putObject("number").put("type", "string");
                }
                case "tools/call" -> {
                    String number = req.path("params").path("arguments").path("number").asText();
                    result.putArray("content").addObject().put("type", "text").put("text", "Known customer " + number
                            + ", lead " + req.path("params").path("arguments").path("metadata").path("lead_id").asText());
                    result.put("isError", false);
                }
                default -> {
                    // ping and the rest: an empty result
                }
            }
            byte[] out = m.writeValueAsBytes(res);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("Mcp-Session-Id", "session-1");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
        }
    }

    /** The signature rule of the contract's webhookSignature scheme, written out here: v1= + hex HMAC-SHA256("ts.body"). */
    String expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = new byte[timestamp.length() + 1 + body.length];
            System.arraycopy(timestamp.getBytes(StandardCharsets.US_ASCII), 0, signed, 0, timestamp.length());
            signed[timestamp.length()] = '.';
            System.arraycopy(body, 0, signed, timestamp.length() + 1, body.length);
            StringBuilder hex = new StringBuilder("v1=");
            for (byte b : mac.doFinal(signed)) hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
