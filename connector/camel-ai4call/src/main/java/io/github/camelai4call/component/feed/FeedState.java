package io.github.camelai4call.component.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a feed consumer must remember, kept together so that a {@link FeedStateStore} writes it as one unit: the
 * watermark (the time of the newest record delivered) and the ids of the delivered records a later poll can still
 * read, those not more than {@code overlap} before the watermark.
 * <p>
 * The consumer marks records here in memory as their exchanges complete; a store writes the whole (or, for a
 * database, the ids added and removed since its last write, with the watermark in the same transaction). The
 * {@code version} counts the writes, so that a store shared by several nodes can refuse a write based on a state
 * another node has replaced. Not thread-safe: one poll at a time uses it.
 */
public final class FeedState {

    private record Delivered(Instant time, String id) {
    }

    private final Map<String, Instant> ids = new HashMap<>();
    private final PriorityQueue<Delivered> oldestFirst = new PriorityQueue<>(Comparator.comparing(Delivered::time));
    private final Map<String, Instant> added = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final Predicate<String> storedElsewhere;
    private Instant watermark;
    private long version;
    private boolean changed;

    /** An empty state, or one read back from a store. */
    public FeedState(Instant watermark, Map<String, Instant> ids, long version) {
        this(watermark, ids, version, id -> false);
    }

    /**
     * A state whose ids may also be found by {@code storedElsewhere} (an idempotent repository that the consumer does
     * not read as a whole): such an id is tracked from the time it is found, so that it is removed in turn.
     */
    public FeedState(Instant watermark, Map<String, Instant> ids, long version, Predicate<String> storedElsewhere) {
        this.watermark = watermark;
        this.version = version;
        this.storedElsewhere = storedElsewhere;
        ids.forEach(this::track);
    }

    /** The time of the newest record delivered, or null before the first. */
    public Instant watermark() {
        return watermark;
    }

    /** How many writes this state has had in its store (0: never written). */
    public long version() {
        return version;
    }

    /** Whether the record of that id and time was delivered before. */
    public boolean contains(String id, Instant time) {
        if (ids.containsKey(id)) {
            return true;
        }
        if (storedElsewhere.test(id)) {
            track(id, time);
            return true;
        }
        return false;
    }

    /** Marks the record as delivered (its exchange completed): its id is remembered and the watermark may pass it. */
    public void delivered(String id, Instant time) {
        if (track(id, time)) {
            removed.remove(id);
            added.put(id, time);
        }
        if (watermark == null || time.isAfter(watermark)) {
            watermark = time;
        }
        changed = true;
    }

    /**
     * Forgets the ids of records older than {@code from} (the watermark minus the overlap): no poll reads them again.
     * The store writes the removal together with the watermark it comes from.
     */
    public void forgetBefore(Instant from) {
        while (!oldestFirst.isEmpty() && oldestFirst.peek().time().isBefore(from)) {
            Delivered old = oldestFirst.poll();
            ids.remove(old.id());
            if (added.remove(old.id()) == null) {
                removed.add(old.id());
            }
            changed = true;
        }
    }

    /** Whether anything happened since the last write. */
    public boolean changed() {
        return changed;
    }

    /** Every id the state holds, with its record's time. */
    public Map<String, Instant> ids() {
        return Collections.unmodifiableMap(ids);
    }

    /** The ids delivered since the last write. */
    public Map<String, Instant> added() {
        return Collections.unmodifiableMap(added);
    }

    /** The ids forgotten since the last write. */
    public Set<String> removed() {
        return Collections.unmodifiableSet(removed);
    }

    /** Called by the store once its write of this state is durable. */
    public void written(long newVersion) {
        version = newVersion;
        added.clear();
        removed.clear();
        changed = false;
    }

    private boolean track(String id, Instant time) {
        if (ids.putIfAbsent(id, time) != null) {
            return false;
        }
        oldestFirst.add(new Delivered(time, id));
        return true;
    }
}
