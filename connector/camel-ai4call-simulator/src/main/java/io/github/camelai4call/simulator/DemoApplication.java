package io.github.camelai4call.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
     * @param environment added to this JVM's environment, e.g. {@link #environment(String, String)}; the
     *                    {@code AI4CALL_*} variables of this JVM's environment are not passed on, so that none of the
     *                    developer's own (a real key, {@code AI4CALL_PLACE_CALLS}) reaches the application
     */
    public static DemoApplication start(List<String> command, Path dir, Path console, Map<String, String> environment)
            throws IOException {
        Files.deleteIfExists(console);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AI4CALL_"));
        builder.environment().putAll(environment);
        return new DemoApplication(builder.start(), console);
    }

    /**
     * Waits until the console holds what {@code done} looks for, and returns it. Fails, showing the console's last
     * lines masked, when the application stops without having printed it or the time runs out.
     *
     * @param what what {@code done} looks for, for the failure ("the three calls and their outcomes")
     */
    public String awaitConsole(Predicate<String> done, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean stopped = !process.isAlive(); // before reading: what it printed before it stopped is then read
            String text = console();
            if (done.test(text)) {
                return text;
            }
            if (stopped) {
                throw new AssertionError("the application stopped (exit " + process.exitValue()
                                         + ") and its console does not show " + what + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console does not show " + what + " after " + timeout.toSeconds() + " s:\n"
                                         + tail());
            }
            Thread.sleep(200);
        }
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

    /**
     * SIGTERM to the application and to the processes it started (a launcher script's JVM, say), then up to a minute
     * for the graceful shutdown, whose lines are part of the console; SIGKILL to whatever is left.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        started.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + SHUTDOWN.toNanos();
        try {
            process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            for (ProcessHandle child : started) {
                awaitExit(child, deadline - System.nanoTime());
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor();
            }
            started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitExit(ProcessHandle child, long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        try {
            child.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // still running: the finally of close() kills it
        }
    }
}
