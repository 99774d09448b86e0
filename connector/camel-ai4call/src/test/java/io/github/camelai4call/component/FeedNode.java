package io.github.camelai4call.component;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.github.camelai4call.simulator.DemoData;

/**
 * One feed node in a JVM of its own, for the tests that kill it with SIGKILL: consumes analyticsCalls with the
 * state store it is given and appends the id of each record whose exchange completes to its delivery log (one
 * write per record, no fsync: what the OS has is kept when the process is killed).
 * <p>
 * Arguments: simulator base URL, {@code file:<path>}, {@code jdbc:<postgresql url>} or {@code tx:<jdbc url>}
 * (transacted: the route also inserts each record into table {@code delivered} of that database with camel-sql, in the
 * transaction of the state write), delivery log, node id, cluster directory ({@code -} for none), stateWriteEvery.
 */
public final class FeedNode {

    private FeedNode() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String store = args[1];
        FileChannel deliveries = FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        String node = args[3];
        String clusterDir = args[4];
        CamelContext camel = new DefaultCamelContext();
        String uri = "ai4call:analyticsCalls?startFrom=PT10M&limit=500&delay=10&outputType=jsonNode&stateWriteEvery="
                     + args[5];
        boolean transacted = store.startsWith("tx:");
        if (store.startsWith("file:")) {
            uri += "&stateFile=" + store.substring("file:".length());
        } else {
            DataSource ds = dataSource(transacted ? store.substring("tx:".length()) : store);
            camel.getRegistry().bind("feedDb", ds);
            uri += "&stateDataSource=#feedDb";
            if (transacted) {
                uri += "&transacted=true";
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS delivered (record_id VARCHAR(255) NOT NULL, node VARCHAR(20))");
                } catch (java.sql.SQLException e) {
                    // two nodes creating it at once on PostgreSQL: one wins, the other sees a duplicate type
                    System.out.println("table delivered: " + e.getMessage());
                }
            }
        }
        if (!"-".equals(clusterDir)) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(node);
            cluster.setRoot(clusterDir);
            cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
            camel.addService(cluster);
            uri = "master:ai4call-feed:" + uri;
        }
        var config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(baseUrl);
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(DemoData.DEMO_PORTAL_API_KEY);
        config.setRetryInitialDelay(10);
        String from = uri;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from(from);
                if (transacted) {
                    // the record's row, in the transaction that also writes the feed state
                    route.to("sql:INSERT INTO delivered (record_id, node) VALUES (:#${header.CamelAi4callRecordId}, '"
                             + node + "')?dataSource=#feedDb");
                }
                route.process(e -> {
                    String id = e.getMessage().getHeader(Ai4callConstants.RECORD_ID, String.class);
                    deliveries.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
                });
            }
        });
        camel.start();
        new CountDownLatch(1).await(); // until killed
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url);
        return pg;
    }
}
