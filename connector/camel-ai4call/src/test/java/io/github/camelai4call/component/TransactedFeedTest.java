package io.github.camelai4call.component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code transacted=true}: the route's rows and the feed state in one transaction of the state's database (here H2 in
 * memory; the kill tests in {@link FeedKillTest} use an H2 file and PostgreSQL).
 */
class TransactedFeedTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0)
            .analyticsRecords(1_000).build());

    private CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedRecordRollsBackTheRowsOfItsTransactionAndEveryRecordIsStoredOnce() throws Exception {
        DataSource db = database("rollback");
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicInteger routed = new AtomicInteger();
        start(db, new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:analyticsCalls?stateDataSource=#db&transacted=true&stateWriteEvery=50&delay=20")
                        .to("sql:INSERT INTO stored (id) VALUES (:#${header.CamelAi4callRecordId})?dataSource=#db")
                        .process(e -> {
                            // the 75th record fails once, after its row was inserted: rows 51..75 are rolled back
                            if (routed.incrementAndGet() == 75 && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("warehouse hiccup");
                            }
                        });
            }
        });
        int total = (int) SIMULATOR.simulator().analytics().size(DemoData.DEMO_EMAIL, "analyticsCalls");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
        while (count(db, "SELECT COUNT(*) FROM stored") < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(total > 200, total + " records");
        assertTrue(failedOnce.get(), "the route failed once");
        assertEquals(total, count(db, "SELECT COUNT(DISTINCT id) FROM stored"), "every record stored");
        assertEquals(total, count(db, "SELECT COUNT(*) FROM stored"), "no record stored twice");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM ai4call_feed_state"), "the feed state is in the same database");
    }

    @Test
    void refusedWithoutAStateDataSource() {
        Exception e = assertThrows(Exception.class, () -> start(database("refused"), new RouteBuilder() {
            @Override
            public void configure() {
                from("ai4call:analyticsRecharges?transacted=true").to("log:x");
            }
        }));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("ai4call:analyticsRecharges: option 'transacted' needs stateDataSource"),
                cause.getMessage());
    }

    private void start(DataSource db, RouteBuilder routes) throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("db", db);
        var config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(SIMULATOR.baseUrl());
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        camel.addRoutes(routes);
        camel.start();
    }

    private static DataSource database(String name) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stored (id VARCHAR(255) NOT NULL)");
        }
        return h2;
    }

    private static int count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
