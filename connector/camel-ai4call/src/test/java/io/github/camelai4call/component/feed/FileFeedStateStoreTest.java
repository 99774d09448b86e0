package io.github.camelai4call.component.feed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state file: one unit, replaced atomically, refused when cut short or shared with another endpoint. */
class FileFeedStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void writesWatermarkAndIdsTogetherAndReadsThemBack() throws Exception {
        FileFeedStateStore store = new FileFeedStateStore(dir.resolve("feed.state"));
        FeedState state = store.load("k", null);
        assertEquals(0, state.version());
        state.delivered("call_1", T0);
        state.delivered("call 2\nwith\tcontrol characters", T0.plusSeconds(1));
        store.save("k", state);
        assertEquals(1, state.version());
        assertSame(state, store.load("k", state), "unchanged on disk: the same state, no full read");

        FeedState read = new FileFeedStateStore(dir.resolve("feed.state")).load("k", null);
        assertEquals(T0.plusSeconds(1), read.watermark());
        assertEquals(state.ids(), read.ids());
        assertEquals(1, read.version());
        assertTrue(Files.notExists(dir.resolve("feed.state.tmp")), "the temporary file was renamed");
    }

    @Test
    void forgottenIdsLeaveTheFileInTheSameWriteAsTheWatermark() throws Exception {
        FileFeedStateStore store = new FileFeedStateStore(dir.resolve("feed.state"));
        FeedState state = store.load("k", null);
        state.delivered("old", T0);
        store.save("k", state);
        state.delivered("new", T0.plusSeconds(600));
        state.forgetBefore(T0.plusSeconds(300));
        store.save("k", state);
        assertEquals(Map.of("new", T0.plusSeconds(600)), store.load("k", null).ids());
    }

    @Test
    void aWriteBasedOnAStateAnotherNodeReplacedIsRefused() throws Exception {
        FileFeedStateStore nodeA = new FileFeedStateStore(dir.resolve("feed.state"));
        FileFeedStateStore nodeB = new FileFeedStateStore(dir.resolve("feed.state"));
        FeedState a = nodeA.load("k", null);
        FeedState b = nodeB.load("k", null);
        a.delivered("call_1", T0);
        nodeA.save("k", a);
        b.delivered("call_2", T0);
        assertThrows(FeedStateConflictException.class, () -> nodeB.save("k", b));
        FeedState again = nodeB.load("k", b);
        assertEquals(Map.of("call_1", T0), again.ids(), "node B reads what node A wrote");
    }

    @Test
    void aFileCutShortOrOfAnotherEndpointIsRefusedNotReadAsAnEmptyState() throws Exception {
        Path file = dir.resolve("feed.state");
        FileFeedStateStore store = new FileFeedStateStore(file);
        FeedState state = store.load("k", null);
        state.delivered("call_1", T0);
        state.delivered("call_2", T0);
        store.save("k", state);
        String whole = Files.readString(file);
        Exception other = assertThrows(IllegalStateException.class, () -> store.load("other", null));
        assertTrue(other.getMessage().contains("belongs to another endpoint"), other.getMessage());
        Files.writeString(file, whole.substring(0, whole.lastIndexOf("end ")), StandardCharsets.UTF_8);
        assertThrows(java.io.IOException.class, () -> store.load("k", null));
        Files.writeString(file, whole.substring(0, whole.indexOf("call_2")), StandardCharsets.UTF_8);
        assertThrows(java.io.IOException.class, () -> store.load("k", null));
    }

    @Test
    void aTemporaryFileLeftByAKillDuringAWriteIsIgnored() throws Exception {
        Path file = dir.resolve("feed.state");
        FileFeedStateStore store = new FileFeedStateStore(file);
        FeedState state = store.load("k", null);
        state.delivered("call_1", T0);
        store.save("k", state);
        Files.writeString(dir.resolve("feed.state.tmp"), "ai4call-feed-state 1\nkey k\nver"); // killed mid-write
        FeedState read = store.load("k", null);
        assertEquals(Map.of("call_1", T0), read.ids());
        read.delivered("call_2", T0.plusSeconds(1));
        store.save("k", read);
        assertEquals(2, store.load("k", null).ids().size(), "the next write replaces the leftover");
    }
}
