package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.ToolCallAnswer;
import io.github.camelai4call.model.ToolCallRequest;

/**
 * The two tool routes of the callback benchmark, in one CamelContext on one platform-http server (Vert.x, the engine
 * camel-platform-http-main starts and the component's tests use), on 127.0.0.1 at a free port:
 * <ul>
 * <li>{@code from("ai4call:toolCall?toolId=book_appointment&webhookSecret=...")}: signature checked, delivery id
 * de-duplicated, answer within {@code answerTimeout}, checked against the contract's answer schema;</li>
 * <li>{@code from("platform-http:/plain-tool")}: the same work written by hand with Jackson (parse the tool call into
 * the same model, answer the same JSON), without signature check, de-duplication, deadline or answer check.</li>
 * </ul>
 * Two diagnostic routes split the consumer's cost in two: its own steps on the calling thread without the deadline
 * ({@link CheckedOnCallingThread}), and the plain route's work handed off to a thread pool and waited for (the
 * consumer's way of keeping the answer deadline on engines other than Vert.x).
 */
final class ToolCallRoutes implements AutoCloseable {

    static final String AI4CALL_PATH = "/ai4call/tool-call";
    static final String PLAIN_PATH = "/plain-tool";
    /** Diagnostic: the consumer's steps on the calling thread, without its hand-off ({@link CheckedOnCallingThread}). */
    static final String CHECKED_PATH = "/checked-tool";
    /** Diagnostic: the plain route's work handed off to a thread pool and waited for, as the consumer does off Vert.x. */
    static final String PLAIN_HANDOFF_PATH = "/plain-tool-handoff";

    final int port;
    private final CamelContext camel;

    private ToolCallRoutes(int port, CamelContext camel) {
        this.port = port;
        this.camel = camel;
    }

    static ToolCallRoutes start(String webhookSecret) throws Exception {
        int port = freePort();
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(conf));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=" + BookAppointment.TOOL_ID + "&webhookSecret=RAW(" + webhookSecret + ")")
                        .routeId("ai4call")
                        .process(e -> e.getMessage().setBody(
                                BookAppointment.answer(e.getMessage().getBody(ToolCallRequest.class))));

                from("platform-http:" + PLAIN_PATH + "?httpMethodRestrict=POST")
                        .routeId("plain")
                        .process(ToolCallRoutes::plainAnswer);

                from("platform-http:" + CHECKED_PATH + "?httpMethodRestrict=POST")
                        .routeId("checked")
                        .process(new CheckedOnCallingThread(webhookSecret));

                // Camel's default thread pool profile, as the consumer's (stopped with the context)
                ExecutorService pool = getContext().getExecutorServiceManager().newDefaultThreadPool(this, "PlainHandOff");
                from("platform-http:" + PLAIN_HANDOFF_PATH + "?httpMethodRestrict=POST")
                        .routeId("plain-handoff")
                        .process(e -> pool.submit(() -> {
                            plainAnswer(e);
                            return null;
                        }).get(4000, TimeUnit.MILLISECONDS));
            }
        });
        camel.start();
        return new ToolCallRoutes(port, camel);
    }

    /** The plain route's work: parse the tool call, answer it with its callId, write the JSON. */
    private static void plainAnswer(Exchange exchange) throws IOException {
        ToolCallRequest call = JsonMapper.readerFor(ToolCallRequest.class).readValue(exchange.getMessage().getBody(byte[].class));
        ToolCallAnswer answer = BookAppointment.answer(call).withCallId(call.getCallId());
        // as the ai4call: consumer does: the request's headers are not echoed in the answer
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(JsonMapper.get().writeValueAsBytes(answer));
    }

    String version() {
        return camel.getVersion();
    }

    @Override
    public void close() {
        camel.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
