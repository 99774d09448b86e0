package io.github.camelai4call.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.URISupport;

import io.github.camelai4call.component.callback.CallbackServer;
import io.github.camelai4call.component.http.Ai4callHttpClient;
import io.github.camelai4call.component.http.HttpClientSettings;
import io.github.camelai4call.component.masking.LogMasking;
import io.github.camelai4call.component.mcp.McpToolOptions;
import io.github.camelai4call.component.observe.Ai4callObserver;
import io.github.camelai4call.component.observe.Observers;
import io.github.camelai4call.component.request.BodySchemaValidator;
import io.github.camelai4call.component.request.RequestFactory;
import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.component.support.Suggestions;

/**
 * The {@code ai4call:} component. Holds the defaults every endpoint starts from, the JSON mapper, and the pooled
 * HTTP clients (one per distinct connection settings, shared by all endpoints using them).
 */
@Component("ai4call")
public class Ai4callComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private Ai4callConfiguration configuration = new Ai4callConfiguration();
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSLContextParameters of the CamelContext when none is configured.")
    private boolean useGlobalSslContextParameters;

    private final Map<HttpClientSettings, Ai4callHttpClient> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService connectionWatch;
    private ScheduledExecutorService callbackTimer;
    private final BodySchemaValidator schemaValidator = new BodySchemaValidator();
    private final RequestFactory requestFactory = new RequestFactory(schemaValidator);
    /** Made by the first endpoint with verifyCredentials=true. */
    private CredentialCheck credentialCheck;
    /** Made by the first callback consumer: a context that only calls out loads none of its classes. */
    private volatile CallbackServer callbackServer;
    /** Decided at the first call, not at start: metrics off, no observer class is loaded while the context starts. */
    private volatile Ai4callObserver observer;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // an operation first: a context that only calls out loads nothing of the callbacks
        Ai4callOperation operation = operationNamed(remaining);
        Ai4callCallback callback = operation == null ? Ai4callCallback.named(remaining) : null;
        Ai4callEndpoint endpoint = operation != null ? new Ai4callEndpoint(uri, this, operation, configuration.copy())
                : callback != null ? new Ai4callEndpoint(uri, this, callback, configuration.copy())
                : McpToolOptions.NAME.equals(remaining) ? Ai4callEndpoint.mcpTool(uri, this, configuration.copy())
                : new Ai4callEndpoint(uri, this, resolveOperation(remaining), configuration.copy());
        if (!McpToolOptions.NAME.equals(remaining)) {
            McpToolOptions.refuseOn("ai4call:" + remaining, parameters);
        }
        setProperties(endpoint, parameters);
        if (endpoint.getConfiguration().getSslContextParameters() == null && useGlobalSslContextParameters) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    /** The operation of that name, or an error listing the closest valid names. */
    public Ai4callOperation resolveOperation(String name) {
        Ai4callOperation op = operationNamed(name);
        if (op != null) {
            return op;
        }
        List<String> all = Arrays.stream(Ai4callOperation.values()).map(Enum::name).toList();
        List<String> names = List.of((Ai4callCallback.ENDPOINT_NAMES + "," + McpToolOptions.NAME).split(","));
        throw new IllegalArgumentException("Unknown AI4CALL operation '" + name + "' in ai4call:" + name
                                           + ". Did you mean " + String.join(", ", Suggestions.closest(name, names, 3))
                                           + "? Valid operations: " + String.join(", ", all) + "; callbacks (consumers only): "
                                           + String.join(", ", Arrays.stream(Ai4callCallback.values()).map(Enum::name).toList())
                                           + "; MCP tools (consumers only): " + McpToolOptions.NAME);
    }

    private static Ai4callOperation operationNamed(String name) {
        for (Ai4callOperation op : Ai4callOperation.values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        return null;
    }

    /**
     * As Camel's check, but names the unknown options and the closest valid ones without their values: a misspelled
     * key option ({@code assistantApiKye=ast_...}) must not print the key.
     */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (parameters == null || parameters.isEmpty() || optionPrefix != null) {
            super.validateParameters(uri, parameters, optionPrefix);
            return;
        }
        List<String> options = List.copyOf(new Ai4callEndpointUriFactory().propertyNames());
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(parameters.keySet())) {
            unknown.add("'" + name + "' (did you mean " + String.join(", ", Suggestions.closest(name, options, 2)) + "?)");
        }
        throw new ResolveEndpointFailedException(URISupport.stripQuery(uri), "unknown option "
                                                                           + String.join(", ", unknown)
                                                                           + "; values not shown");
    }

    /** The shared client for the endpoint's connection settings. */
    Ai4callHttpClient httpClientFor(Ai4callConfiguration config) {
        HttpClientSettings settings = new HttpClientSettings(config.getConnectTimeout(), config.getRequestTimeout(),
                config.getMaxConnections(), config.getSslContextParameters());
        return clients.computeIfAbsent(settings, this::newClient);
    }

    private Ai4callHttpClient newClient(HttpClientSettings settings) {
        SSLContextParameters ssl = settings.sslContextParameters();
        try {
            SSLContext context = ssl == null ? null : ssl.createSSLContext(getCamelContext());
            return new Ai4callHttpClient(settings, context, connectionWatch());
        } catch (Exception e) {
            throw new IllegalArgumentException("ai4call: option 'sslContextParameters' cannot build a TLS context: "
                                               + e.getMessage(), e);
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // before Camel Main logs this component's configuration
        LogMasking.addSensitiveKeywords(getCamelContext());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LogMasking.onComponentStart(getCamelContext());
    }

    /**
     * The one thread of the clients' housekeeping (answers past the request timeout, connections idle too long),
     * started with the first client; it runs only while a client has a connection open, so a context at rest wakes
     * no thread, and a context whose endpoints make no call starts none and loads no HTTP class.
     */
    private synchronized ScheduledExecutorService connectionWatch() {
        if (connectionWatch == null) {
            connectionWatch = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "Ai4callConnectionWatch");
        }
        return connectionWatch;
    }

    /** The one thread that keeps the tool calls' answer deadlines, started with the first tool call consumer. */
    synchronized ScheduledExecutorService callbackTimer() {
        if (callbackTimer == null) {
            callbackTimer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "Ai4callAnswerDeadlines");
        }
        return callbackTimer;
    }

    @Override
    protected void doStop() throws Exception {
        CallbackServer served = callbackServer;
        if (served != null) {
            served.stop();
        }
        synchronized (this) {
            if (callbackTimer != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(callbackTimer);
                callbackTimer = null;
            }
            if (connectionWatch != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(connectionWatch);
                connectionWatch = null;
            }
        }
        if (!clients.isEmpty()) { // no HTTP class is loaded for a context that made no call
            clients.values().forEach(Ai4callHttpClient::close);
            clients.clear();
        }
        observer = null; // decided again after a restart: the registry may have changed
        super.doStop();
    }

    public Ai4callConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint of this component starts from. */
    public void setConfiguration(Ai4callConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The component's JSON mapper (Java time support, unknown properties ignored). */
    public ObjectMapper getObjectMapper() {
        return JsonMapper.get();
    }

    /** Makes the requests of every endpoint; parses each base URL once. */
    RequestFactory requestFactory() {
        return requestFactory;
    }

    /** The contract's schemas, compiled once: request bodies and tool-call answers. */
    BodySchemaValidator schemaValidator() {
        return schemaValidator;
    }

    /** The paths the callback consumers are served at. */
    synchronized CallbackServer callbackServer() {
        if (callbackServer == null) {
            callbackServer = new CallbackServer();
        }
        return callbackServer;
    }

    /** Who is told how calls end and feeds advance: metrics, the dev console's record, or nobody. */
    Ai4callObserver observer() {
        Ai4callObserver o = observer;
        if (o == null) {
            synchronized (this) {
                o = observer;
                if (o == null) {
                    o = Observers.of(getCamelContext());
                    observer = o;
                }
            }
        }
        return o;
    }

    /** The start-up check of {@code verifyCredentials}, which remembers the accounts it has checked. */
    synchronized CredentialCheck credentialCheck() {
        if (credentialCheck == null) {
            credentialCheck = new CredentialCheck();
        }
        return credentialCheck;
    }
}
