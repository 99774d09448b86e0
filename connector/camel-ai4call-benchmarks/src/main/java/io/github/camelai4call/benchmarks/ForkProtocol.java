package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the harness and a client's fork say to each other, one line each way. The harness writes a {@link Command}
 * on the fork's standard input; the fork does it and writes one {@link Answer} on its standard output, a line that
 * starts with {@value #ANSWER_MARK} (its other lines are its log, which the harness passes through). A message is
 * its record's name, a space, and the record as JSON, so that every field is read by its name.
 */
final class ForkProtocol {

    static final String ANSWER_MARK = "@@";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForkProtocol() {
    }

    /** From the harness to a fork. */
    sealed interface Command permits Prepare, WarmUp, TimedRound, Exit {
    }

    /**
     * Build the client against this server, call each operation once, then warm it up (both operations at
     * {@link Goals#CALLERS} callers until neither rises any more). Answer: {@link Warmed} or {@link Failed}.
     */
    record Prepare(Server server) implements Command {
    }

    /** Warm the prepared client up on one (operation, callers) pair. Answer: {@link Warmed}. */
    record WarmUp(Client.Op op, int callers) implements Command {
    }

    /** One timed round. Answer: {@link RoundResult}. */
    record TimedRound(Client.Op op, int callers, double seconds) implements Command {
    }

    /** Close the client and the servers, and end the JVM. No answer. */
    record Exit() implements Command {
    }

    /** From a fork to the harness. */
    sealed interface Answer permits Ready, Warmed, RoundResult, Failed {
    }

    /** The fork's servers are up. */
    record Ready() implements Answer {
    }

    /** How long a warm-up took, and whether the throughput was steady at its end (else its maximum was reached). */
    record Warmed(double seconds, boolean steady) implements Answer {
    }

    /**
     * One timed round: completed calls per second, failed calls, the first failure (or null), and the fork's user
     * and system CPU per completed call in microseconds (client and servers together; NaN where not measured).
     */
    record RoundResult(double rate, long errors, String firstError, double userMicrosPerCall,
            double systemMicrosPerCall) implements Answer {
    }

    /** The client could not be built or failed a call before anything was timed. */
    record Failed(String reason) implements Answer {
    }

    static String encode(Command command) {
        return line(command);
    }

    static String encode(Answer answer) {
        return ANSWER_MARK + line(answer);
    }

    static Command command(String line) throws IOException {
        return decode(line, Command.class);
    }

    /** The answer in a line of the fork's output, or null for a log line. */
    static Answer answer(String line) throws IOException {
        return line.startsWith(ANSWER_MARK) ? decode(line.substring(ANSWER_MARK.length()), Answer.class) : null;
    }

    private static String line(Object message) {
        try {
            return message.getClass().getSimpleName() + " " + JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T decode(String line, Class<T> family) throws IOException {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        for (Class<?> type : family.getPermittedSubclasses()) {
            if (type.getSimpleName().equals(name)) {
                return family.cast(JSON.readValue(line.substring(space + 1), type));
            }
        }
        throw new IOException("not a " + family.getSimpleName() + ": " + line);
    }
}
