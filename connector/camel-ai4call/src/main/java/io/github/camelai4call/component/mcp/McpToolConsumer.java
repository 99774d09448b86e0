package io.github.camelai4call.component.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.component.support.SecretMasker;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Serves one tool: while started, the tool is listed by the context's MCP server at the endpoint's path, and each
 * call of it is one exchange (the arguments as a Map body). The route's body becomes the tool's text content (a
 * String as it is, anything else as JSON); a route that fails gives a tool error result naming the failure (its
 * error handler has reported the exception).
 */
public final class McpToolConsumer extends DefaultConsumer {

    private static final ObjectMapper SCHEMA_MAPPER = new ObjectMapper();

    private final McpToolOptions options;
    private final String webhookSecret;
    private final Duration signatureTolerance;
    private McpServers servers;

    /**
     * @param webhookSecret      the account's webhook secret; null or empty: requests are not signed
     * @param signatureTolerance how far a signed timestamp may be from this machine's clock
     */
    public McpToolConsumer(Endpoint endpoint, Processor processor, McpToolOptions options, String webhookSecret,
                           Duration signatureTolerance) {
        super(endpoint, processor);
        this.options = options;
        this.webhookSecret = webhookSecret;
        this.signatureTolerance = signatureTolerance;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(options.getToolName())
                .description(options.getDescription())
                .inputSchema(ToolInputSchemas.resolve(getEndpoint().getCamelContext(), options.getInputSchema(), SCHEMA_MAPPER))
                .build();
        servers = McpServers.of(getEndpoint().getCamelContext());
        servers.add(options.getMcpPath(), new McpPathServer.Signing(webhookSecret, signatureTolerance),
                McpStatelessServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler(this::call).build());
    }

    @Override
    protected void doStop() throws Exception {
        if (servers != null) {
            servers.remove(options.getMcpPath(), options.getToolName());
            servers = null;
        }
        super.doStop();
    }

    private McpSchema.CallToolResult call(McpTransportContext context, McpSchema.CallToolRequest request) {
        Exchange exchange = createExchange(false);
        try {
            Map<String, Object> arguments = request.arguments() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(request.arguments());
            exchange.getMessage().setBody(arguments);
            exchange.getMessage().setHeader(McpToolOptions.TOOL_NAME_HEADER, request.name());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                // the route's error handler has reported it (Camel's DefaultErrorHandler logs it)
                String reason = failure.getMessage() == null ? "" : ": " + SecretMasker.mask(failure.getMessage());
                return error("The tool " + request.name() + " failed: " + failure.getClass().getSimpleName() + reason);
            }
            return McpSchema.CallToolResult.builder()
                    .content(List.of(new McpSchema.TextContent(text(exchange.getMessage().getBody()))))
                    .isError(false)
                    .build();
        } catch (Exception e) {
            getExceptionHandler().handleException("ai4call:" + McpToolOptions.NAME + " tool " + request.name()
                                                  + ": its result cannot be written", exchange, e);
            return error("The tool " + request.name() + " failed: its result cannot be written");
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static String text(Object body) throws Exception {
        if (body == null) {
            return "";
        }
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return JsonMapper.get().writeValueAsString(body);
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).isError(true).build();
    }
}
