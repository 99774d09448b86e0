package io.github.camelai4call.simulator;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful stand-in for the AI4CALL REST service: serves the OpenAPI contract over real HTTP (JDK HttpServer),
 * validates every request against it, keeps per-customer state in memory, and injects faults on demand.
 * <pre>
 * try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).seed(42).build())) {
 *     String baseUrl = sim.baseUrl();   // http://127.0.0.1:port
 *     sim.faults().inject("listAssistants", Fault.status(503).times(2).retryAfterSeconds(1));
 * }
 * </pre>
 * The admin endpoints under {@code /__admin} are listed in {@link AdminApi}.
 * <p>
 * This class is the server's life cycle and the test API; the work is done by its collaborators: the
 * {@link HttpPipeline} (every request), the {@link Customers} (state and credentials), the {@link OutboundCalls}
 * (accepted calls and their life), the {@link AdminApi}, the {@link RequestLog} and the {@link Faults}.
 */
public final class Ai4callSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callSimulator.class);

    private final SimulatorConfig config;
    private final Contract contract;
    private final Customers customers;
    private final OutboundCalls calls;
    private final CallPlayer player;
    private final InboundCalls inbound;
    private final CallbackDeliveries deliveries;
    private final RequestLog log;
    private final Faults faults;
    private final Analytics analytics;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean closed;

    private Ai4callSimulator(SimulatorConfig config) throws IOException {
        long t0 = System.nanoTime();
        this.config = config;
        this.contract = Contract.load();
        Ids ids = new Ids();
        this.faults = new Faults(config.seed());
        this.log = new RequestLog();
        this.customers = new Customers(config);
        this.deliveries = new CallbackDeliveries();
        CallbackSender sender = new CallbackSender(contract, faults, deliveries, ids);
        McpPreCall mcp = new McpPreCall(deliveries, sender, contract.callback(CallbackKind.TOOL_CALL.operationId).answerDeadline());
        this.player = new CallPlayer(config, customers, contract, sender, mcp, ids);
        this.calls = new OutboundCalls(config, ids, player);
        this.inbound = new InboundCalls(ids, player);
        this.analytics = new Analytics(customers, ids);
        AdminApi admin = new AdminApi(log, faults, contract, calls, analytics, customers, inbound, deliveries, this::resetState,
                this::resetAll);
        Handlers handlers = new Handlers(config, customers, calls, ids);
        this.executor = Executors.newFixedThreadPool(config.threads(), Threads.daemon("ai4call-sim-http-"));
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // TCP_NODELAY: headers and body are written separately; without it Nagle + delayed ACK add ~40 ms per answer
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), config.backlog());
        this.server.createContext("/", new HttpPipeline(contract, faults, log, admin, customers, handlers));
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
        return log.count(operationId);
    }

    /** The request counts of every operation that received requests. */
    public Map<String, Long> requestCounts() {
        return log.counts();
    }

    public void resetRequestCounts() {
        log.clear();
    }

    /** The outbound calls accepted so far (outboundCall and outboundCallPbx), oldest first. */
    public List<OutboundCall> outboundCalls() {
        return calls.accepted();
    }

    /**
     * Starts an inbound call: {@code from} calls the assistant (of the customer's numbers' routes), and the call is
     * played as the platform plays an outbound one (see {@link #callbackDeliveries()}).
     *
     * @return the call id
     */
    public String startInboundCall(String customerEmail, String assistantApiKey, String from, Map<String, String> metadata) {
        CustomerState c = customers.find(customerEmail);
        if (c == null) throw new IllegalArgumentException("Unknown customer " + customerEmail);
        com.fasterxml.jackson.databind.node.ObjectNode req = Json.obj();
        req.put("assistantApiKey", assistantApiKey);
        req.put("from", from);
        req.set("metadata", Json.MAPPER.valueToTree(metadata == null ? Map.of() : metadata));
        return inbound.start(c, req).callId();
    }

    /**
     * Sets the arguments an assistant passes to one of its webhook tools in simulated calls, instead of the examples
     * of the tool's parameters (until the state is reset).
     */
    public void setToolArguments(String customerEmail, String assistantApiKey, String toolId, Map<String, ?> arguments) {
        customers.setToolArguments(customerEmail, assistantApiKey, toolId, Json.MAPPER.valueToTree(arguments));
    }

    /**
     * What the simulated platform sent to the customers' URLs (tool calls, call ended, conversation saved, pre-call
     * MCP tools) since the last reset, oldest first, each with its attempts and outcome.
     */
    public List<CallbackDelivery> callbackDeliveries() {
        return deliveries.list();
    }

    /** The operationIds of the contract, in route order. */
    public List<String> operationIds() {
        return List.copyOf(contract.byOperationId.keySet());
    }

    /** Back to the demo data: assistants, settings, RAG, plugins, allowed IPs, analytics, outbound calls and callback deliveries. */
    public void resetState() {
        customers.reset();
        calls.clear();
        deliveries.clear();
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
        customers.disableAllowLists();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        server.stop(0);
        player.close();
        executor.shutdownNow();
        LOG.info("AI4CALL simulator on port {} stopped", server.getAddress().getPort());
    }

    /** The state of a customer, for the tests of this module. */
    CustomerState customer(String email) {
        return customers.find(email);
    }
}
