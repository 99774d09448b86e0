package io.github.camelai4call.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.camelai4call.simulator.DemoKeys;

/**
 * Reads what the reader's project printed while Maven built, tested and ran it (the invoker's {@code build.log}) and
 * checks it shows what docs/getting-started.md promises the reader: the test passed, the route logged the call it
 * placed, the program printed what the simulator received, and no line holds a key.
 *
 * <p>Argument: {@code <build.log>}.
 */
public final class ReaderRunLog {

    /** The route's {@code log("call ${body[callId]} is ${body[status]}")}. */
    private static final Pattern ROUTE_LINE = Pattern.compile("call call_[0-9a-f]+ is queued");
    /** FirstRoute's summary of the simulator's calls. */
    private static final Pattern PROGRAM_LINE = Pattern.compile("simulator: call to \\+\\d+ for lead \\S+");
    private static final String TEST_PASSED = "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0";
    /** Where Maven starts {@code exec:java}: FirstRouteTest logs the route's line too, before it. */
    private static final String EXEC_JAVA = "exec-maven-plugin:";

    private ReaderRunLog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: <build.log>");
        }
        Path log = Path.of(args[0]);
        List<String> problems = problems(Files.readString(log, StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(log + " does not show what docs/getting-started.md promises:\n- "
                                            + String.join("\n- ", problems));
        }
        System.out.println("The reader's project ran as docs/getting-started.md says (" + log + ")");
    }

    /** What the log lacks or should not hold, empty when it is as the page says. */
    static List<String> problems(String log) {
        List<String> problems = new ArrayList<>();
        if (!log.contains(TEST_PASSED)) {
            problems.add("FirstRouteTest did not pass (no '" + TEST_PASSED + "')");
        }
        int run = log.lastIndexOf(EXEC_JAVA);
        String program = run < 0 ? "" : log.substring(run);
        if (run < 0) {
            problems.add("mvn exec:java did not run FirstRoute (no '" + EXEC_JAVA + "')");
        }
        if (!ROUTE_LINE.matcher(program).find()) {
            problems.add("FirstRoute's run shows no route log line 'call call_... is queued'");
        }
        if (!PROGRAM_LINE.matcher(program).find()) {
            problems.add("FirstRoute did not print 'simulator: call to +... for lead ...'");
        }
        problems.addAll(DemoKeys.linesWithKeys("build.log", log));
        return problems;
    }
}
