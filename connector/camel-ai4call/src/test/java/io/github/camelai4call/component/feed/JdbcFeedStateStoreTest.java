package io.github.camelai4call.component.feed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The database store on H2 (always) and on a real PostgreSQL (where one can be installed and started). */
class JdbcFeedStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:feed-state-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        checkStore(h2);
    }

    @Test
    void onPostgresql() throws Exception {
        {
            PostgresServer pg = PostgresServer.sharedOrSkip();
            checkStore(pg.dataSource());
        }
    }

    private static void checkStore(DataSource ds) throws Exception {
        JdbcFeedStateStore nodeA = new JdbcFeedStateStore(ds);
        JdbcFeedStateStore nodeB = new JdbcFeedStateStore(ds);
        nodeA.start();
        nodeB.start(); // the tables exist already: no error

        FeedState a = nodeA.load("k", null);
        assertEquals(0, a.version());
        a.delivered("old", T0);
        a.delivered("call_1", T0.plusSeconds(600));
        nodeA.save("k", a);
        assertSame(a, nodeA.load("k", a), "unchanged in the database: the same state, no read of the ids");
        a.delivered("call_2", T0.plusSeconds(601));
        a.forgetBefore(T0.plusSeconds(300));
        nodeA.save("k", a);

        FeedState b = nodeB.load("k", null);
        assertEquals(T0.plusSeconds(601), b.watermark());
        assertEquals(Map.of("call_1", T0.plusSeconds(600), "call_2", T0.plusSeconds(601)), b.ids(),
                "the ids added and removed in each write, read back as one state");
        assertEquals(2, b.version());
        assertEquals(0, nodeB.load("other", null).ids().size(), "each key its own state");

        b.delivered("call_3", T0.plusSeconds(602));
        nodeB.save("k", b); // node B took over and wrote
        a.delivered("call_4", T0.plusSeconds(603));
        assertThrows(FeedStateConflictException.class, () -> nodeA.save("k", a), "node A's state is stale");
        FeedState afterConflict = nodeB.load("k", null);
        assertEquals(3, afterConflict.ids().size(), "the refused write left nothing: " + afterConflict.ids());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ai4call_feed_ids WHERE record_id = 'call_4'")) {
            r.next();
            assertEquals(0, r.getInt(1), "rolled back");
        }

        FeedState fresh = nodeA.load("k2", null);
        FeedState rival = nodeB.load("k2", null);
        fresh.delivered("x", T0);
        nodeA.save("k2", fresh);
        rival.delivered("y", T0);
        assertThrows(FeedStateConflictException.class, () -> nodeB.save("k2", rival), "both nodes wrote version 1");
    }
}
