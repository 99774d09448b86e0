package io.github.camelai4call.component.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Each delivery id routed once. The {@link IdempotentRepository} says whether an id was seen (by this node or, when it
 * is shared, by another); this node also keeps the answers it gave (a bounded number), so that a redelivery of a tool
 * call gets the same answer again, and a redelivery that arrives while the first is still being routed waits for it.
 * An id whose routing failed (an answer the platform redelivers on) is forgotten, so that the redelivery is routed.
 */
public final class Deliveries {

    /** Answers kept per consumer for redeliveries of tool calls. */
    public static final int KEPT_ANSWERS = 10_000;

    private final IdempotentRepository repository;
    private final boolean keepAnswers;
    private final Map<String, CompletableFuture<CallbackReply>> answers;

    /**
     * @param repository  the ids seen
     * @param keepAnswers whether the answer itself is given again (tool calls), not only a 200 (events)
     */
    public Deliveries(IdempotentRepository repository, boolean keepAnswers) {
        this.repository = repository;
        this.keepAnswers = keepAnswers;
        this.answers = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CallbackReply>> eldest) {
                return size() > KEPT_ANSWERS;
            }
        };
    }

    /**
     * The answer to a delivery: {@code route} for an id not seen before, the earlier answer for one this node answered,
     * {@code seenElsewhere} for one the repository knows but this node has no answer for.
     */
    public CallbackReply once(String deliveryId, Supplier<CallbackReply> route, Supplier<CallbackReply> seenElsewhere) {
        CompletableFuture<CallbackReply> mine = new CompletableFuture<>();
        CompletableFuture<CallbackReply> earlier;
        synchronized (answers) {
            earlier = answers.putIfAbsent(deliveryId, mine);
        }
        if (earlier != null) {
            return earlier.join();
        }
        CallbackReply reply;
        try {
            if (!repository.add(deliveryId)) {
                reply = seenElsewhere.get();
                forget(deliveryId, false);
                mine.complete(reply);
                return reply;
            }
            reply = route.get();
        } catch (RuntimeException e) {
            reply = CallbackReply.error(500, "the receiver failed; deliver again");
        }
        if (reply.redeliver()) {
            repository.remove(deliveryId);
            forget(deliveryId, false);
        } else {
            repository.confirm(deliveryId);
            forget(deliveryId, keepAnswers);
        }
        mine.complete(reply);
        return mine.join(); // the early answer, when there was one
    }

    /**
     * A delivery still being routed has been answered already (a tool call's fallback at its deadline): a redelivery
     * gets that answer at once, and it is the one kept, whatever the late route returns.
     */
    public void answeredEarly(String deliveryId, CallbackReply reply) {
        CompletableFuture<CallbackReply> pending;
        synchronized (answers) {
            pending = answers.get(deliveryId);
        }
        if (pending != null) {
            pending.complete(reply);
        }
    }

    private void forget(String deliveryId, boolean keep) {
        if (!keep) {
            synchronized (answers) {
                answers.remove(deliveryId);
            }
        }
    }
}
