package io.github.camelai4call.component.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Feed states in a database, for several nodes sharing one feed: table {@code ai4call_feed_state} holds each key's
 * watermark and version, table {@code ai4call_feed_ids} the ids each key still needs. A write is one transaction:
 * it moves the version on only from the version the state was read at ({@code UPDATE ... WHERE version = ?}), then
 * inserts the ids delivered and deletes the ids forgotten since the last write, and commits; a crash before the
 * commit leaves the previous state whole. A read is one transaction at REPEATABLE READ, so that the node taking
 * over sees one committed state. A node whose write finds another version (another node wrote in between) rolls
 * back and reads the state again. Creates its tables when they do not exist (PostgreSQL, H2 and other databases
 * that accept {@code CREATE TABLE IF NOT EXISTS}).
 */
public final class JdbcFeedStateStore implements FeedStateStore {

    static final String STATE_TABLE = "ai4call_feed_state";
    static final String IDS_TABLE = "ai4call_feed_ids";

    private final DataSource dataSource;

    public JdbcFeedStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE TABLE IF NOT EXISTS " + STATE_TABLE + " (state_key VARCHAR(100) PRIMARY KEY, "
                      + "watermark VARCHAR(40), version BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + IDS_TABLE + " (state_key VARCHAR(100) NOT NULL, "
                      + "record_id VARCHAR(255) NOT NULL, record_time VARCHAR(40) NOT NULL, "
                      + "PRIMARY KEY (state_key, record_id))");
        } catch (SQLException e) {
            if (!tablesExist()) { // two nodes creating them at once: one of them wins
                throw new IllegalStateException("cannot create the feed state tables: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public FeedState load(String key, FeedState current) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Instant watermark = null;
                long version = 0;
                try (PreparedStatement q = c.prepareStatement("SELECT watermark, version FROM " + STATE_TABLE
                                                              + " WHERE state_key = ?")) {
                    q.setString(1, key);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            watermark = r.getString(1) == null ? null : Instant.parse(r.getString(1));
                            version = r.getLong(2);
                        }
                    }
                }
                if (current != null && current.version() == version) {
                    return current;
                }
                Map<String, Instant> ids = new HashMap<>();
                try (PreparedStatement q = c.prepareStatement("SELECT record_id, record_time FROM " + IDS_TABLE
                                                              + " WHERE state_key = ?")) {
                    q.setString(1, key);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            ids.put(r.getString(1), Instant.parse(r.getString(2)));
                        }
                    }
                }
                return new FeedState(watermark, ids, version);
            } finally {
                c.commit();
            }
        }
    }

    @Override
    public void save(String key, FeedState state) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, key, state);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        state.written(state.version() + 1);
    }

    /**
     * The statements of a write, on a connection whose transaction the caller commits (then calls
     * {@link FeedState#written(long)} with the next version) or rolls back: for a transaction that also holds what the
     * route wrote.
     */
    public void write(Connection c, String key, FeedState state) throws SQLException {
        claim(c, key, state);
        if (!state.removed().isEmpty()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM " + IDS_TABLE
                                                          + " WHERE state_key = ? AND record_id = ?")) {
                for (String id : state.removed()) {
                    d.setString(1, key);
                    d.setString(2, id);
                    d.addBatch();
                }
                d.executeBatch();
            }
        }
        if (!state.added().isEmpty()) {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO " + IDS_TABLE
                                                          + " (state_key, record_id, record_time) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Instant> e : state.added().entrySet()) {
                    i.setString(1, key);
                    i.setString(2, e.getKey());
                    i.setString(3, e.getValue().toString());
                    i.addBatch();
                }
                i.executeBatch();
            }
        }
    }

    /** Moves the key's version from the one the state was read at to the next, or fails: another node wrote. */
    private static void claim(Connection c, String key, FeedState state) throws SQLException {
        String watermark = state.watermark() == null ? null : state.watermark().toString();
        if (state.version() == 0) {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO " + STATE_TABLE
                                                          + " (state_key, watermark, version) VALUES (?, ?, 1)")) {
                i.setString(1, key);
                i.setString(2, watermark);
                i.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!"23".equals(e.getSQLState() == null ? null : e.getSQLState().substring(0, 2))) {
                    throw e;
                }
                throw new FeedStateConflictException(key, 0, -1);
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE " + STATE_TABLE
                                                      + " SET watermark = ?, version = version + 1"
                                                      + " WHERE state_key = ? AND version = ?")) {
            u.setString(1, watermark);
            u.setString(2, key);
            u.setLong(3, state.version());
            if (u.executeUpdate() != 1) {
                throw new FeedStateConflictException(key, state.version(), -1);
            }
        }
    }

    private boolean tablesExist() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + STATE_TABLE + " WHERE 1 = 0").close();
            s.executeQuery("SELECT COUNT(*) FROM " + IDS_TABLE + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
