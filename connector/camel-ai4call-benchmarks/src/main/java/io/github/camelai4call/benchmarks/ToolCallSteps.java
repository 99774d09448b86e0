package io.github.camelai4call.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

import io.github.camelai4call.component.callback.CallbackReply;
import io.github.camelai4call.component.callback.Deliveries;
import io.github.camelai4call.component.callback.ToolCallAnswers;
import io.github.camelai4call.component.callback.WebhookSignature;
import io.github.camelai4call.component.request.BodySchemaValidator;
import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.ToolCallAnswer;
import io.github.camelai4call.model.ToolCallRequest;

/**
 * Where the ai4call: consumer's extra time per tool call goes: each step it does that the plain route does not,
 * timed alone on one thread with the same classes and the same tool call, in nanoseconds per call. Every step is
 * warmed up in batches of about 100 ms, then timed in batches taken in turns (one batch of each step per turn, so
 * that a burst of other load on the shared cores falls on all steps); the least disturbed batch and the median are
 * kept. A diagnosis, not a throughput figure: alone and on one thread, steps cost less than within the full round
 * trip, where they share the caches and the 2 cores with everything else.
 */
final class ToolCallSteps {

    /** One step's cost: its least disturbed batch and the median batch, in nanoseconds per call. */
    record Step(String what, double minNanos, double medianNanos) {
    }

    private static final int WARMUP_BATCHES = 10;
    private static final int TIMED_BATCHES = 10;
    private static final long BATCH_NANOS = 100_000_000L;

    private static volatile int sink;

    private ToolCallSteps() {
    }

    static List<Step> measure(String secret) throws Exception {
        byte[] body = BookAppointment.request("call_steps_1").getBytes(StandardCharsets.UTF_8);
        WebhookSignature signature = new WebhookSignature(secret, Duration.ofMinutes(5));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signed = signature.sign(timestamp, body);
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        ToolCallRequest call = JsonMapper.readerFor(ToolCallRequest.class).readValue(body);
        ToolCallAnswer answer = BookAppointment.answer(call);
        BodySchemaValidator validator = new BodySchemaValidator();
        ToolCallAnswers answers = new ToolCallAnswers("ToolCallAnswer", validator);
        JsonNode answerTree = JsonMapper.get().valueToTree(answer.withCallId(call.getCallId()));
        answer.setCallId(null);
        MemoryIdempotentRepository repository = (MemoryIdempotentRepository) MemoryIdempotentRepository
                .memoryIdempotentRepository(Deliveries.KEPT_ANSWERS);
        repository.start();
        Deliveries deliveries = new Deliveries(repository, true);
        CallbackReply reply = CallbackReply.json(new byte[] { '{', '}' });
        long[] id = new long[1];

        Map<String, Task> steps = new LinkedHashMap<>();
        steps.put("signature check (`WebhookSignature.verify`: HMAC-SHA256 of the body, hex, constant-time compare)",
                () -> signature.verify(timestamp, signed, body, Instant.now()).ordinal());
        steps.put("… of which `Mac.getInstance` + `init` (done per call)", () -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.getMacLength();
        });
        steps.put("body parsed a second time, as a tree (`readTree`, for the routing by toolId)",
                () -> JsonMapper.get().readTree(body).size());
        steps.put("de-duplication of a fresh delivery id (`Deliveries.once`, in-memory repository of 10,000 ids)",
                () -> deliveries.once("dlv_" + id[0]++, () -> reply, () -> reply).status());
        steps.put("answer: `ToolCallAnswers.answer` (to a tree, copy, callId, schema check, write)",
                () -> answers.answer(answer, call.getCallId()).length);
        steps.put("… of which the `ToolCallAnswer` schema check", () -> {
            validator.validate("ToolCallAnswer", answerTree);
            return 1;
        });
        steps.put("for comparison, the plain route's answer (`writeValueAsBytes`)",
                () -> JsonMapper.get().writeValueAsBytes(answer).length);

        CamelContext camel = new DefaultCamelContext();
        camel.start();
        ExecutorService pool = camel.getExecutorServiceManager().newDefaultThreadPool(camel, "steps");
        try {
            steps.put("hand-off to the consumer's thread pool and back (`submit` + `Future.get(timeout)`, empty task)",
                    () -> {
                        Future<?> f = pool.submit(() -> {
                        });
                        f.get(4000, TimeUnit.MILLISECONDS);
                        return 1;
                    });
            for (int b = 0; b < WARMUP_BATCHES; b++) {
                for (Task task : steps.values()) {
                    batch(task);
                }
            }
            Map<String, List<Double>> timed = new LinkedHashMap<>();
            for (int b = 0; b < TIMED_BATCHES; b++) {
                for (Map.Entry<String, Task> e : steps.entrySet()) {
                    timed.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(batch(e.getValue()));
                }
            }
            List<Step> out = new ArrayList<>();
            timed.forEach((what, batches) -> {
                Samples s = Samples.of(batches);
                out.add(new Step(what, s.min(), s.median()));
                Log.line(Markdown.format("step %,8.0f ns (median %,8.0f)  %s", s.min(), s.median(), what));
            });
            return out;
        } finally {
            camel.getExecutorServiceManager().shutdownNow(pool);
            camel.stop();
            repository.stop();
        }
    }

    /** One batch of about 100 ms: nanoseconds per call. */
    private static double batch(Task task) throws Exception {
        long start = System.nanoTime();
        long calls = 0;
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                sink += task.run();
            }
            calls += 100;
            now = System.nanoTime();
        } while (now - start < BATCH_NANOS);
        return (double) (now - start) / calls;
    }

    @FunctionalInterface
    private interface Task {
        int run() throws Exception;
    }
}
