package io.github.camelai4call.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.catalog.ParameterSpec;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.http.RetryPolicy;
import io.github.camelai4call.component.mcp.McpToolConsumer;
import io.github.camelai4call.component.mcp.McpToolOptions;
import io.github.camelai4call.component.request.RequestFactory;
import io.github.camelai4call.component.request.ServiceAddress;

/**
 * Call any operation of the AI4CALL voice-AI platform: assistants and prompts, voice settings, RAG knowledge
 * bases, tools, hangup, outbound calls and analytics.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ai4call", title = "AI4CALL", syntax = "ai4call:operation",
             category = { Category.API, Category.CLOUD }, headersClass = Ai4callConstants.class)
public class Ai4callEndpoint extends ScheduledPollEndpoint {

    /**
     * Milliseconds between two polls of a feed consumer unless {@code delay} is set: a minute, as in the source
     * Kamelets (a test checks that they agree). Camel's 500 ms would make over a hundred requests a minute to a billed API.
     */
    public static final long DEFAULT_POLL_DELAY = 60_000L;

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callEndpoint.class);

    /** Milliseconds a tool call's route has to answer unless {@code answerTimeout} is set: 1 s below the contract's 5 s. */
    public static final long DEFAULT_ANSWER_TIMEOUT = 4_000L;
    /** What a tool call is answered with when its route is late or fails, unless {@code fallbackAnswer} is set. */
    public static final String DEFAULT_FALLBACK_ANSWER = "The tool is not available right now. Offer to follow up after the call.";

    /** The operations that have each parameter, in catalog order. */
    private static final Map<String, List<String>> OPERATIONS_BY_PARAMETER = operationsByParameter();

    @UriPath(description = "The AI4CALL operation (the operationId of the contract) or, for a consumer, a callback the "
                           + "platform sends (toolCall, callEnded, conversationSaved: the callbacks of the contract), or "
                           + "mcpTool, a tool of the MCP server an assistant's pre-call MCP configuration points to.",
             enums = Ai4callCallback.ENDPOINT_NAMES + "," + McpToolOptions.NAME, javaType = "java.lang.String")
    @Metadata(required = true)
    private Ai4callOperation operation;
    /** The callback of a callback consumer; null for an operation. */
    private Ai4callCallback callback;
    /** Whether this is {@code ai4call:mcpTool}. */
    private boolean mcpTool;
    @UriParam
    private McpToolOptions mcpToolOptions = new McpToolOptions();
    @UriParam
    private Ai4callConfiguration configuration;
    @UriParam
    private Ai4callApiParameters apiParameters;

    @UriParam(label = "consumer",
              description = "Where a feed consumer starts when it has no watermark yet: an ISO-8601 instant "
                            + "(2026-01-01T00:00:00Z) or a period back from now (P7D, PT12H). Empty: the whole history the feed keeps.")
    private String startFrom;
    @UriParam(label = "consumer", defaultValue = "PT5M",
              description = "How far before the watermark each poll reads again, so that records arriving late are still "
                            + "delivered (once: the ids of delivered records are remembered for one overlap window). ISO-8601 duration.")
    private String overlap = "PT5M";
    @UriParam(label = "consumer", defaultValue = "false",
              description = "One exchange per page (a List of records) instead of one per record, for bulk loads.")
    private boolean batch;
    @UriParam(label = "consumer",
              description = "A file that keeps the feed's state (watermark and the ids of the last overlap window) across "
                            + "restarts, replaced atomically on every write: a crash at any instant leaves the old state or "
                            + "the new one. One file per feed endpoint. In memory by default.")
    private String stateFile;
    @UriParam(label = "consumer,advanced",
              description = "A database that keeps the feed's state, one transaction per write, for several nodes sharing "
                            + "one feed behind a cluster service (tables ai4call_feed_state and ai4call_feed_ids, created "
                            + "when missing).")
    private DataSource stateDataSource;
    @UriParam(label = "consumer", defaultValue = "500",
              description = "Records delivered one by one between two writes of the state, besides the write after each "
                            + "page and poll. After a crash, the records delivered since the last write are delivered again "
                            + "(unless transacted).")
    private int stateWriteEvery = 500;
    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "With stateDataSource: the records between two state writes are routed inside one transaction "
                            + "of that database, which the state write commits. A route writing to the same DataSource with "
                            + "camel-sql (or Spring's DataSourceUtils) joins it, so its rows and the feed state commit or roll "
                            + "back together: each record lands exactly once in that database, across crashes and nodes. "
                            + "Needs spring-jdbc (camel-sql brings it); the route must run on the consumer's thread.")
    private boolean transacted;
    @UriParam(label = "consumer,advanced",
              description = "Where the watermark of the feed is kept across restarts, with idempotentRepository, when you "
                            + "bring Camel repositories (e.g. a FileStateRepository); not written atomically with the ids: "
                            + "prefer stateFile or stateDataSource.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced",
              description = "With stateRepository, when you bring Camel repositories: the ids of delivered records, so none "
                            + "is delivered twice (e.g. a FileIdempotentRepository). "
                            + "It holds about one overlap window of ids: an id is removed once the saved watermark is more "
                            + "than overlap past its record. In memory by default.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer",
              description = "Callback consumers: the path served through Camel's platform-http, by default /ai4call/ and "
                            + "the callback in kebab case (/ai4call/tool-call, /ai4call/call-ended, "
                            + "/ai4call/conversation-saved). Several consumers may share a path (and its webhookSecret): "
                            + "each request goes to the one of its X-Ai4call-Event and, for tool calls, of its toolId.")
    private String path;
    @UriParam(label = "consumer,advanced",
              description = "Callback consumers: the delivery ids already routed, so that a redelivery (the platform "
                            + "delivers at least once) is not routed again. Share one (e.g. Camel's JDBC repository) between "
                            + "nodes behind a load balancer. In memory by default (the last 10,000 ids).")
    private IdempotentRepository deduplicationRepository;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_ANSWER_TIMEOUT,
              description = "toolCall: milliseconds the route has to answer, below the platform's own deadline (the "
                            + "contract's x-ai4call-answer-deadline, 5 s). A route that takes longer, fails or answers "
                            + "something that is not a ToolCallAnswer gets the fallbackAnswer sent instead, and its error "
                            + "goes to the consumer's exception handler.")
    private long answerTimeout = DEFAULT_ANSWER_TIMEOUT;
    @UriParam(label = "consumer", defaultValue = DEFAULT_FALLBACK_ANSWER,
              description = "toolCall: the result the assistant speaks from when the route is late or fails (at most 2000 "
                            + "characters); the answer carries the request's callId.")
    private String fallbackAnswer = DEFAULT_FALLBACK_ANSWER;

    // declared again only so that the descriptor and the docs show this default: ScheduledPollEndpoint keeps the
    // value (the constructor sets it there) and the configurer calls its setDelay
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY,
              description = "Milliseconds before the next poll of a feed.")
    private long delay = DEFAULT_POLL_DELAY;

    private volatile OperationCaller caller;

    public Ai4callEndpoint(String uri, Ai4callComponent component, Ai4callOperation operation,
                           Ai4callConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        this.apiParameters = new Ai4callApiParameters();
        setDelay(DEFAULT_POLL_DELAY);
    }

    /** A callback consumer's endpoint ({@code ai4call:toolCall}...). */
    public Ai4callEndpoint(String uri, Ai4callComponent component, Ai4callCallback callback,
                           Ai4callConfiguration configuration) {
        this(uri, component, (Ai4callOperation) null, configuration);
        this.callback = callback;
        this.path = callback.defaultPath();
    }

    /** The endpoint of one tool of the context's MCP server ({@code ai4call:mcpTool?toolName=...}). */
    public static Ai4callEndpoint mcpTool(String uri, Ai4callComponent component, Ai4callConfiguration configuration) {
        Ai4callEndpoint endpoint = new Ai4callEndpoint(uri, component, (Ai4callOperation) null, configuration);
        endpoint.mcpTool = true;
        return endpoint;
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_POLL_DELAY;
    }

    @Override
    public Ai4callComponent getComponent() {
        return (Ai4callComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (mcpTool) {
            throw new IllegalArgumentException("ai4call:" + McpToolOptions.NAME + " is a consumer: use it in from(...); the "
                                               + "assistant calls the tool through the MCP server");
        }
        if (callback != null) {
            throw new IllegalArgumentException("ai4call:" + callback + " is a callback: AI4CALL sends it to your system, so it "
                                               + "can only be consumed, from(\"ai4call:" + callback + "\"); its URL is set with "
                                               + "ai4call:" + callback.operation() + " (" + callback.urlField() + ")");
        }
        return new Ai4callProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (mcpTool) {
            McpToolConsumer consumer = new McpToolConsumer(this, processor, mcpToolOptions, configuration.getWebhookSecret(),
                    signatureTolerance());
            configureConsumer(consumer);
            return consumer;
        }
        if (callback != null) {
            Ai4callCallbackConsumer consumer = new Ai4callCallbackConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        if (!operation.analyticsFeed()) {
            throw new IllegalArgumentException("ai4call:" + operation + " cannot be consumed: only the analytics feeds ("
                                               + String.join(", ", Arrays.stream(Ai4callOperation.values())
                                                       .filter(Ai4callOperation::analyticsFeed).map(Enum::name).toList())
                                               + ") can be polled and the callbacks ("
                                               + String.join(", ", Arrays.stream(Ai4callCallback.values()).map(Enum::name).toList())
                                               + ") received; use it in to(...) instead");
        }
        Ai4callFeedConsumer consumer = new Ai4callFeedConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (mcpTool) {
            mcpToolOptions.check();
            signatureTolerance();
            refuseParameterOptions(McpToolOptions.NAME, null);
            return;
        }
        if (callback != null) {
            checkCallbackOptions();
            return;
        }
        checkBaseUrl();
        checkTimeouts();
        checkRetries();
        checkParameterOptions();
    }

    /** A callback consumer's options, at creation: a value no request could use fails here, naming the option. */
    private void checkCallbackOptions() {
        String where = "ai4call:" + callback + ": option ";
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException(where + "'path' must start with /, not '" + path + "'");
        }
        signatureTolerance();
        if (callback.answered()) {
            if (answerTimeout <= 0) {
                throw new IllegalArgumentException(where + "'answerTimeout' must be a positive number of milliseconds");
            }
            if (callback.answerDeadline() != null && answerTimeout >= callback.answerDeadline().toMillis()) {
                LOG.warn("{}'answerTimeout' is {} ms, not below the platform's deadline of {} ms (x-ai4call-answer-deadline): "
                         + "a late answer is lost, and the assistant has nothing to say", where, answerTimeout,
                        callback.answerDeadline().toMillis());
            }
            if (fallbackAnswer == null || fallbackAnswer.isBlank() || fallbackAnswer.length() > 2000) {
                throw new IllegalArgumentException(where + "'fallbackAnswer' must be a text of 1 to 2000 characters");
            }
        }
        refuseParameterOptions(callback.toString(), callback == Ai4callCallback.toolCall ? "toolId" : null);
    }

    /** A consumer that calls no operation: an operation's parameter set on it would be ignored, so it is refused. */
    private void refuseParameterOptions(String consumer, String selector) {
        for (String name : OPERATIONS_BY_PARAMETER.keySet()) {
            Object value = apiParameters.valueOf(name);
            if (value != null && !(value instanceof String s && s.isBlank()) && !name.equals(selector)) {
                throw new IllegalArgumentException("ai4call:" + consumer + ": option '" + name + "' is a parameter of "
                                                   + String.join(", ", OPERATIONS_BY_PARAMETER.get(name))
                                                   + ", not an option of the " + consumer + " consumer");
            }
        }
    }

    /** The signatureTolerance option as a duration. */
    Duration signatureTolerance() {
        try {
            Duration tolerance = Duration.parse(configuration.getSignatureTolerance());
            if (!tolerance.isNegative()) {
                return tolerance;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("ai4call:" + (mcpTool ? McpToolOptions.NAME : callback)
                                           + ": option 'signatureTolerance' must be an ISO-8601 "
                                           + "duration such as PT5M, not '" + configuration.getSignatureTolerance() + "'");
    }

    private void checkTimeouts() {
        if (configuration.getConnectTimeout() < 0 || configuration.getRequestTimeout() < 0) {
            String option = configuration.getConnectTimeout() < 0 ? "connectTimeout" : "requestTimeout";
            throw new IllegalArgumentException("ai4call:" + operation + ": option '" + option
                                               + "' must be 0 (no timeout) or a number of milliseconds, not a negative one");
        }
    }

    private void checkRetries() {
        notNegative("maxRetries", configuration.getMaxRetries(), "a number of retries (0: none)");
        notNegative("retryInitialDelay", configuration.getRetryInitialDelay(), "a number of milliseconds");
        notNegative("retryMaxDelay", configuration.getRetryMaxDelay(), "a number of milliseconds");
    }

    private void notNegative(String option, long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option '" + option + "' must be " + what
                                               + ", not " + value);
        }
    }

    /**
     * Every parameter of every operation is an option of every endpoint (Camel options are per component): one set on
     * an operation that does not have it would be dropped without a word (a filter that does not filter), so it is
     * refused here, and a value the contract does not accept is refused before the first call.
     */
    private void checkParameterOptions() {
        Map<String, ParameterSpec> own = new HashMap<>();
        for (ParameterSpec p : operation.parameters()) {
            own.put(p.name(), p);
        }
        for (String name : OPERATIONS_BY_PARAMETER.keySet()) {
            Object value = apiParameters.valueOf(name);
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            if (!RequestFactory.takesOption(operation, name)) {
                throw new IllegalArgumentException("ai4call:" + operation + ": option '" + name + "' is not a parameter of "
                                                   + operation + "; it belongs to " + String.join(", ", OPERATIONS_BY_PARAMETER.get(name)));
            }
            ParameterSpec spec = own.get(name); // null for a body property: the body's schema is checked per call
            String problem = spec != null && configuration.isValidateRequest() ? spec.problem(value.toString()) : null;
            if (problem != null) {
                throw new IllegalArgumentException("ai4call:" + operation + ": option '" + name + "' " + problem);
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (callback != null || mcpTool) {
            return;
        }
        if (configuration.getSslContextParameters() != null) {
            getComponent().httpClientFor(configuration); // a TLS context that cannot be built fails the start, not a call
        }
        caller = null; // made again at the first call after a restart, from the options as they are then
    }

    /** Made at the first call: a context whose endpoints make none loads none of the call's classes. */
    private OperationCaller caller() {
        OperationCaller c = caller;
        if (c == null) {
            synchronized (this) {
                c = caller;
                if (c == null) {
                    c = new OperationCaller(this, getComponent().requestFactory(),
                            new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                                    configuration.getRetryMaxDelay()));
                    caller = c;
                }
            }
        }
        return c;
    }

    /**
     * The call seam of the producer: calls the operation with the message's headers and body over this endpoint's
     * options, with the retry policy, and puts the answer on the message.
     */
    void call(Ai4callOperation op, Message message) throws Ai4callException, InterruptedException {
        caller().call(op, message);
    }

    /**
     * The call seam of the consumer and the checks: calls the operation with these parameter values and body over
     * this endpoint's options (no message, so no user header takes part), and returns the successful answer.
     *
     * @param retries whether the retry policy applies; probes make one attempt
     */
    HttpCallResult call(Ai4callOperation op, Map<String, Object> parameters, Object body, boolean retries)
            throws Ai4callException, InterruptedException {
        return caller().call(op, parameters, body, retries);
    }

    private static Map<String, List<String>> operationsByParameter() {
        // loops, not lambdas: this runs while the context starts, where each new lambda costs a generated class
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Ai4callOperation op : Ai4callOperation.values()) {
            for (ParameterSpec p : op.parameters()) {
                byName.putIfAbsent(p.name(), new ArrayList<>());
            }
        }
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            for (Ai4callOperation op : Ai4callOperation.values()) {
                if (RequestFactory.takesOption(op, e.getKey())) {
                    e.getValue().add(op.name());
                }
            }
        }
        return byName;
    }

    private void checkBaseUrl() {
        ServiceAddress address;
        try {
            address = getComponent().requestFactory().address(configuration.getBaseUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option 'baseUrl' must be an absolute URL such as "
                                               + Ai4callConfiguration.DEFAULT_BASE_URL, e);
        }
        if (address.plainHttp() && !address.loopback() && !configuration.isAllowInsecureHttp()) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option 'baseUrl' uses plain http on "
                                               + address.host().getHostName()
                                               + "; credentials would travel unencrypted. Use https, or set allowInsecureHttp=true");
        }
    }

    public Ai4callOperation getOperation() {
        return operation;
    }

    public void setOperation(Ai4callOperation operation) {
        this.operation = operation;
    }

    public McpToolOptions getMcpToolOptions() {
        return mcpToolOptions;
    }

    public void setMcpToolOptions(McpToolOptions mcpToolOptions) {
        this.mcpToolOptions = mcpToolOptions;
    }

    /** The callback of a callback consumer's endpoint, or null for an operation. */
    public Ai4callCallback getCallback() {
        return callback;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public IdempotentRepository getDeduplicationRepository() {
        return deduplicationRepository;
    }

    public void setDeduplicationRepository(IdempotentRepository deduplicationRepository) {
        this.deduplicationRepository = deduplicationRepository;
    }

    public long getAnswerTimeout() {
        return answerTimeout;
    }

    public void setAnswerTimeout(long answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    public String getFallbackAnswer() {
        return fallbackAnswer;
    }

    public void setFallbackAnswer(String fallbackAnswer) {
        this.fallbackAnswer = fallbackAnswer;
    }

    public Ai4callConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Ai4callConfiguration configuration) {
        this.configuration = configuration;
    }

    public Ai4callApiParameters getApiParameters() {
        return apiParameters;
    }

    public void setApiParameters(Ai4callApiParameters apiParameters) {
        this.apiParameters = apiParameters;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public String getOverlap() {
        return overlap;
    }

    public void setOverlap(String overlap) {
        this.overlap = overlap;
    }

    public boolean isBatch() {
        return batch;
    }

    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public DataSource getStateDataSource() {
        return stateDataSource;
    }

    public void setStateDataSource(DataSource stateDataSource) {
        this.stateDataSource = stateDataSource;
    }

    public int getStateWriteEvery() {
        return stateWriteEvery;
    }

    public void setStateWriteEvery(int stateWriteEvery) {
        this.stateWriteEvery = stateWriteEvery;
    }

    public boolean isTransacted() {
        return transacted;
    }

    public void setTransacted(boolean transacted) {
        this.transacted = transacted;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
