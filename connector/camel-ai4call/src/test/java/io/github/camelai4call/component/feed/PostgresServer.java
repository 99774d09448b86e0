package io.github.camelai4call.component.feed;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for the tests, in a temporary directory on a free loopback port: Debian's
 * {@code postgresql} package is installed when missing (as root: CI runs on a fresh machine), the cluster is made
 * with initdb and started with pg_ctl as the postgres user. Where that cannot be done the tests that need it are
 * skipped, with the reason printed loudly.
 */
public final class PostgresServer {

    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    private static PostgresServer shared;
    private static String notAvailable;

    /**
     * The server of this test JVM, started at the first call (initdb takes seconds) and stopped when the JVM exits;
     * or aborts the calling test (skipped) with the reason.
     */
    public static synchronized PostgresServer sharedOrSkip() {
        if (shared == null && notAvailable == null) {
            try {
                shared = start();
                PostgresServer server = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        System.err.println("PostgreSQL test server not stopped: " + e);
                    }
                }));
            } catch (Exception e) {
                notAvailable = e.getMessage();
            }
        }
        if (shared == null) {
            skip(notAvailable);
        }
        return shared;
    }

    private static PostgresServer start() throws Exception {
        Path bin = binaries();
        if (bin == null && isRoot()) {
            run(List.of("apt-get", "update", "-qq"), 300);
            run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "postgresql"),
                    600);
            bin = binaries();
        }
        if (bin == null) {
            throw new IOException("PostgreSQL is not installed and could not be installed (apt-get install "
                                  + "postgresql, as root)");
        }
        Path dir = Files.createTempDirectory("ai4call-pg");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), 30);
        }
        Path data = dir.resolve("data");
        run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8"), 120);
        int port = freePort();
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"), 90);
        return new PostgresServer(bin, dir, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        return ds;
    }

    private void close() throws Exception {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"), 60);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static void skip(String why) {
        String banner = "\n*** SKIPPED: the PostgreSQL feed state tests did not run. " + why + " ***\n";
        System.err.println(banner);
        System.out.println(banner);
        Assumptions.abort(banner);
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** initdb and the server refuse to run as root: run them as postgres when the tests run as root. */
    private static List<String> asPostgres(String... command) {
        List<String> all = new ArrayList<>();
        if (isRoot()) {
            all.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within " + seconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + new String(output));
        }
    }
}
