package io.github.camelai4call.component;

import java.net.URI;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.github.camelai4call.component.http.Ai4callHttpClient;
import io.github.camelai4call.component.support.RetryPolicy;

/**
 * Call any operation of the AI4CALL voice-AI platform: assistants and prompts, voice settings, RAG knowledge
 * bases, tools, hangup, outbound calls and analytics.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "ai4call", title = "AI4CALL", syntax = "ai4call:operation",
             producerOnly = true, category = { Category.API, Category.CLOUD }, headersClass = Ai4callConstants.class)
public class Ai4callEndpoint extends DefaultEndpoint {

    @UriPath(description = "The AI4CALL operation (the operationId of the contract).")
    @Metadata(required = true)
    private Ai4callOperation operation;
    @UriParam
    private Ai4callConfiguration configuration;
    @UriParam
    private Ai4callApiParameters apiParameters;

    private Ai4callHttpClient httpClient;
    private RetryPolicy retryPolicy;

    public Ai4callEndpoint(String uri, Ai4callComponent component, Ai4callOperation operation,
                           Ai4callConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        this.apiParameters = new Ai4callApiParameters();
    }

    @Override
    public Ai4callComponent getComponent() {
        return (Ai4callComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new Ai4callProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("ai4call:" + operation + " cannot be consumed");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        checkBaseUrl();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        httpClient = getComponent().httpClientFor(configuration);
        retryPolicy = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
    }

    private void checkBaseUrl() {
        URI uri;
        try {
            uri = URI.create(configuration.getBaseUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option 'baseUrl' is not a URL", e);
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option 'baseUrl' must be an absolute URL such as "
                                               + Ai4callConfiguration.DEFAULT_BASE_URL);
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.")
                           || uri.getHost().equals("[::1]") || uri.getHost().equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback && !configuration.isAllowInsecureHttp()) {
            throw new IllegalArgumentException("ai4call:" + operation + ": option 'baseUrl' uses plain http on "
                                               + uri.getHost()
                                               + "; credentials would travel unencrypted. Use https, or set allowInsecureHttp=true");
        }
    }

    public Ai4callOperation getOperation() {
        return operation;
    }

    public void setOperation(Ai4callOperation operation) {
        this.operation = operation;
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

    Ai4callHttpClient getHttpClient() {
        return httpClient;
    }

    /** The pooled client this endpoint sends with (for health checks). */
    public Ai4callHttpClient httpClient() {
        return httpClient;
    }

    RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }
}
