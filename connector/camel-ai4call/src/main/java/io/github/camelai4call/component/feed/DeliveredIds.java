package io.github.camelai4call.component.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The ids of the records a feed consumer delivered, kept in its {@link IdempotentRepository} only while a later
 * poll can read those records again.
 * <p>
 * A poll reads the feed from {@code watermark - overlap}, so the record of an id can come back only while its time
 * is not before that instant. Once the saved watermark has moved on, {@link #forgetBefore(Instant)} removes the
 * older ids. The repository then holds about one overlap window of ids, however long the history is. That matters
 * with Camel's {@code FileIdempotentRepository}: it scans its whole file for every id it does not have in memory,
 * so a store that kept every id of a feed made ingesting a long history quadratic. A repository whose in-memory
 * level is one of Camel's LRU caches suits these removals badly: the cache never fills, so its log of changes is
 * never drained, and once that log is twice the cache size every new id compacts all of it. A plain map (the
 * consumer's default, or {@code FileIdempotentRepository.fileIdempotentRepository(file, new ConcurrentHashMap<>())})
 * holds the window at no such cost.
 * <p>
 * Ids found in the repository but delivered before this consumer started (left by an earlier run or another node)
 * are taken into account when a poll reads their record again, and then forgotten in the same way. Not thread-safe:
 * the consumer uses it from one poll at a time.
 */
public final class DeliveredIds {

    private record Delivered(Instant time, String id) {
    }

    private final IdempotentRepository repository;
    private final PriorityQueue<Delivered> oldestFirst = new PriorityQueue<>(Comparator.comparing(Delivered::time));
    private final Set<String> tracked = new HashSet<>();

    public DeliveredIds(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** Whether the record of that id and time was delivered before. */
    public boolean contains(String id, Instant time) {
        if (!repository.contains(id)) {
            return false;
        }
        track(id, time);
        return true;
    }

    /** Remembers that the record of that id and time has been delivered. */
    public void add(String id, Instant time) {
        repository.add(id);
        track(id, time);
    }

    /**
     * Forgets the ids of records older than {@code from}, where the next poll starts: the feed never returns them
     * again. Call it only once the watermark that {@code from} comes from has been saved.
     */
    public void forgetBefore(Instant from) {
        while (!oldestFirst.isEmpty() && oldestFirst.peek().time().isBefore(from)) {
            Delivered old = oldestFirst.poll();
            tracked.remove(old.id());
            repository.remove(old.id());
        }
    }

    private void track(String id, Instant time) {
        if (tracked.add(id)) {
            oldestFirst.add(new Delivered(time, id));
        }
    }
}
