package io.github.camelai4call.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults injected per operationId ({@code "*"} applies to every operation of the API, not to the callbacks, whose
 * faults are injected under their own operationId: toolCall, callEnded, conversationSaved). Thread-safe.
 */
public final class Faults {

    /** Pseudo operationId matching every operation of the contract. */
    public static final String ALL_OPERATIONS = "*";

    private final Map<String, List<Armed>> byOperation = new ConcurrentHashMap<>();
    private final SplittableRandom random;

    Faults(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Adds a fault to an operation; several faults of one operation are evaluated in insertion order. */
    public Faults inject(String operationId, Fault fault) {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(fault, "fault");
        byOperation.computeIfAbsent(operationId, k -> new CopyOnWriteArrayList<>()).add(new Armed(fault));
        return this;
    }

    /** Removes every fault. */
    public void clear() {
        byOperation.clear();
    }

    /** Removes the faults of one operation. */
    public void clear(String operationId) {
        byOperation.remove(operationId);
    }

    /** The faults still armed, per operationId. */
    public Map<String, List<Fault>> active() {
        Map<String, List<Fault>> out = new LinkedHashMap<>();
        byOperation.forEach((op, list) -> {
            List<Fault> faults = new ArrayList<>();
            for (Armed a : list) {
                if (!a.exhausted()) faults.add(a.remainingView());
            }
            if (!faults.isEmpty()) out.put(op, Collections.unmodifiableList(faults));
        });
        return Collections.unmodifiableMap(out);
    }

    /** What to do with one request: the total delay and at most one terminal fault. */
    static final class Decision {
        static final Decision NONE = new Decision(0, null);
        final long delayMillis;
        final Fault terminal;

        Decision(long delayMillis, Fault terminal) {
            this.delayMillis = delayMillis;
            this.terminal = terminal;
        }
    }

    Decision next(String operationId) {
        return decide(operationId, ALL_OPERATIONS);
    }

    /** What to do with one delivery of a callback: its delay and at most one fault (duplicate or bad signature). */
    Decision nextCallback(String callbackOperationId) {
        return decide(callbackOperationId);
    }

    private Decision decide(String... keys) {
        if (byOperation.isEmpty()) return Decision.NONE;
        long delay = 0;
        Fault terminal = null;
        for (String key : keys) {
            List<Armed> list = byOperation.get(key);
            if (list == null) continue;
            for (Armed a : list) {
                if (terminal != null && a.fault.type() != Fault.Type.DELAY) continue;
                if (!a.fire(this)) continue;
                if (a.fault.type() == Fault.Type.DELAY) {
                    delay += a.fault.delayDuration().toMillis();
                } else {
                    terminal = a.fault;
                }
            }
            list.removeIf(Armed::exhausted);
        }
        return delay == 0 && terminal == null ? Decision.NONE : new Decision(delay, terminal);
    }

    private double nextDouble() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private static final class Armed {
        final Fault fault;
        final AtomicInteger remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times() == null ? null : new AtomicInteger(fault.times());
        }

        boolean fire(Faults owner) {
            if (exhausted()) return false;
            if (fault.rate() != null && owner.nextDouble() >= fault.rate()) return false;
            if (remaining == null) return true;
            while (true) {
                int r = remaining.get();
                if (r <= 0) return false;
                if (remaining.compareAndSet(r, r - 1)) return true;
            }
        }

        boolean exhausted() {
            return remaining != null && remaining.get() <= 0;
        }

        Fault remainingView() {
            return remaining == null ? fault : fault.times(Math.max(1, remaining.get()));
        }
    }
}
