package io.github.camelai4call.component.mcp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncCallbackToCompletableFutureAdapter;
import org.apache.camel.support.AsyncProcessorHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.callback.CallbackDispatcher;
import io.github.camelai4call.component.callback.WebhookSignature;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP transport, stateless, as the processor of a platform-http consumer: each POST carries one
 * JSON-RPC message; a request is answered with its JSON-RPC response as {@code application/json}, a notification
 * or a client's response with 202. No session and no server-to-client stream: the platform-http consumer only
 * accepts POST, so GET (the optional SSE stream) and DELETE (session end) get 405, as the specification allows.
 * With a webhook secret, a request without a valid signature gets 403 before anything is parsed.
 */
final class PlatformHttpStatelessTransport implements AsyncProcessor, McpStatelessServerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttpStatelessTransport.class);
    private static final String TIMESTAMP_HEADER = CallbackDispatcher.TIMESTAMP;
    private static final String SIGNATURE_HEADER = CallbackDispatcher.SIGNATURE;
    private static final String JSON = "application/json";
    /** The body of a 403: which check failed is logged, not told. */
    private static final String REFUSED = "{\"error\":\"missing or invalid X-Ai4call-Signature\"}";

    private final String path;
    private final McpJsonMapper jsonMapper;
    private final WebhookSignature signature;
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    /**
     * @param signature null: requests are not signed
     */
    PlatformHttpStatelessTransport(String path, McpJsonMapper jsonMapper, WebhookSignature signature) {
        this.path = path;
        this.jsonMapper = jsonMapper;
        this.signature = signature;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        AsyncProcessorHelper.process(this, exchange);
    }

    @Override
    public CompletableFuture<Exchange> processAsync(Exchange exchange) {
        AsyncCallbackToCompletableFutureAdapter<Exchange> callback = new AsyncCallbackToCompletableFutureAdapter<>(exchange);
        process(exchange, callback);
        return callback.getFuture();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (closing) {
            return answer(exchange, callback, 503, null, true);
        }
        if (signature != null) {
            WebhookSignature.Verdict verdict = signature.verify(in.getHeader(TIMESTAMP_HEADER, String.class),
                    in.getHeader(SIGNATURE_HEADER, String.class), body, Instant.now());
            if (verdict != WebhookSignature.Verdict.VALID) {
                LOG.warn("ai4call MCP server {}: request refused with 403 ({})", path, verdict);
                return answer(exchange, callback, 403, REFUSED, true);
            }
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(jsonMapper, new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return answer(exchange, callback, 400,
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + McpSchema.ErrorCodes.PARSE_ERROR
                                                   + ",\"message\":\"not a JSON-RPC message\"}}", true);
        }
        McpTransportContext context = McpTransportContext.EMPTY;
        if (message instanceof McpSchema.JSONRPCRequest request) {
            handler.handleRequest(context, request)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(response -> write(exchange, callback, response),
                            error -> {
                                LOG.warn("ai4call MCP server {}: {} failed: {}", path, request.method(), error.toString());
                                write(exchange, callback, new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(),
                                        null, new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                                                "the request failed", null)));
                            });
            return false;
        }
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            handler.handleNotification(context, notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(null, error -> answer(exchange, callback, 202, null, false),
                            () -> answer(exchange, callback, 202, null, false));
            return false;
        }
        // a client's response to a server request: this server makes none
        return answer(exchange, callback, 202, null, true);
    }

    private void write(Exchange exchange, AsyncCallback callback, McpSchema.JSONRPCResponse response) {
        String json;
        try {
            json = jsonMapper.writeValueAsString(response);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(false);
            return;
        }
        answer(exchange, callback, 200, json, false);
    }

    /**
     * The answer replaces the request's headers (none is echoed back).
     *
     * @param sync whether it is written by the thread that called {@link #process(Exchange, AsyncCallback)}
     */
    private boolean answer(Exchange exchange, AsyncCallback callback, int status, String json, boolean sync) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (json != null) {
            out.setHeader(Exchange.CONTENT_TYPE, JSON);
            out.setBody(json);
        } else {
            out.setBody(null);
        }
        callback.done(sync);
        return sync;
    }
}
