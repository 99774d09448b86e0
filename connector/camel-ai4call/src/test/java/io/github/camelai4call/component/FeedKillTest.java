package io.github.camelai4call.component;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelai4call.component.feed.FeedState;
import io.github.camelai4call.component.feed.FileFeedStateStore;
import io.github.camelai4call.component.feed.PostgresServer;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.SimulatorConfig;
import io.github.camelai4call.testing.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed consumer in JVMs of its own, killed with SIGKILL at random moments while records are appended to the
 * feed, and started again. Every appended record (all inside the overlap window) must be delivered, and no record
 * twice, except records delivered after the last state write that a kill made durable: those are delivered again
 * once, and there are at most {@code stateWriteEvery} of them per kill (docs/consumers.md, "Crashes"). With
 * {@code transacted=true} the route's database rows and the feed state commit together: each record is stored exactly
 * once, on H2 (one node) and on PostgreSQL (two nodes).
 */
class FeedKillTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(SimulatorConfig.builder().port(0)
            .analyticsRecords(0).build());

    private static final int WRITE_EVERY = 10;
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    private final Random random = new Random();
    private final List<Process> running = new ArrayList<>();
    private final AtomicBoolean appending = new AtomicBoolean(true);
    private final Set<String> appended = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Ids of this test's records: the simulator's feed and the database outlive one test. */
    private final String prefix = "call_kill_" + Long.toString(System.nanoTime() & 0xffffffffL, 36) + "_";
    private Thread appender;

    @AfterEach
    void stop() throws Exception {
        appending.set(false);
        if (appender != null) {
            appender.join();
        }
        for (Process p : running) {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void oneNodeWithAStateFileKilledSixTimes() throws Exception {
        Path stateFile = dir.resolve("feed.state");
        FileFeedStateStore durable = new FileFeedStateStore(stateFile);
        startAppending();
        List<Path> logs = new ArrayList<>();
        Map<Integer, Set<String>> notDurable = new LinkedHashMap<>();
        for (int run = 0; run <= KILLS; run++) {
            Path log = dir.resolve("run-" + run + ".log");
            logs.add(log);
            Process node = start("file:" + stateFile, log, "node", "-");
            if (run == KILLS) {
                break;
            }
            long started = System.nanoTime();
            await(() -> lines(log).size() > 0, "run " + run + " to deliver");
            Thread.sleep(100 + random.nextInt(900));
            kill(node);
            progress(String.format("run %d: first delivery after %d ms, killed after %d records", run,
                    (System.nanoTime() - started) / 1_000_000, lines(log).size()));
            // what the kill left on disk: it must be readable, and it tells which deliveries were made durable
            FeedState left = Files.exists(stateFile) ? durable.load(keyOf(stateFile), null) : null;
            Set<String> delivered = new HashSet<>(lines(log));
            if (left != null) {
                delivered.removeAll(left.ids().keySet());
            }
            notDurable.put(run, delivered);
        }
        finish(logs, notDurable);
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void twoNodesWithPostgresqlTheLeaderKilledSixTimes() throws Exception {
        {
            PostgresServer pg = PostgresServer.sharedOrSkip();
            String cluster = dir.resolve("cluster").toString();
            startAppending();
            Map<String, Process> nodes = new HashMap<>();
            Map<String, Path> currentLog = new HashMap<>();
            List<Path> logs = new ArrayList<>();
            int[] runs = {0};
            for (String node : List.of("node-a", "node-b")) {
                Path log = dir.resolve(node + "-" + runs[0]++ + ".log");
                logs.add(log);
                currentLog.put(node, log);
                nodes.put(node, start(pg.jdbcUrl(), log, node, cluster));
            }
            Map<Integer, Set<String>> deliveredByKilledRun = new LinkedHashMap<>();
            for (int kill = 0; kill < KILLS; kill++) {
                await(() -> currentLog.values().stream().anyMatch(l -> lines(l).size() > 0), "a leader to deliver");
                Thread.sleep(200 + random.nextInt(800));
                String leader = leader(currentLog);
                int before = lines(currentLog.get(leader)).size();
                kill(nodes.get(leader));
                deliveredByKilledRun.put(kill, new HashSet<>(lines(currentLog.get(leader))));
                String other = leader.equals("node-a") ? "node-b" : "node-a";
                int otherBefore = lines(currentLog.get(other)).size();
                await(() -> lines(currentLog.get(other)).size() > otherBefore, "the other node to take over");
                Path log = dir.resolve(leader + "-" + runs[0]++ + ".log");
                logs.add(log);
                currentLog.put(leader, log);
                nodes.put(leader, start(pg.jdbcUrl(), log, leader, cluster));
                assertTrue(before > 0, "the killed node had delivered");
            }
            // the database holds one state; a duplicate is a record the killed node delivered after its last commit
            assertEquals(1, count(pg.dataSource(), "SELECT COUNT(*) FROM ai4call_feed_state"
                                                   + " WHERE state_key LIKE 'ai4call:analyticsCalls:%'"));
            finish(logs, deliveredByKilledRun);
        }
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void oneNodeTransactedIntoH2KilledSixTimesStoresEachRecordOnce() throws Exception {
        // the route inserts each record into the state's database, in the transaction of the state write
        // an embedded database: one process at a time, its OS file lock released when the process dies
        String url = "jdbc:h2:file:" + dir.resolve("feed-db") + ";FILE_LOCK=FS";
        startAppending();
        List<Path> logs = new ArrayList<>();
        Process last = null;
        for (int run = 0; run <= KILLS; run++) {
            Path log = dir.resolve("tx-run-" + run + ".log");
            logs.add(log);
            Process node = start("tx:" + url, log, "node", "-");
            if (run == KILLS) {
                last = node;
                break;
            }
            await(() -> lines(log).size() > 0, "run " + run + " to deliver");
            Thread.sleep(100 + random.nextInt(900));
            kill(node);
            progress(String.format("transacted run %d: killed after %d records routed", run, lines(log).size()));
        }
        appending.set(false);
        appender.join();
        // the routing logs are written before the commit: once they hold every record, let a few polls commit, then
        // stop the last node (SIGTERM: the database is closed on exit) and read the database it leaves
        await(() -> logs.stream().flatMap(l -> lines(l).stream()).filter(id -> id.startsWith(prefix)).distinct().count()
                    >= appended.size(), "every record routed");
        Thread.sleep(1000);
        last.destroy();
        last.waitFor();
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        finishExactlyOnce(h2, KILLS);
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void twoNodesTransactedOnPostgresqlTheLeaderKilledSixTimesStoreEachRecordOnce() throws Exception {
        PostgresServer pg = PostgresServer.sharedOrSkip();
        String cluster = dir.resolve("cluster-tx").toString();
        startAppending();
        Map<String, Process> nodes = new HashMap<>();
        Map<String, Path> currentLog = new HashMap<>();
        int[] runs = {0};
        for (String node : List.of("node-a", "node-b")) {
            Path log = dir.resolve("tx-" + node + "-" + runs[0]++ + ".log");
            currentLog.put(node, log);
            nodes.put(node, start("tx:" + pg.jdbcUrl(), log, node, cluster));
        }
        for (int kill = 0; kill < KILLS; kill++) {
            await(() -> currentLog.values().stream().anyMatch(l -> lines(l).size() > 0), "a leader to deliver");
            Thread.sleep(200 + random.nextInt(800));
            String leader = leader(currentLog);
            kill(nodes.get(leader));
            String other = leader.equals("node-a") ? "node-b" : "node-a";
            int otherBefore = lines(currentLog.get(other)).size();
            await(() -> lines(currentLog.get(other)).size() > otherBefore, "the other node to take over");
            Path log = dir.resolve("tx-" + leader + "-" + runs[0]++ + ".log");
            currentLog.put(leader, log);
            nodes.put(leader, start("tx:" + pg.jdbcUrl(), log, leader, cluster));
        }
        finishExactlyOnce(pg.dataSource(), KILLS);
    }

    /**
     * Waits until the database holds a row for every appended record, then checks that none is missing and none is
     * there twice: what the route wrote and the feed state committed together, whatever the kills interrupted.
     */
    private void finishExactlyOnce(DataSource ds, int kills) throws Exception {
        appending.set(false);
        if (appender.isAlive()) {
            appender.join();
        }
        String mine = " FROM delivered WHERE record_id LIKE '" + prefix + "%'";
        await(() -> countOrZero(ds, "SELECT COUNT(DISTINCT record_id)" + mine) >= appended.size(),
                () -> appended.size() + " records stored, not " + countOrZero(ds, "SELECT COUNT(DISTINCT record_id)" + mine));
        Thread.sleep(500); // more polls: nothing else may come
        Set<String> stored = new HashSet<>();
        List<String> twice = new ArrayList<>();
        try (var c = ds.getConnection(); var st = c.createStatement();
             var r = st.executeQuery("SELECT record_id, COUNT(*)" + mine + " GROUP BY record_id")) {
            while (r.next()) {
                stored.add(r.getString(1));
                if (r.getInt(2) > 1) {
                    twice.add(r.getString(1) + " x" + r.getInt(2));
                }
            }
        }
        Set<String> missing = new HashSet<>(appended);
        missing.removeAll(stored);
        System.out.printf("%s (transacted): %d records, %d kills, %d stored, %d missing, %d stored twice%n",
                getClass().getSimpleName(), appended.size(), kills, stored.size(), missing.size(), twice.size());
        progress(String.format("transacted: %d records, %d kills, %d missing, %d twice", appended.size(), kills,
                missing.size(), twice.size()));
        assertEquals(Set.of(), missing, "no record missing");
        assertEquals(List.of(), twice, "no record stored twice");
    }

    private static int countOrZero(DataSource ds, String sql) {
        try {
            return count(ds, sql);
        } catch (Exception e) {
            return 0; // the table is not created yet
        }
    }

    /** Waits until every appended record is delivered, then checks the delivery logs of all runs. */
    private void finish(List<Path> logs, Map<Integer, Set<String>> atRisk) throws Exception {
        appending.set(false);
        appender.join();
        // this test's records only: the shared simulator's feed still holds the records of the class's other tests
        await(() -> logs.stream().flatMap(l -> lines(l).stream()).filter(id -> id.startsWith(prefix)).distinct().count()
                    >= appended.size(),
                () -> appended.size() + " records delivered, not " + logs.stream().flatMap(l -> lines(l).stream())
                        .filter(id -> id.startsWith(prefix)).distinct().count());
        progress("all delivered");
        Thread.sleep(500); // more polls: nothing else may come
        Map<String, Integer> times = new HashMap<>();
        logs.forEach(l -> lines(l).stream().filter(id -> id.startsWith(prefix)).forEach(id -> times.merge(id, 1, Integer::sum)));
        Set<String> missing = new HashSet<>(appended);
        missing.removeAll(times.keySet());
        assertEquals(Set.of(), missing, "no record missing");
        Set<String> allowed = new HashSet<>();
        atRisk.values().forEach(allowed::addAll);
        List<String> twice = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> unexpected = twice.stream().filter(id -> times.get(id) > 2 || !allowed.contains(id)).toList();
        System.out.printf("%s: %d records, %d kills, %d delivered again (at most %d per kill allowed)%n",
                getClass().getSimpleName(), appended.size(), atRisk.size(), twice.size(), WRITE_EVERY);
        assertEquals(List.of(), unexpected, "no record delivered again whose delivery a state write had made durable");
        assertTrue(twice.size() <= atRisk.size() * WRITE_EVERY, twice.size() + " records delivered again after "
                                                                + atRisk.size() + " kills");
    }

    /** Appends a record or two to the feed every 25 ms (about 60 a second), time-stamped now (inside the overlap window). */
    private void startAppending() {
        appender = new Thread(() -> {
            int n = 0;
            while (appending.get()) {
                for (int i = 0; i < 1 + random.nextInt(2); i++) {
                    String id = String.format("%s%06d", prefix, n++);
                    SIMULATOR.simulator().analytics().append("analyticsCalls", Map.of("id", id,
                            "timestamp", Instant.now().toString(), "direction", "inbound", "outcome", "completed"));
                    appended.add(id);
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "feed-appender");
        appender.start();
    }

    private Process start(String store, Path log, String node, String cluster) throws IOException {
        Files.createFile(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FeedNode.class.getName(), SIMULATOR.baseUrl(), store,
                log.toString(), node, cluster, String.valueOf(WRITE_EVERY))
                .redirectErrorStream(true).redirectOutput(outputOf(log)).start();
        running.add(p);
        return p;
    }

    private static void progress(String line) {
        System.out.println(line);
        try {
            Path file = Path.of("target", "feed-kill", "progress.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node's console, kept under target/ for a look after a failure. */
    private static File outputOf(Path log) throws IOException {
        Path out = Path.of("target", "feed-kill", log.getFileName() + ".out");
        Files.createDirectories(out.getParent());
        return out.toFile();
    }

    /** SIGKILL: no shutdown hook, no final write. */
    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Unix
        p.waitFor();
    }

    /** The node whose delivery log is growing. */
    private static String leader(Map<String, Path> logs) throws InterruptedException {
        Map<String, Integer> before = new HashMap<>();
        logs.forEach((node, log) -> before.put(node, lines(log).size()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            for (Map.Entry<String, Path> e : logs.entrySet()) {
                if (lines(e.getValue()).size() > before.get(e.getKey())) {
                    return e.getKey();
                }
            }
        }
        throw new AssertionError("no node delivers");
    }

    private static String keyOf(Path stateFile) throws IOException {
        return Files.readAllLines(stateFile).get(1).substring("key ".length());
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(DataSource ds, String sql) throws Exception {
        try (var c = ds.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        // generous: a child JVM took up to 21 s to start on a 2-core machine loaded by other builds
        Await.until(condition, Duration.ofSeconds(90), what);
    }
}
