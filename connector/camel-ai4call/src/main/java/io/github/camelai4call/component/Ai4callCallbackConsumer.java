package io.github.camelai4call.component;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.callback.AnswerDeadlines;
import io.github.camelai4call.component.callback.CallbackDelivery;
import io.github.camelai4call.component.callback.CallbackHandler;
import io.github.camelai4call.component.callback.CallbackReply;
import io.github.camelai4call.component.callback.Deliveries;
import io.github.camelai4call.component.callback.ToolCallAnswers;
import io.github.camelai4call.component.callback.WebhookSignature;

/**
 * The consumer of one callback ({@code from("ai4call:toolCall?toolId=...")}, {@code from("ai4call:callEnded")}...),
 * served at its path through Camel's platform-http. Requests reach it signed and checked; each delivery id is routed
 * once. Events are answered 200 once the route is done (500 when it failed, so that the platform delivers again);
 * a tool call is answered with the route's result within {@code answerTimeout}, or with the fallback answer.
 */
public class Ai4callCallbackConsumer extends DefaultConsumer implements CallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Ai4callCallbackConsumer.class);

    private final Ai4callEndpoint endpoint;
    private final Ai4callCallback callback;
    private final WebhookSignature signature;
    private final ToolCallAnswers answers;
    private Deliveries deliveries;
    private IdempotentRepository repository;
    private ExecutorService executor;
    private AnswerDeadlines deadlines;

    public Ai4callCallbackConsumer(Ai4callEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.callback = endpoint.getCallback();
        String secret = endpoint.getConfiguration().getWebhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("ai4call:" + callback + ": option 'webhookSecret' is required (the account's "
                                               + "webhook secret, whsec_..., shown once in the AI4CALL portal): only requests "
                                               + "AI4CALL signed with it are routed");
        }
        this.signature = new WebhookSignature(secret, endpoint.signatureTolerance());
        this.answers = callback.answered()
                ? new ToolCallAnswers(callback.answerSchema(), endpoint.getComponent().schemaValidator()) : null;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        repository = endpoint.getDeduplicationRepository() != null ? endpoint.getDeduplicationRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(Deliveries.KEPT_ANSWERS);
        ServiceHelper.startService(repository);
        deliveries = new Deliveries(repository, callback.answered());
        if (callback.answered()) {
            // compiles the answer schema now, not within the first call's deadline, and checks the fallback answer
            answers.fallback(endpoint.getFallbackAnswer(), "call_start");
            executor = getEndpoint().getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this,
                    "Ai4call" + callback);
            deadlines = new AnswerDeadlines(endpoint.getAnswerTimeout(), endpoint.getComponent().callbackTimer());
        }
        endpoint.getComponent().callbackServer().add(getEndpoint().getCamelContext(), endpoint.getPath(), signature, this);
        LOG.info("ai4call:{} served at {} (POST, signed)", callback, endpoint.getPath());
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().callbackServer().remove(endpoint.getPath(), this);
        if (deadlines != null) {
            deadlines.close(); // no sweep runs after the stop
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        if (endpoint.getDeduplicationRepository() == null) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    @Override
    public String event() {
        return callback.name();
    }

    @Override
    public String toolId() {
        return callback == Ai4callCallback.toolCall ? endpoint.getApiParameters().getToolId() : null;
    }

    @Override
    public String describe() {
        return "ai4call:" + callback + (toolId() == null ? "" : "?toolId=" + toolId());
    }

    @Override
    public CallbackReply handle(CallbackDelivery delivery) {
        return deliveries.once(delivery.deliveryId(), () -> route(delivery),
                () -> callback.answered() ? fallback(delivery) : CallbackReply.received());
    }

    private CallbackReply route(CallbackDelivery delivery) {
        if (delivery.text("callId") == null) {
            return CallbackReply.error(400, "the body of " + callback + " has no callId");
        }
        Exchange exchange = createExchange(false);
        try {
            fill(exchange.getMessage(), delivery);
        } catch (IOException e) {
            releaseExchange(exchange, false);
            return CallbackReply.error(400, "the body of " + callback + " is not a " + callback.requestType().getSimpleName()
                                            + " (" + e.getClass().getSimpleName() + ")");
        }
        return callback.answered() ? answer(exchange, delivery) : deliver(exchange);
    }

    /** An event: routed on the caller's thread; the platform delivers again after a 5XX. */
    private CallbackReply deliver(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("ai4call:" + callback + ": the route failed; answered 500, the "
                                                      + "platform delivers again", exchange, exchange.getException());
                return CallbackReply.error(500, "the receiver failed; deliver again");
            }
            return CallbackReply.received();
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * A tool call, answered within answerTimeout whatever the route does. Where the request's engine can answer before
     * the route returns (Vert.x), the route runs on the receiving thread, as any platform-http route does, and the
     * deadline is kept by {@link AnswerDeadlines}; elsewhere it is handed to this consumer's threads and waited for.
     */
    private CallbackReply answer(Exchange exchange, CallbackDelivery delivery) {
        return delivery.earlyReply() != null ? answerOnThisThread(exchange, delivery) : answerOnPool(exchange, delivery);
    }

    private CallbackReply answerOnThisThread(Exchange exchange, CallbackDelivery delivery) {
        AnswerDeadlines.Watch watch = deadlines.watch(() -> {
            CallbackReply fallback = fallback(delivery);
            deliveries.answeredEarly(delivery.deliveryId(), fallback);
            delivery.earlyReply().send(fallback);
            reportLate(exchange, delivery);
        });
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (!watch.routeDone()) {
            releaseExchange(exchange, false);
            return fallback(delivery); // what was answered at the deadline
        }
        return answerFrom(exchange, delivery);
    }

    private CallbackReply answerOnPool(Exchange exchange, CallbackDelivery delivery) {
        Future<?> routed = executor.submit(() -> {
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
        });
        try {
            routed.get(endpoint.getAnswerTimeout(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            routed.cancel(false);
            reportLate(exchange, delivery);
            return fallback(delivery); // the exchange is the late route's still: not released
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback(delivery);
        } catch (ExecutionException e) {
            exchange.setException(e.getCause());
        }
        return answerFrom(exchange, delivery);
    }

    /** The answer of a route that was done in time: its result checked against the answer schema, or the fallback. */
    private CallbackReply answerFrom(Exchange exchange, CallbackDelivery delivery) {
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("ai4call:" + callback + ": the route failed; answered with the "
                                                      + "fallback answer", exchange, exchange.getException());
                return fallback(delivery);
            }
            try {
                return CallbackReply.json(answers.answer(readableBody(exchange), delivery.text("callId")));
            } catch (IllegalArgumentException e) {
                getExceptionHandler().handleException("ai4call:" + callback + ": " + e.getMessage()
                                                      + "; answered with the fallback answer", exchange, e);
                return fallback(delivery);
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void reportLate(Exchange exchange, CallbackDelivery delivery) {
        getExceptionHandler().handleException("ai4call:" + callback + ": no answer within " + endpoint.getAnswerTimeout()
                                              + " ms (answerTimeout); answered with the fallback answer", exchange,
                new TimeoutException("tool " + delivery.text("toolId") + " of call " + delivery.text("callId")
                                     + " took longer than " + endpoint.getAnswerTimeout() + " ms"));
    }

    private CallbackReply fallback(CallbackDelivery delivery) {
        return CallbackReply.json(answers.fallback(endpoint.getFallbackAnswer(), delivery.text("callId")));
    }

    private void fill(Message message, CallbackDelivery delivery) throws IOException {
        message.setBody(endpoint.getConfiguration().getOutputType().read(delivery.body(), callback.requestType()));
        message.setHeader(Ai4callConstants.CALLBACK_EVENT, delivery.event());
        message.setHeader(Ai4callConstants.CALLBACK_DELIVERY_ID, delivery.deliveryId());
        message.setHeader(Ai4callConstants.CALLBACK_CALL_ID, delivery.text("callId"));
        if (callback == Ai4callCallback.toolCall) {
            message.setHeader(Ai4callConstants.CALLBACK_TOOL_ID, delivery.text("toolId"));
        }
    }

    /** The route's result; a stream or bytes (what an HTTP or Kamelet sink leaves) read as text. */
    private static Object readableBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof java.io.InputStream || body instanceof byte[] || body instanceof org.apache.camel.StreamCache) {
            return exchange.getMessage().getBody(String.class);
        }
        return body;
    }
}
