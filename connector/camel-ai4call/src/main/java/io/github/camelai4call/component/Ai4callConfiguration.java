package io.github.camelai4call.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Connection, credential and behaviour options, settable on the component (defaults for every endpoint) and
 * per endpoint.
 */
@UriParams
public class Ai4callConfiguration implements Cloneable {

    /** The production base URL of the AI4CALL API. */
    public static final String DEFAULT_BASE_URL = "https://client-api.ai4call.com";

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "Base URL of the AI4CALL API. Plain http is refused unless the host is loopback or allowInsecureHttp is set.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", description = "The customer's portal email, sent as the x-client-email header on every business call.")
    private String email;
    @UriParam(label = "security", secret = true,
              description = "The portalApiKey created in the AI4CALL portal, sent as the x-portal-api-key header.")
    private String portalApiKey;
    @UriParam(label = "security,advanced", defaultValue = "false",
              description = "Check the email and portalApiKey with portalLogin when the producer starts, once per account: "
                            + "credentials that AI4CALL refuses fail the start, naming the endpoint (never the key). When "
                            + "AI4CALL cannot be reached the start goes on with a warning, and the readiness check reports it.")
    private boolean verifyCredentials;
    @UriParam(label = "producer", defaultValue = "model",
              description = "What the message body becomes: the typed response model, a Map, a Jackson JsonNode or the JSON string.")
    private Ai4callOutputType outputType = Ai4callOutputType.model;
    @UriParam(label = "producer",
              description = "outboundCall and outboundCallPbx: the metadata key under which each call carries a client "
                            + "reference, unless the body's metadata has that key already. The reference is the "
                            + "CamelAi4callClientReference header or, when absent, the exchange id, which is then left in that "
                            + "header. A call whose outcome is UNKNOWN can then be looked up in the calls-outbound feed "
                            + "(analyticsCallsOutbound with metadataKey and metadataValue). Empty: no reference is added.")
    private String clientReferenceKey;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Check parameters and the request body against the contract before any HTTP call.")
    private boolean validateRequest = true;
    @UriParam(label = "security,advanced", defaultValue = "false",
              description = "Allow a plain http baseUrl on a non-loopback host (never do this with real credentials).")
    private boolean allowInsecureHttp;
    @UriParam(label = "security", description = "TLS configuration (trust store, key store, protocols) for the HTTPS connection.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "int", description = "Connect timeout in milliseconds.")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "int",
              description = "Longest wait in milliseconds for the answer of one attempt, from the moment the request has been "
                            + "sent to the end of the answer (checked every 100 ms). An attempt that runs out of time fails with a "
                            + "SocketTimeoutException; only idempotent operations are tried again. 0: no timeout.")
    private int requestTimeout = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "3",
              description = "Retries of the operations the contract marks safe to repeat (x-ai4call-idempotent) after 429, 503 or a connection failure. "
                            + "Operations that place calls or create things are never retried once the request may have reached AI4CALL.")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced", defaultValue = "500", description = "First retry delay in milliseconds; doubles on each retry.")
    private long retryInitialDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "30000",
              description = "Longest wait in milliseconds before a retry, Retry-After included; a longer Retry-After ends the retries.")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "50", description = "Maximum pooled HTTP connections of the component's client.")
    private int maxConnections = 50;
    @UriParam(label = "consumer,security", secret = true,
              description = "Callback consumers and ai4call:mcpTool: the account's webhook secret (whsec_..., shown once in "
                            + "the AI4CALL portal). Only requests signed with it (X-Ai4call-Signature, HMAC-SHA256 over the timestamp and the raw "
                            + "body) are routed; others are answered 403. Required by every callback consumer.")
    private String webhookSecret;
    @UriParam(label = "consumer,security", defaultValue = "PT5M",
              description = "Callback consumers: how far the signed X-Ai4call-Timestamp may be from this machine's clock, "
                            + "either way (ISO-8601 duration); a request outside it is answered 403, so that a captured "
                            + "request cannot be replayed later.")
    private String signatureTolerance = "PT5M";

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(String signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPortalApiKey() {
        return portalApiKey;
    }

    public void setPortalApiKey(String portalApiKey) {
        this.portalApiKey = portalApiKey;
    }

    public boolean isVerifyCredentials() {
        return verifyCredentials;
    }

    public void setVerifyCredentials(boolean verifyCredentials) {
        this.verifyCredentials = verifyCredentials;
    }

    public Ai4callOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(Ai4callOutputType outputType) {
        this.outputType = outputType;
    }

    public String getClientReferenceKey() {
        return clientReferenceKey;
    }

    public void setClientReferenceKey(String clientReferenceKey) {
        this.clientReferenceKey = clientReferenceKey;
    }

    public boolean isValidateRequest() {
        return validateRequest;
    }

    public void setValidateRequest(boolean validateRequest) {
        this.validateRequest = validateRequest;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(int requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Ai4callConfiguration copy() {
        try {
            return (Ai4callConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never prints a key. */
    @Override
    public String toString() {
        return "Ai4callConfiguration[baseUrl=" + baseUrl + ", email=" + email + ", portalApiKey="
               + (portalApiKey == null ? "null" : "xxxxxx") + "]";
    }
}
