package io.github.camelai4call.component.feed;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer's state without a store: the overlap window of ids, the watermark, what a write must carry. */
class FeedStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void idsAreKeptUntilNoPollCanReadTheirRecordAgain() {
        FeedState state = new FeedState(null, Map.of(), 0);
        state.delivered("r1", T0);
        state.delivered("r2", T0.plusSeconds(60));
        assertTrue(state.contains("r1", T0));
        assertFalse(state.contains("r3", T0));
        assertEquals(T0.plusSeconds(60), state.watermark());

        state.forgetBefore(T0.plusSeconds(30));
        assertFalse(state.ids().containsKey("r1"), "older than where the next poll starts");
        assertTrue(state.ids().containsKey("r2"));
        state.forgetBefore(T0.plusSeconds(60));
        assertTrue(state.ids().containsKey("r2"), "a record at the start instant is read again");
    }

    @Test
    void idsFoundInAnotherRepositoryAreForgottenOnceReadAgain() {
        FeedState state = new FeedState(null, Map.of(), 0, "old"::equals);
        state.forgetBefore(T0.plusSeconds(3600));
        assertTrue(state.contains("old", T0), "known to the user's repository");
        state.forgetBefore(T0.plusSeconds(3600));
        assertFalse(state.ids().containsKey("old"));
        assertEquals(Set.of("old"), state.removed(), "the store removes it from that repository too");
    }

    @Test
    void aWriteCarriesWhatChangedSinceTheLastOne() {
        FeedState state = new FeedState(T0, Map.of("a", T0), 3);
        assertFalse(state.changed());
        state.delivered("b", T0.plusSeconds(1));
        state.forgetBefore(T0.plusSeconds(1));
        assertTrue(state.changed());
        assertEquals(Map.of("b", T0.plusSeconds(1)), state.added());
        assertEquals(Set.of("a"), state.removed());
        state.written(4);
        assertEquals(4, state.version());
        assertFalse(state.changed());
        assertTrue(state.added().isEmpty() && state.removed().isEmpty());
    }
}
