package io.github.camelai4call.component;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.CallEndedEvent;
import io.github.camelai4call.model.ConversationSavedEvent;
import io.github.camelai4call.model.ToolCallAnswer;
import io.github.camelai4call.model.ToolCallRequest;
import io.github.camelai4call.testing.Await;

import static io.github.camelai4call.component.CallbackPlatform.SECRET;
import static io.github.camelai4call.component.CallbackPlatform.callEnded;
import static io.github.camelai4call.component.CallbackPlatform.conversationSaved;
import static io.github.camelai4call.component.CallbackPlatform.toolCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback consumers over real HTTP: Camel's platform-http on a free port, the test signing and posting what the
 * platform would.
 */
class CallbackConsumerTest {

    private final CallbackPlatform platform = new CallbackPlatform();
    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private void start(RoutesBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        platform.serve(context);
        context.getComponent("ai4call", Ai4callComponent.class).getConfiguration().setWebhookSecret(SECRET);
        context.getRegistry().bind("reported", ExceptionHandler.class, new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                reported.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reported.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reported.add(exception);
            }
        });
        context.addRoutes(routes);
        context.start();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonMapper.get().readTree(response.body());
    }

    @Test
    void aToolCallIsAnsweredWithTheRoutesResultTheCallIdEchoed() throws Exception {
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=book_appointment")
                        .process(e -> {
                            seen.add(e.copy());
                            ToolCallRequest request = e.getMessage().getBody(ToolCallRequest.class);
                            e.getMessage().setBody("Booked for " + request.getArguments().get("date"));
                        });
            }
        });
        HttpResponse<String> answer = platform.post("/ai4call/tool-call", "toolCall", "dlv_1",
                toolCall("call_1", "book_appointment", "{\"date\":\"2026-12-03\"}"));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("call_1", json(answer).get("callId").asText());
        assertEquals("Booked for 2026-12-03", json(answer).get("result").asText());
        assertFalse(answer.headers().firstValue("X-Ai4call-Signature").isPresent(), "request headers are not echoed");
        Exchange in = seen.get(0);
        assertInstanceOf(ToolCallRequest.class, in.getMessage().getBody());
        assertEquals("toolCall", in.getMessage().getHeader(Ai4callConstants.CALLBACK_EVENT));
        assertEquals("dlv_1", in.getMessage().getHeader(Ai4callConstants.CALLBACK_DELIVERY_ID));
        assertEquals("call_1", in.getMessage().getHeader(Ai4callConstants.CALLBACK_CALL_ID));
        assertEquals("book_appointment", in.getMessage().getHeader(Ai4callConstants.CALLBACK_TOOL_ID));
    }

    @Test
    void aModelOrAMapIsTheAnswerAndIsCheckedAgainstTheAnswerSchema() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=model&exceptionHandler=#reported")
                        .process(e -> e.getMessage().setBody(new ToolCallAnswer().withResult("Model answer")
                                .withData(Map.of("appointmentId", "apt_1"))));
                from("ai4call:toolCall?toolId=map&exceptionHandler=#reported")
                        .process(e -> e.getMessage().setBody(Map.of("result", "Map answer", "data", Map.of("n", 1))));
                from("ai4call:toolCall?toolId=tooLong&exceptionHandler=#reported")
                        .process(e -> e.getMessage().setBody("x".repeat(2001)));
            }
        });
        JsonNode model = json(platform.post("/ai4call/tool-call", "toolCall", "d1", toolCall("call_m", "model", "{}")));
        assertEquals("Model answer", model.get("result").asText());
        assertEquals("call_m", model.get("callId").asText());
        assertEquals("apt_1", model.get("data").get("appointmentId").asText());
        JsonNode map = json(platform.post("/ai4call/tool-call", "toolCall", "d2", toolCall("call_p", "map", "{}")));
        assertEquals("Map answer", map.get("result").asText());
        assertEquals(1, map.get("data").get("n").asInt());

        HttpResponse<String> invalid = platform.post("/ai4call/tool-call", "toolCall", "d3", toolCall("call_l", "tooLong", "{}"));
        assertEquals(200, invalid.statusCode());
        assertEquals(Ai4callEndpoint.DEFAULT_FALLBACK_ANSWER, json(invalid).get("result").asText());
        assertEquals("call_l", json(invalid).get("callId").asText());
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).getMessage().contains("result"), reported.get(0).getMessage());
    }

    @Test
    void theJsonTextOrBytesASinkAnswersIsTheAnswerNotASentence() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                // what an HTTP sink or a Kamelet leaves: the answer as JSON text, or as bytes
                from("ai4call:toolCall?toolId=jsonText")
                        .setBody(constant(" {\"result\": \"Booked at 10:30.\", \"data\": {\"slot\": \"10:30\"}} "));
                from("ai4call:toolCall?toolId=jsonBytes")
                        .process(e -> e.getMessage().setBody("{\"result\": \"From bytes.\"}".getBytes(StandardCharsets.UTF_8)));
                from("ai4call:toolCall?toolId=sentence").setBody(constant("{not json} is spoken as it is"));
            }
        });
        JsonNode text = json(platform.post("/ai4call/tool-call", "toolCall", "j1", toolCall("call_j", "jsonText", "{}")));
        assertEquals("Booked at 10:30.", text.get("result").asText());
        assertEquals("10:30", text.get("data").get("slot").asText());
        assertEquals("call_j", text.get("callId").asText());
        JsonNode bytes = json(platform.post("/ai4call/tool-call", "toolCall", "j2", toolCall("call_k", "jsonBytes", "{}")));
        assertEquals("From bytes.", bytes.get("result").asText());
        JsonNode sentence = json(platform.post("/ai4call/tool-call", "toolCall", "j3", toolCall("call_n", "sentence", "{}")));
        assertEquals("{not json} is spoken as it is", sentence.get("result").asText());
    }

    @Test
    void aLateOrFailingRouteGetsTheFallbackAnswerAndItsErrorIsReported() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=slow&answerTimeout=300&fallbackAnswer=Let me check and call you back."
                     + "&exceptionHandler=#reported")
                        .process(e -> Thread.sleep(3000)).setBody(constant("too late"));
                from("ai4call:toolCall?toolId=broken&exceptionHandler=#reported")
                        .throwException(new IllegalStateException("calendar down"));
            }
        });
        long start = System.nanoTime();
        HttpResponse<String> late = platform.post("/ai4call/tool-call", "toolCall", "d_slow", toolCall("call_s", "slow", "{}"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, late.statusCode());
        assertEquals("Let me check and call you back.", json(late).get("result").asText());
        assertEquals("call_s", json(late).get("callId").asText());
        assertTrue(millis < 2000, "answered after " + millis + " ms, not at the 300 ms answerTimeout");
        // the fallback is written before the lateness is reported, so the report may follow the answer by a moment
        awaitReports(1);
        assertInstanceOf(java.util.concurrent.TimeoutException.class, reported.get(0));

        HttpResponse<String> failed = platform.post("/ai4call/tool-call", "toolCall", "d_broken", toolCall("call_b", "broken", "{}"));
        assertEquals(200, failed.statusCode());
        assertEquals(Ai4callEndpoint.DEFAULT_FALLBACK_ANSWER, json(failed).get("result").asText());
        assertFalse(failed.body().contains("calendar down") || failed.body().contains("Exception"), failed.body());

        awaitReports(2);
        assertEquals("calendar down", reported.get(1).getMessage());
    }

    private void awaitReports(int count) throws InterruptedException {
        Await.until(() -> reported.size() >= count, Duration.ofSeconds(5), reported::toString);
        assertEquals(count, reported.size(), reported.toString());
    }

    @Test
    void aRedeliveredToolCallGetsTheSameAnswerWithoutRoutingAgain() throws Exception {
        AtomicInteger bookings = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=book_appointment")
                        .process(e -> e.getMessage().setBody("Booking number " + bookings.incrementAndGet()));
            }
        });
        String body = toolCall("call_r", "book_appointment", "{\"date\":\"2026-12-03\"}");
        HttpResponse<String> first = platform.post("/ai4call/tool-call", "toolCall", "dlv_same", body);
        HttpResponse<String> again = platform.post("/ai4call/tool-call", "toolCall", "dlv_same", body); // newly signed
        assertEquals(200, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("Booking number 1", json(again).get("result").asText());
        assertEquals(1, bookings.get(), "booked once");
    }

    @Test
    void eventsAreTypedRoutedOnceAndDeliveredAgainAfterAFailure() throws Exception {
        List<Object> ended = new CopyOnWriteArrayList<>();
        List<Object> saved = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger(1);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:callEnded?exceptionHandler=#reported").process(e -> {
                    if (failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("CRM down");
                    }
                    ended.add(e.getMessage().getBody());
                });
                from("ai4call:conversationSaved?outputType=map").process(e -> saved.add(e.getMessage().getBody()));
            }
        });
        HttpResponse<String> failed = platform.post("/ai4call/call-ended", "callEnded", "dlv_e", callEnded("call_e"));
        assertEquals(500, failed.statusCode(), "the platform delivers again after a 5XX");
        assertFalse(failed.body().contains("CRM down"), failed.body());
        assertEquals(200, platform.post("/ai4call/call-ended", "callEnded", "dlv_e", callEnded("call_e")).statusCode());
        assertEquals(200, platform.post("/ai4call/call-ended", "callEnded", "dlv_e", callEnded("call_e")).statusCode());
        assertEquals(1, ended.size(), "routed once after it succeeded");
        CallEndedEvent event = (CallEndedEvent) ended.get(0);
        assertEquals("call_e", event.getCallId());
        assertEquals("123", event.getMetadata().get("lead_id"));
        assertEquals(Boolean.TRUE, event.getStructuredOutput().get("appointmentConfirmed"));
        assertEquals(1, reported.size());

        assertEquals(200, platform.post("/ai4call/conversation-saved", "conversationSaved", "dlv_c",
                conversationSaved("call_c")).statusCode());
        assertInstanceOf(Map.class, saved.get(0), "outputType=map");
        assertEquals("call_c", ((Map<?, ?>) saved.get(0)).get("callId"));
    }

    @Test
    void aBadOrMissingSignatureOrAnOldTimestampIsRefusedAndNothingIsRouted() throws Exception {
        StringWriter log = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build(),
                null, log, "callbackCapture", false, true);
        appender.start();
        ctx.getConfiguration().addAppender(appender);
        ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setRootLevel(Level.DEBUG);
        ctx.updateLoggers();
        AtomicInteger routed = new AtomicInteger();
        try {
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("ai4call:callEnded?webhookSecret=RAW(" + SECRET + ")").process(e -> routed.incrementAndGet());
                }
            });
            String body = callEnded("call_x");
            String now = String.valueOf(Instant.now().getEpochSecond());
            String old = String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond());
            String path = "/ai4call/call-ended";
            assertEquals(403, platform.post(path, "callEnded", "d1", now, null, body).statusCode(), "no signature");
            assertEquals(403, platform.post(path, "callEnded", "d2", null, platform.sign(now, body), body).statusCode(),
                    "no timestamp");
            assertEquals(403, platform.post(path, "callEnded", "d3", now, platform.sign(now, body + " "), body).statusCode(),
                    "signs another body");
            assertEquals(403, platform.post(path, "callEnded", "d4", now,
                    new io.github.camelai4call.component.callback.WebhookSignature("whsec_other", java.time.Duration.ofMinutes(5))
                            .sign(now, body.getBytes()), body).statusCode(), "another secret");
            HttpResponse<String> replay = platform.post(path, "callEnded", "d5", old, platform.sign(old, body), body);
            assertEquals(403, replay.statusCode(), "6 minutes old: outside the 5-minute tolerance");
            assertEquals(0, routed.get(), "nothing routed");
            assertEquals(200, platform.post(path, "callEnded", "d6", body).statusCode());
            assertEquals(1, routed.get());
        } finally {
            Configurator.setRootLevel(Level.WARN);
            ctx.getConfiguration().getRootLogger().removeAppender("callbackCapture");
            ctx.updateLoggers();
        }
        String captured = log.toString();
        assertTrue(captured.contains("refused a request at /ai4call/call-ended (WRONG_SIGNATURE)"), "the log was captured");
        assertFalse(captured.contains(SECRET), "the webhook secret is in the log");
        assertFalse(captured.contains("7Hq2LmX9pQ4rT6vW"), "part of the webhook secret is in the log");
    }

    @Test
    void toolCallConsumersShareOnePathAndAnUnknownToolIsAnsweredClearly() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:toolCall?toolId=book_appointment").setBody(constant("booked"));
                from("ai4call:toolCall?toolId=cancel_appointment").setBody(constant("cancelled"));
                from("ai4call:callEnded?path=/ai4call/tool-call").setBody(constant("ignored"));
            }
        });
        assertEquals("booked", json(platform.post("/ai4call/tool-call", "toolCall", "a",
                toolCall("c1", "book_appointment", "{}"))).get("result").asText());
        assertEquals("cancelled", json(platform.post("/ai4call/tool-call", "toolCall", "b",
                toolCall("c2", "cancel_appointment", "{}"))).get("result").asText());
        assertEquals(200, platform.post("/ai4call/tool-call", "callEnded", "e", callEnded("c3")).statusCode(),
                "the event header picks the consumer");
        HttpResponse<String> unknown = platform.post("/ai4call/tool-call", "toolCall", "c", toolCall("c4", "transfer", "{}"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("tool 'transfer'") && unknown.body().contains("toolId=book_appointment")
                   && unknown.body().contains("toolId=cancel_appointment"), unknown.body());
    }

    @Test
    void aCallbackIsNoProducerAnOperationNoCallbackAndTheSecretIsRequired() throws Exception {
        context = new DefaultCamelContext();
        platform.serve(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("ai4call:toolCall");
            }
        });
        Exception e = assertThrows(Exception.class, context::start);
        assertTrue(causes(e).contains("ai4call:toolCall is a callback") && causes(e).contains("ai4call:updateTools"), causes(e));
        assertTrue(e instanceof FailedToCreateProducerException || e.getCause() != null);
        context.stop();

        for (String[] c : new String[][] {
            { "ai4call:updateTools", "callbacks (toolCall, callEnded, conversationSaved) received" },
            { "ai4call:callEnded", "option 'webhookSecret' is required" },
            { "ai4call:callEnded?webhookSecret=x&answerTimeout=100&assistantApiKey=ast_demo_sales_01", "'assistantApiKey' is a parameter of" },
            { "ai4call:toolCall?webhookSecret=x&path=relative", "'path' must start with /" },
            { "ai4call:callEnded?webhookSecret=x&signatureTolerance=5m", "'signatureTolerance' must be an ISO-8601" } }) {
            context = new DefaultCamelContext();
            platform.serve(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(c[0]).log("never");
                }
            });
            Exception failure = assertThrows(Exception.class, context::start, c[0]);
            assertTrue(causes(failure).contains(c[1]), c[0] + ": " + causes(failure));
            assertFalse(causes(failure).contains("ast_demo_sales_01"), causes(failure));
            context.stop();
        }
        context = null;
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
