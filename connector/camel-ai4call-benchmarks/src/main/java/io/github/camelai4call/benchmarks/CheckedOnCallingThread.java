package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

import io.github.camelai4call.component.callback.CallbackDispatcher;
import io.github.camelai4call.component.callback.CallbackReply;
import io.github.camelai4call.component.callback.Deliveries;
import io.github.camelai4call.component.callback.ToolCallAnswers;
import io.github.camelai4call.component.callback.WebhookSignature;
import io.github.camelai4call.component.request.BodySchemaValidator;
import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.ToolCallRequest;

/**
 * Diagnostic route of the callback benchmark: the consumer's own steps, with the component's classes, on the
 * platform-http thread that received the request, without the answer deadline: the signature check, the body parsed as a tree (the consumer routes by its toolId), the delivery id
 * de-duplicated (an in-memory repository of 10,000 ids, answers kept), the body read as the typed request, the answer
 * completed and checked against the contract's schema. What the consumer costs without keeping a deadline.
 */
final class CheckedOnCallingThread implements Processor {

    private final WebhookSignature signature;
    private final MemoryIdempotentRepository repository = (MemoryIdempotentRepository) MemoryIdempotentRepository
            .memoryIdempotentRepository(Deliveries.KEPT_ANSWERS);
    private final Deliveries deliveries = new Deliveries(repository, true);
    private final ToolCallAnswers answers = new ToolCallAnswers("ToolCallAnswer", new BodySchemaValidator());

    CheckedOnCallingThread(String webhookSecret) {
        this.signature = new WebhookSignature(webhookSecret, Duration.ofMinutes(5));
        repository.start();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        WebhookSignature.Verdict verdict = signature.verify(in.getHeader(CallbackDispatcher.TIMESTAMP, String.class),
                in.getHeader(CallbackDispatcher.SIGNATURE, String.class), body, Instant.now());
        CallbackReply reply;
        if (verdict != WebhookSignature.Verdict.VALID) {
            reply = CallbackReply.error(403, "signature refused: " + verdict);
        } else {
            JsonMapper.get().readTree(body);
            reply = deliveries.once(in.getHeader(CallbackDispatcher.DELIVERY_ID, String.class), () -> answer(body),
                    () -> CallbackReply.error(409, "seen elsewhere"));
        }
        in.getHeaders().clear();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        in.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        in.setBody(reply.body());
    }

    private CallbackReply answer(byte[] body) {
        try {
            ToolCallRequest call = JsonMapper.readerFor(ToolCallRequest.class).readValue(body);
            return CallbackReply.json(answers.answer(BookAppointment.answer(call), call.getCallId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
