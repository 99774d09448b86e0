package io.github.camelai4call.component.feed;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveredIdsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void idsAreKeptUntilNoPollCanReadTheirRecordAgain() {
        MemoryIdempotentRepository repository = (MemoryIdempotentRepository) MemoryIdempotentRepository
                .memoryIdempotentRepository(new ConcurrentHashMap<>());
        DeliveredIds delivered = new DeliveredIds(repository);
        delivered.add("r1", T0);
        delivered.add("r2", T0.plusSeconds(60));
        assertTrue(delivered.contains("r1", T0));
        assertFalse(delivered.contains("r3", T0));

        delivered.forgetBefore(T0.plusSeconds(30));
        assertFalse(repository.contains("r1"), "older than where the next poll starts");
        assertTrue(repository.contains("r2"));
        delivered.forgetBefore(T0.plusSeconds(60));
        assertTrue(repository.contains("r2"), "a record at the start instant is read again");
    }

    @Test
    void idsLeftByAnEarlierRunAreForgottenOnceReadAgain() {
        MemoryIdempotentRepository repository = (MemoryIdempotentRepository) MemoryIdempotentRepository
                .memoryIdempotentRepository(new ConcurrentHashMap<>());
        repository.add("old");
        DeliveredIds delivered = new DeliveredIds(repository);
        delivered.forgetBefore(T0.plusSeconds(3600));
        assertTrue(repository.contains("old"), "not known to this run yet");
        assertTrue(delivered.contains("old", T0));
        delivered.forgetBefore(T0.plusSeconds(3600));
        assertFalse(repository.contains("old"));
    }
}
