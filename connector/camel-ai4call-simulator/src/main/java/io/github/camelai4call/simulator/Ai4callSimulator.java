package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful stand-in for the AI4CALL REST service: serves the OpenAPI contract over real HTTP (JDK HttpServer),
 * validates every request against it, keeps per-customer state in memory, and injects faults on demand.
 * <pre>
 * try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).seed(42).build())) {
 *     String baseUrl = sim.baseUrl();   // http://127.0.0.1:port
 *     sim.faults().inject("listAssistants", Fault.status(503).times(2).retryAfterSeconds(1));
 * }
 * </pre>
 * Admin endpoints (not in the contract, no authentication, loopback only by default): {@code GET|DELETE /__admin/requests},
 * {@code GET|POST|DELETE /__admin/faults}, {@code GET /__admin/outbound-calls}, {@code POST /__admin/analytics/{feedOperationId}},
 * {@code POST /__admin/reset}, {@code DELETE /__admin/allowed-ips}.
 */
public final class Ai4callSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callSimulator.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int RECENT_REQUESTS = 500;
    private static final byte[] NO_KEY = "\u0000no-such-customer\u0000".getBytes(StandardCharsets.UTF_8);

    private final SimulatorConfig config;
    private final Contract contract;
    private final Handlers handlers;
    private final Admin admin;
    private final Faults faults;
    private final Analytics analytics;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final Deque<Map<String, Object>> recentRequests = new ArrayDeque<>();
    private final List<OutboundCall> outboundCalls = new CopyOnWriteArrayList<>();
    private final SplittableRandom random;
    private final AtomicLong requestSeq = new AtomicLong();
    private volatile Map<String, CustomerState> customers;
    private volatile boolean closed;

    private Ai4callSimulator(SimulatorConfig config) throws IOException {
        long t0 = System.nanoTime();
        this.config = config;
        this.contract = Contract.load();
        this.random = new SplittableRandom(config.seed());
        this.faults = new Faults(config.seed());
        this.handlers = new Handlers(this);
        this.admin = new Admin(this);
        this.analytics = new Analytics(this);
        this.customers = buildCustomers();
        this.executor = Executors.newFixedThreadPool(config.threads(), daemon("ai4call-sim-http-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("ai4call-sim-calls-"));
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // TCP_NODELAY: headers and body are written separately; without it Nagle + delayed ACK add ~40 ms per answer
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), config.backlog());
        this.server.createContext("/", this::handle);
        this.server.setExecutor(executor);
        this.server.start();
        LOG.info("AI4CALL simulator listening on {} ({} operations, {} call records, started in {} ms)", baseUrl(),
                contract.routes.size(), config.analyticsRecords(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Starts a simulator. */
    public static Ai4callSimulator start(SimulatorConfig config) {
        try {
            return new Ai4callSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the AI4CALL simulator on " + config.host() + ":" + config.port(), e);
        }
    }

    /** Starts a simulator on a random port of 127.0.0.1 with the default configuration. */
    public static Ai4callSimulator startDefault() {
        return start(SimulatorConfig.defaults());
    }

    public SimulatorConfig config() {
        return config;
    }

    /** http://host:port, without trailing slash. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    public Analytics analytics() {
        return analytics;
    }

    /** The requests received for an operation (counted on arrival, before faults, authentication and validation). */
    public long requestCount(String operationId) {
        AtomicLong c = requestCounts.get(operationId);
        return c == null ? 0 : c.get();
    }

    /** The request counts of every operation that received requests. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        requestCounts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void resetRequestCounts() {
        requestCounts.clear();
        synchronized (recentRequests) {
            recentRequests.clear();
        }
    }

    /** The outbound calls accepted so far (outboundCall and outboundCallPbx), oldest first. */
    public List<OutboundCall> outboundCalls() {
        return List.copyOf(outboundCalls);
    }

    /** The operationIds of the contract, in route order. */
    public List<String> operationIds() {
        return List.copyOf(contract.byOperationId.keySet());
    }

    /** Back to the demo data: assistants, settings, RAG, plugins, allowed IPs, analytics and outbound calls. */
    public void resetState() {
        customers = buildCustomers();
        outboundCalls.clear();
        LOG.info("AI4CALL simulator state reset to the demo data");
    }

    /** resetState, clear the faults and reset the request counts. */
    public void resetAll() {
        resetState();
        faults.clear();
        resetRequestCounts();
    }

    /** Disables the IP allow-list of every customer (undoes a lock-out). */
    public void resetAllowedIps() {
        for (CustomerState c : customers.values()) {
            synchronized (c) {
                ObjectNode o = Json.obj();
                o.put("enabled", false);
                o.set("ips", Json.F.arrayNode());
                c.allowedIps = o;
                c.ipRules = List.of();
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        server.stop(0);
        scheduler.shutdownNow();
        executor.shutdownNow();
        LOG.info("AI4CALL simulator on port {} stopped", server.getAddress().getPort());
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Map<String, CustomerState> buildCustomers() {
        Map<String, CustomerState> map = new LinkedHashMap<>();
        for (CustomerState c : Catalog.demoCustomers(config)) map.put(c.email.toLowerCase(Locale.ROOT), c);
        return Collections.unmodifiableMap(map);
    }

    CustomerState customer(String email) {
        return email == null ? null : customers.get(email.toLowerCase(Locale.ROOT));
    }

    /** The customer of these credentials, or null; compares the key in constant time. */
    CustomerState authenticate(String email, String portalApiKey) {
        CustomerState c = customer(email);
        byte[] given = portalApiKey == null ? new byte[0] : portalApiKey.getBytes(StandardCharsets.UTF_8);
        boolean equal = MessageDigest.isEqual(given, c == null ? NO_KEY : c.portalApiKey);
        if (!equal || c == null || portalApiKey == null) {
            LOG.debug("Rejected credentials for {} (key {})", email, Json.mask(portalApiKey));
            return null;
        }
        return c;
    }

    void checkIp(CustomerState c, InetAddress remote) {
        List<IpRule> rules = c.ipRules;
        if (rules.isEmpty() || remote == null) return;
        for (IpRule r : rules) {
            if (r.matches(remote)) return;
        }
        throw ApiException.ipNotAllowed();
    }

    String randomHex(int chars) {
        long v;
        synchronized (random) {
            v = random.nextLong();
        }
        String hex = Feeds.hex16(v);
        return chars >= 16 ? hex : hex.substring(16 - chars);
    }

    Http.Response placeCall(Http.Ctx c, String channel) {
        ObjectNode b = c.body instanceof ObjectNode o ? o : Json.obj();
        String key = Json.text(b, "assistantApiKey");
        CustomerState cust = c.customer;
        CustomerState.AssistantState a;
        synchronized (cust) {
            a = Handlers.assistant(cust, key);
            if ("disabled".equals(a.assistant.path("status").asText())) {
                throw ApiException.unprocessable("The assistant is disabled", "assistantApiKey");
            }
        }
        String trunk = Json.text(b, "pbxTrunkId");
        if ("pbx".equals(channel) && trunk != null && !cust.pbxTrunks.contains(trunk)) {
            throw ApiException.unprocessable("Unknown PBX trunk " + trunk, "pbxTrunkId");
        }
        String to = Json.text(b, "to");
        String from = b.has("from") ? Json.text(b, "from") : a.companyNumber;
        String callId = "call_" + randomHex(16);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = b.get("metadata") instanceof ObjectNode md
                ? Collections.unmodifiableMap(Json.MAPPER.convertValue(md, LinkedHashMap.class)) : Map.of();
        outboundCalls.add(new OutboundCall(callId, c.operationId, cust.email, a.key, to, from, metadata, c.rawBody, at));
        LOG.debug("Accepted {} {} from assistant {}", c.operationId, callId, Json.mask(a.key));

        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", callId);
        rec.put("timestamp", at.toString());
        rec.put("assistantApiKey", a.key);
        rec.put("assistantName", a.name());
        rec.put("direction", "outbound");
        rec.put("from", from);
        rec.put("to", to);
        String outcome = switch (to.charAt(to.length() - 1)) {
            case '7' -> "no_answer";
            case '8' -> "busy";
            case '9' -> "voicemail";
            default -> "completed";
        };
        int seconds = "completed".equals(outcome) || "voicemail".equals(outcome)
                ? (int) Math.max(1, Math.round(config.callDuration().toMillis() / 1000.0)) : 0;
        rec.put("durationSeconds", seconds);
        rec.put("outcome", outcome);
        rec.put("cost", Feeds.round(seconds * 0.0035, 2));
        rec.put("currency", "EUR");
        rec.put("metadata", metadata);
        Runnable complete = () -> {
            if (customers.get(cust.email.toLowerCase(Locale.ROOT)) == cust) {
                cust.feeds.get(Feeds.CALLS).append(rec);
            }
        };
        Duration d = config.callDuration();
        if (d.isZero()) {
            complete.run();
        } else {
            scheduler.schedule(complete, d.toMillis(), TimeUnit.MILLISECONDS);
        }

        ObjectNode o = Json.obj();
        o.put("callId", callId);
        o.put("status", "queued");
        o.put("assistantApiKey", a.key);
        o.put("to", to);
        o.put("from", from);
        o.put("channel", channel);
        o.put("createdAt", at.toString());
        return Http.Response.json(202, o);
    }

    private void handle(HttpExchange ex) {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        String requestId = "req_" + Long.toString(System.currentTimeMillis(), 36) + Long.toString(requestSeq.incrementAndGet(), 36);
        String operationId = null;
        int status = 0;
        try {
            if (rawPath.startsWith("/__admin")) {
                Http.Response r;
                try {
                    r = admin.handle(method, rawPath, Http.parseQuery(ex.getRequestURI().getRawQuery()), readBody(ex));
                } catch (ApiException e) {
                    r = error(e, requestId);
                }
                status = r.status;
                send(ex, r, requestId, false);
                return;
            }
            Contract.Match m;
            try {
                m = contract.match(method, rawPath);
            } catch (ApiException e) {
                status = e.status;
                send(ex, error(e, requestId), requestId, false);
                return;
            }
            if (m == null) {
                status = 404;
                send(ex, error(ApiException.notFound("No operation at " + method + " " + rawPath, null), requestId), requestId, false);
                return;
            }
            operationId = m.route().operationId();
            requestCounts.computeIfAbsent(operationId, k -> new AtomicLong()).incrementAndGet();

            Faults.Decision decision = faults.next(operationId);
            if (decision.delayMillis > 0) {
                Thread.sleep(decision.delayMillis);
            }
            Fault fault = decision.terminal;
            if (fault != null && fault.type() == Fault.Type.DROP_CONNECTION) {
                status = -1;
                LOG.debug("Fault: dropping the connection of {} {}", method, operationId);
                return; // closed in finally, before any response: the connection is closed
            }
            if (fault != null && fault.type() == Fault.Type.STATUS) {
                status = fault.status();
                Http.Response r = error(faultError(fault.status()), requestId);
                if (fault.retryAfterSeconds() != null) r.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                send(ex, r, requestId, false);
                return;
            }
            boolean truncate = fault != null && fault.type() == Fault.Type.TRUNCATE_BODY;
            Http.Ctx c = new Http.Ctx(operationId, method, rawPath, requestId, m.pathParams(),
                    Http.parseQuery(ex.getRequestURI().getRawQuery()), ex);
            Http.Response r;
            try {
                r = process(c, m.route());
            } catch (ApiException e) {
                r = error(e, requestId);
            }
            status = truncate ? -2 : r.status;
            send(ex, r, requestId, truncate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("I/O failure answering {} {} (client gone?): {}", method, operationId, e.toString());
        } catch (Throwable t) {
            LOG.warn("Failure answering {} {}: {}", method, operationId, t.toString(), t);
            status = 500;
            try {
                send(ex, error(new ApiException(500, "INTERNAL_ERROR", "Simulator failure: " + t, null), requestId), requestId, false);
            } catch (Throwable ignored) {
                // headers may have been sent already
            }
        } finally {
            ex.close();
            if (operationId != null) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.debug("{} {} -> {} ({} ms)", method, operationId, status, ms);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("time", Instant.now().toString());
                entry.put("requestId", requestId);
                entry.put("method", method);
                entry.put("path", rawPath);
                entry.put("operationId", operationId);
                entry.put("status", status == -1 ? "dropped" : status == -2 ? "truncated" : status);
                entry.put("durationMs", ms);
                synchronized (recentRequests) {
                    recentRequests.addLast(entry);
                    while (recentRequests.size() > RECENT_REQUESTS) recentRequests.removeFirst();
                }
            }
        }
    }

    private static ApiException faultError(int status) {
        return switch (status) {
            case 429 -> new ApiException(429, "RATE_LIMITED", "Too many requests", null);
            case 503 -> new ApiException(503, "UNAVAILABLE", "Service temporarily unavailable", null);
            case 500 -> new ApiException(500, "INTERNAL_ERROR", "Internal server error", null);
            case 502 -> new ApiException(502, "BAD_GATEWAY", "Bad gateway", null);
            case 504 -> new ApiException(504, "GATEWAY_TIMEOUT", "Gateway timeout", null);
            default -> new ApiException(status, "INJECTED_FAULT", "Injected fault " + status, null);
        };
    }

    private Http.Response process(Http.Ctx c, Contract.Route route) throws IOException {
        HttpExchange ex = c.exchange;
        Headers h = ex.getRequestHeaders();
        if (route.secured()) {
            c.customer = authenticate(h.getFirst("x-client-email"), h.getFirst("x-portal-api-key"));
            if (c.customer == null) throw ApiException.unauthorized();
            checkIp(c.customer, c.remote);
        }
        String ct = h.getFirst("Content-Type");
        boolean multipart = ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (!multipart) {
            c.rawBody = readBody(ex);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        h.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        contract.validate(c.method, c.rawPath, c.query, headers, c.rawBody, multipart);
        if (c.rawBody != null) {
            try {
                c.body = Json.MAPPER.readTree(c.rawBody);
            } catch (IOException e) {
                throw new ApiException(400, "MALFORMED_REQUEST", "The body is not valid JSON", null);
            }
        }
        return handlers.handle(c);
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) throw ApiException.badRequest("The body exceeds " + MAX_BODY_BYTES + " bytes", null);
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Http.Response error(ApiException e, String requestId) {
        ObjectNode o = Json.obj();
        o.put("status", e.status);
        o.put("code", e.code);
        o.put("message", e.getMessage());
        if (e.field != null) o.put("field", e.field);
        o.put("requestId", requestId);
        return Http.Response.json(e.status, o);
    }

    private static void send(HttpExchange ex, Http.Response r, String requestId, boolean truncate) throws IOException {
        Headers rh = ex.getResponseHeaders();
        rh.set("Content-Type", "application/json");
        rh.set("X-Request-Id", requestId);
        r.headers.forEach(rh::set);
        byte[] body = r.body;
        if (body == null && truncate) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            r.writer.write(buf);
            body = buf.toByteArray();
        }
        if (body != null) {
            ex.sendResponseHeaders(r.status, body.length == 0 ? -1 : body.length);
            OutputStream os = ex.getResponseBody();
            if (truncate) {
                os.write(body, 0, body.length / 2);
                os.flush();
                LOG.debug("Fault: truncated a body of {} bytes to {}", body.length, body.length / 2);
                // closing the exchange with bytes missing closes the connection
                return;
            }
            os.write(body);
            os.close();
        } else {
            ex.sendResponseHeaders(r.status, 0);
            try (OutputStream os = new BufferedOutputStream(ex.getResponseBody(), 32 * 1024)) {
                r.writer.write(os);
            }
        }
    }

    List<Map<String, Object>> recentRequests() {
        synchronized (recentRequests) {
            return new ArrayList<>(recentRequests);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The admin endpoints under /__admin (not part of the contract). */
    static final class Admin {
        private final Ai4callSimulator sim;

        Admin(Ai4callSimulator sim) {
            this.sim = sim;
        }

        Http.Response handle(String method, String path, Map<String, List<String>> query, String body) throws IOException {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            JsonNode b = body == null ? Json.obj() : Json.MAPPER.readTree(body);
            String customer = query.containsKey("customer") ? query.get("customer").get(0) : DemoData.DEMO_EMAIL;
            if (p.equals("/__admin/requests")) {
                if (method.equals("GET")) {
                    ObjectNode o = Json.obj();
                    o.set("counts", Json.MAPPER.valueToTree(sim.requestCounts()));
                    o.set("recent", Json.MAPPER.valueToTree(sim.recentRequests()));
                    return Handlers.ok(o);
                }
                if (method.equals("DELETE")) {
                    sim.resetRequestCounts();
                    return done();
                }
            } else if (p.equals("/__admin/faults")) {
                if (method.equals("GET")) {
                    ObjectNode o = Json.obj();
                    sim.faults.active().forEach((op, list) -> {
                        ArrayNode a = o.putArray(op);
                        list.forEach(f -> a.add(f.toString()));
                    });
                    return Handlers.ok(o);
                }
                if (method.equals("POST")) {
                    String op = Json.text(b, "operationId");
                    if (op == null) throw ApiException.badRequest("operationId is required (or \"*\")", "operationId");
                    if (!op.equals(Faults.ALL_OPERATIONS) && !sim.contract.byOperationId.containsKey(op)) {
                        throw ApiException.notFound("Unknown operationId " + op, "operationId");
                    }
                    sim.faults.inject(op, fault(b));
                    return done();
                }
                if (method.equals("DELETE")) {
                    if (query.containsKey("operationId")) sim.faults.clear(query.get("operationId").get(0));
                    else sim.faults.clear();
                    return done();
                }
            } else if (p.equals("/__admin/outbound-calls") && method.equals("GET")) {
                return Handlers.ok(Json.MAPPER.valueToTree(sim.outboundCalls()));
            } else if (p.startsWith("/__admin/analytics/") && method.equals("POST")) {
                String feed = p.substring("/__admin/analytics/".length());
                @SuppressWarnings("unchecked")
                Map<String, Object> rec = Json.MAPPER.convertValue(b, LinkedHashMap.class);
                try {
                    return Http.Response.json(201, Json.MAPPER.valueToTree(sim.analytics.append(customer, feed, rec)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(e.getMessage(), null);
                }
            } else if (p.equals("/__admin/reset") && method.equals("POST")) {
                if (query.containsKey("all")) sim.resetAll();
                else sim.resetState();
                return done();
            } else if (p.equals("/__admin/allowed-ips") && method.equals("DELETE")) {
                sim.resetAllowedIps();
                return done();
            }
            throw ApiException.notFound("No admin endpoint " + method + " " + path, null);
        }

        private static Fault fault(JsonNode b) {
            String type = Json.text(b, "type");
            Fault f;
            try {
                if (type == null || type.equals("status")) {
                    f = Fault.status(b.path("status").asInt(503));
                } else if (type.equals("delay")) {
                    f = Fault.delay(Duration.ofMillis(b.path("delayMs").asLong(1000)));
                } else if (type.equals("drop") || type.equals("dropConnection")) {
                    f = Fault.dropConnection();
                } else if (type.equals("truncate") || type.equals("truncateBody")) {
                    f = Fault.truncateBody();
                } else {
                    throw ApiException.badRequest("type must be status, delay, drop or truncate", "type");
                }
                if (b.has("times")) f = f.times(b.get("times").asInt());
                if (b.has("rate")) f = f.rate(b.get("rate").asDouble());
                if (b.has("retryAfterSeconds")) f = f.retryAfterSeconds(b.get("retryAfterSeconds").asInt());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), null);
            }
            return f;
        }

        private static Http.Response done() {
            ObjectNode o = Json.obj();
            o.put("ok", true);
            return Handlers.ok(o);
        }
    }
}
