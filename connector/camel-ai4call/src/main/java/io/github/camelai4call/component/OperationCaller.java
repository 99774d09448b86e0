package io.github.camelai4call.component;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelai4call.component.http.Ai4callHttpClient;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.http.RetryPolicy;
import io.github.camelai4call.component.observe.Ai4callObserver;
import io.github.camelai4call.component.request.InvalidRequest;
import io.github.camelai4call.component.request.PreparedRequest;
import io.github.camelai4call.component.request.RequestFactory;
import io.github.camelai4call.component.request.RequestInput;
import io.github.camelai4call.component.response.ErrorAnswer;
import io.github.camelai4call.component.support.SecretMasker;

/**
 * The one road of a call, for an endpoint's producer, consumer and checks alike: the input becomes a validated
 * request ({@link RequestFactory}), the request is sent with the endpoint's {@link RetryPolicy} (or once, for a
 * probe), and the answer is returned, put on the message ({@link AnswerMapper}) or turned into an
 * {@link Ai4callException}. Logs the operation and the path template, never a path with keys in it. Tells the
 * component's {@link Ai4callObserver} (metrics, the dev console) how each call ended and each retry.
 */
final class OperationCaller {

    private static final Logger LOG = LoggerFactory.getLogger(OperationCaller.class);

    private final Ai4callEndpoint endpoint;
    private final RequestFactory requests;
    private final RetryPolicy policy;
    /**
     * The component's pooled client for this endpoint's connection settings (shared with the endpoints that have the
     * same), taken at the first call: no HTTP class is loaded and no connection thread started while the context starts.
     */
    private volatile Ai4callHttpClient client;

    OperationCaller(Ai4callEndpoint endpoint, RequestFactory requests, RetryPolicy policy) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.policy = policy;
    }

    private Ai4callHttpClient client() {
        Ai4callHttpClient c = client;
        if (c == null) {
            c = endpoint.getComponent().httpClientFor(endpoint.getConfiguration());
            client = c;
        }
        return c;
    }

    /**
     * Calls the operation with the message's input and puts the answer on the message, and the
     * {@link Ai4callDelivery} as the {@code CamelAi4callDelivery} header, on success and on failure.
     */
    void call(Ai4callOperation op, Message message) throws Ai4callException, InterruptedException {
        try {
            HttpCallResult result = send(op, MessageInput.of(endpoint, message), true);
            message.setHeader(Ai4callConstants.DELIVERY, Ai4callDelivery.ACCEPTED.name());
            AnswerMapper.apply(op, endpoint.getConfiguration().getOutputType(), result, message);
        } catch (Ai4callException e) {
            message.setHeader(Ai4callConstants.DELIVERY, e.getDelivery().name());
            if (e.getStatusCode() > 0) {
                message.setHeader(Ai4callConstants.HTTP_STATUS, e.getStatusCode());
            }
            throw e;
        } catch (Ai4callInvalidRequestException e) {
            message.setHeader(Ai4callConstants.DELIVERY, Ai4callDelivery.NOT_SENT.name());
            throw e;
        }
    }

    /**
     * Calls the operation with these parameter values and body over the endpoint's options, and returns the
     * successful answer as it came.
     *
     * @param retries whether the endpoint's retry policy applies; false for probes, which report and do not wait
     */
    HttpCallResult call(Ai4callOperation op, Map<String, Object> parameters, Object body, boolean retries)
            throws Ai4callException, InterruptedException {
        return send(op, MessageInput.of(endpoint, parameters, body), retries);
    }

    private HttpCallResult send(Ai4callOperation op, RequestInput input, boolean retries)
            throws Ai4callException, InterruptedException {
        Ai4callConfiguration config = endpoint.getConfiguration();
        Ai4callObserver observer = endpoint.getComponent().observer();
        long began = System.nanoTime();
        PreparedRequest request;
        try {
            request = requests.prepare(op, config.getBaseUrl(), config.isValidateRequest(), input);
        } catch (InvalidRequest e) {
            Ai4callInvalidRequestException failure = new Ai4callInvalidRequestException(op.name(), e.parameter(), e.problem());
            observer.called(op.name(), Ai4callDelivery.NOT_SENT.name(), 0, "InvalidRequest", System.nanoTime() - began,
                    failure.getMessage());
            throw failure;
        }
        int attempt = 0;
        Ai4callDelivery delivery = Ai4callDelivery.NOT_SENT;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            long wait;
            try {
                HttpCallResult result = client().execute(request);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("ai4call:{} {} {} -> HTTP {} in {} ms (attempt {})", op.name(), op.method(), op.path(),
                            result.status(), (System.nanoTime() - started) / 1_000_000, attempt);
                }
                if (result.successful()) {
                    observer.called(op.name(), Ai4callDelivery.ACCEPTED.name(), result.status(), null,
                            System.nanoTime() - began, null);
                    return result;
                }
                delivery = delivery.then(Ai4callDelivery.ofAnswer(result.status()));
                wait = retries ? policy.afterAnswer(op, attempt, result) : RetryPolicy.STOP;
                if (wait == RetryPolicy.STOP) {
                    ErrorAnswer error = ErrorAnswer.of(result, request.secrets());
                    Ai4callException failure = Ai4callException.errorAnswer(op.name(), result.status(), error.code(),
                            error.message(), error.field(), error.body(), attempt, delivery);
                    observer.called(op.name(), delivery.name(), result.status(), null, System.nanoTime() - began,
                            failure.getMessage());
                    throw failure;
                }
                observer.retrying(op.name(), result.status(), null);
            } catch (IOException e) {
                delivery = delivery.then(Ai4callDelivery.ofFailure(e));
                wait = retries ? policy.afterFailure(op, attempt, e) : RetryPolicy.STOP;
                LOG.debug("ai4call:{} {} {} failed: {} (attempt {})", op.name(), op.method(), op.path(),
                        e.getClass().getSimpleName(), attempt);
                if (wait == RetryPolicy.STOP) {
                    String masked = SecretMasker.mask(e.getMessage(), request.secrets());
                    Throwable cause = masked == null || masked.equals(e.getMessage()) ? e
                            : new IOException(e.getClass().getSimpleName() + ": " + masked);
                    Ai4callException failure = Ai4callException.noAnswer(op.name(), attempt, delivery, cause);
                    observer.called(op.name(), delivery.name(), 0, e.getClass().getSimpleName(),
                            System.nanoTime() - began, failure.getMessage());
                    throw failure;
                }
                observer.retrying(op.name(), 0, e.getClass().getSimpleName());
            }
            LOG.debug("ai4call:{} retrying in {} ms", op.name(), wait);
            Thread.sleep(wait);
        }
    }
}
