package io.github.camelai4call.component.mcp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;

import io.github.camelai4call.component.callback.WebhookSignature;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One MCP server at one HTTP path: the SDK's stateless server over a {@link PlatformHttpStatelessTransport}, served
 * by a platform-http consumer (POST only), with the tools of the routes that name this path.
 */
final class McpPathServer {

    static final String SERVER_NAME = "camel-ai4call";

    private final String path;
    private final Signing signing;
    private final McpStatelessSyncServer server;
    private final Consumer httpConsumer;
    private final Map<String, Object> tools = new ConcurrentHashMap<>();

    McpPathServer(CamelContext context, String path, Signing signing) throws Exception {
        this.path = path;
        this.signing = signing;
        ObjectMapper mapper = new ObjectMapper();
        WebhookSignature signature = signing.webhookSecret() == null ? null
                : new WebhookSignature(signing.webhookSecret(), signing.tolerance());
        PlatformHttpStatelessTransport transport = new PlatformHttpStatelessTransport(path, new JacksonMcpJsonMapper(mapper),
                signature);
        String version = Objects.requireNonNullElse(McpPathServer.class.getPackage().getImplementationVersion(), "dev");
        this.server = McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .jsonMapper(new JacksonMcpJsonMapper(mapper))
                .jsonSchemaValidator(new ToolArgumentsValidator(mapper))
                .validateToolInputs(true)
                .build();
        Endpoint http;
        try {
            http = context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
        } catch (RuntimeException e) {
            throw new IllegalStateException("ai4call:" + McpToolOptions.NAME + " serves its tools through Camel's platform-http, "
                                            + "which is not available: add camel-platform-http-main (Camel Main), "
                                            + "camel-platform-http-starter (Spring Boot) or another platform-http engine", e);
        }
        this.httpConsumer = http.createConsumer(transport);
        ServiceHelper.startService(httpConsumer);
    }

    Signing signing() {
        return signing;
    }

    synchronized void add(McpStatelessServerFeatures.SyncToolSpecification tool) {
        String name = tool.tool().name();
        if (tools.putIfAbsent(name, Boolean.TRUE) != null) {
            throw new IllegalStateException("ai4call:" + McpToolOptions.NAME + ": two routes serve the tool '" + name + "' at " + path);
        }
        server.addTool(tool);
    }

    /** @return whether tools are left */
    synchronized boolean remove(String name) {
        if (tools.remove(name) != null) {
            server.removeTool(name);
        }
        return !tools.isEmpty();
    }

    void close() {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        server.close();
    }

    /**
     * How the requests to one path are signed: the webhook secret (null: not signed) and how far a signed timestamp may
     * be from this machine's clock. The tools of one path share it. Its text never shows the secret.
     */
    record Signing(String webhookSecret, Duration tolerance) {

        Signing {
            webhookSecret = webhookSecret == null || webhookSecret.isEmpty() ? null : webhookSecret;
        }

        @Override
        public String toString() {
            return webhookSecret == null ? "unsigned" : "signed, tolerance " + tolerance;
        }
    }
}
