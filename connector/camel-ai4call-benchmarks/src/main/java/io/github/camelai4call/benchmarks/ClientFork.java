package io.github.camelai4call.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The harness's handle on one client in a JVM of its own ({@link ForkMain}), as JMH forks each benchmark: in a JVM
 * shared by several clients the JIT compiles the code they share (HttpCore, Jackson, Camel) with the mixed profile
 * of all of them, which slowed the leanest client most. Each fork starts the same two servers in its own JVM: the
 * simulator, and the recorded-answer server with the simulator's answers (with the servers in another process,
 * every request cost two switches between processes, which on 2 cores hid much of the clients' own cost).
 * <p>
 * All forks live for the whole run, but only one works at a time: the harness sends a fork one
 * {@link ForkProtocol.Command} and waits for its answer, while the other forks wait idle. So the harness can still
 * interleave the timed rounds of all clients, and drift of the machine (other load, frequency) falls on all of them
 * alike.
 */
final class ClientFork implements AutoCloseable {

    final ClientKind kind;
    private final Process child;
    private final BufferedReader out;
    private final Writer in;

    /** Starts the JVM of one client and waits until its servers are up. */
    ClientFork(ClientKind kind, RunSettings settings) throws IOException {
        this.kind = kind;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m"));
        if (!settings.forkJvmArgs().isBlank()) {
            // e.g. -Dbench.forkJvmArgs=-XX:StartFlightRecording=filename=fork.jfr to profile the forks
            cmd.addAll(List.of(settings.forkJvmArgs().trim().split("\\s+")));
        }
        for (String p : RunSettings.FORK_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkMain.class.getName(), kind.name()));
        this.child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        expect(answer(), ForkProtocol.Ready.class);
    }

    /**
     * Builds the client against {@code server}, calls each operation once, then warms it up.
     *
     * @return the warm-up, or empty when the client failed (then added to {@code problems})
     */
    Optional<ForkProtocol.Warmed> prepare(Server server, List<String> problems) throws IOException {
        ForkProtocol.Answer a = send(new ForkProtocol.Prepare(server));
        if (a instanceof ForkProtocol.Failed failed) {
            problems.add(failed.reason());
            return Optional.empty();
        }
        return Optional.of(expect(a, ForkProtocol.Warmed.class));
    }

    /** Warms the prepared client up on one (operation, callers) pair. */
    ForkProtocol.Warmed warmUp(Client.Op op, int callers) throws IOException {
        return expect(send(new ForkProtocol.WarmUp(op, callers)), ForkProtocol.Warmed.class);
    }

    /** One timed round. */
    ForkProtocol.RoundResult round(Client.Op op, int callers, double seconds) throws IOException {
        return expect(send(new ForkProtocol.TimedRound(op, callers, seconds)), ForkProtocol.RoundResult.class);
    }

    private ForkProtocol.Answer send(ForkProtocol.Command command) throws IOException {
        in.write(ForkProtocol.encode(command) + "\n");
        in.flush();
        return answer();
    }

    /** Passes the fork's log lines through and returns its answer. */
    private ForkProtocol.Answer answer() throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            ForkProtocol.Answer answer = ForkProtocol.answer(line);
            if (answer != null) {
                return answer;
            }
            System.out.println(line);
        }
        throw new IOException("the " + kind.label + " fork ended (exit code " + exitCode() + ")");
    }

    private <A extends ForkProtocol.Answer> A expect(ForkProtocol.Answer answer, Class<A> type) throws IOException {
        if (!type.isInstance(answer)) {
            throw new IOException("the " + kind.label + " fork answered " + answer + " where a " + type.getSimpleName()
                                  + " was due");
        }
        return type.cast(answer);
    }

    private String exitCode() {
        try {
            return String.valueOf(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.write(ForkProtocol.encode(new ForkProtocol.Exit()) + "\n");
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        out.close();
    }
}
