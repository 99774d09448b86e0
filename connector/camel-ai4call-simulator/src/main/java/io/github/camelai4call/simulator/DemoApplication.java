package io.github.camelai4call.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An application run in a JVM of its own against the simulator, the way its users start it: the connection and the
 * keys in the {@code AI4CALL_*} environment variables the examples read, its console written to a file, stopped with
 * SIGTERM so that its graceful shutdown logs too. For tests that read everything an application printed (the log
 * tests under Camel Main, Spring Boot and Quarkus); {@link DemoKeys} then finds the keys in it, and what this class
 * reports of the console on a failure is masked the same way.
 */
public final class DemoApplication implements AutoCloseable {

    /** How many of the console's last lines a failure shows. */
    private static final int LINES_SHOWN = 60;
    /** How long the graceful shutdown may take before the JVM is killed. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    private final Process process;
    private final Path console;

    private DemoApplication(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /**
     * The variables the examples take their connection and keys from ({@code AI4CALL_BASE_URL}, {@code AI4CALL_EMAIL},
     * {@code AI4CALL_PORTAL_API_KEY}, {@code AI4CALL_ASSISTANT_API_KEY}), for the simulator's demo account.
     */
    public static Map<String, String> environment(String baseUrl, String assistantApiKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AI4CALL_BASE_URL", baseUrl);
        env.put("AI4CALL_EMAIL", DemoData.DEMO_EMAIL);
        env.put("AI4CALL_PORTAL_API_KEY", DemoData.DEMO_PORTAL_API_KEY);
        env.put("AI4CALL_ASSISTANT_API_KEY", assistantApiKey);
        return env;
    }

    /**
     * Starts the command in that folder, its output and errors to the console file (replaced if it exists).
     *
     * @param environment added to this JVM's environment, e.g. {@link #environment(String, String)}
     */
    public static DemoApplication start(List<String> command, Path dir, Path console, Map<String, String> environment)
            throws IOException {
        Files.deleteIfExists(console);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        return new DemoApplication(builder.start(), console);
    }

    /**
     * Waits until the console holds what {@code done} looks for, and returns it. Fails, showing the console's last
     * lines masked, when the application stops first or the time runs out.
     *
     * @param what what {@code done} waits for, for the failure ("the routes to finish")
     */
    public String awaitConsole(Predicate<String> done, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String text = console(); !done.test(text); text = console()) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped (exit " + process.exitValue() + ") before " + what
                                         + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " in " + timeout.toSeconds() + " s:\n" + tail());
            }
            Thread.sleep(200);
        }
        return console();
    }

    /** All the application printed so far (after {@link #close()}: all it printed). */
    public String console() throws IOException {
        return text(console);
    }

    /** The console's last lines, keys masked: what a failure message may show. */
    public String tail() throws IOException {
        return DemoKeys.maskedTail(console(), LINES_SHOWN);
    }

    /** A file the application writes (its log file, say), empty while it does not exist. */
    public static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** SIGTERM, then up to a minute for the graceful shutdown (whose lines are part of the console), then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
