package io.github.camelai4call.docs;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check of the reader's run names what is missing, and a key the program printed, shown masked. */
class ReaderRunLogTest {

    private static final String TEST = String.join("\n",
            "[INFO] --- maven-surefire-plugin:3.5.3:test (default-test) @ first-ai4call-route ---",
            "[main] INFO route1 - call call_00064e28a1b2c3d4 is queued",
            "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
    private static final String AS_THE_PAGE_SAYS = String.join("\n", TEST,
            "[INFO] --- exec-maven-plugin:3.5.0:java (default-cli) @ first-ai4call-route ---",
            "[com.example.FirstRoute.main()] INFO route1 - call call_f26a0f715e793040 is queued",
            "simulator: call to +390810000101 for lead L-1");

    @Test
    void aRunAsThePageSaysHasNoProblem() {
        assertEquals(List.of(), ReaderRunLog.problems(AS_THE_PAGE_SAYS));
    }

    @Test
    void theTestsLogLineDoesNotStandInForTheProgramsOwn() {
        // mvn -q exec:java: slf4j-simple at Maven's errors-only level, the route's line missing from the run
        List<String> problems = ReaderRunLog.problems(String.join("\n", TEST,
                "[INFO] --- exec-maven-plugin:3.5.0:java (default-cli) @ first-ai4call-route ---",
                "simulator: call to +390810000101 for lead L-1"));
        assertEquals(List.of("FirstRoute's run shows no route log line 'call call_... is queued'"), problems);
    }

    @Test
    void aMissingLineAndAPrintedKeyAreNamed() {
        List<String> problems = ReaderRunLog.problems(
                "[OutboundCall[assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES + ", to=+390810000101]]");
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("FirstRouteTest did not pass"), problems.toString());
        assertTrue(problems.get(1).startsWith("mvn exec:java did not run FirstRoute"), problems.toString());
        assertTrue(problems.get(2).contains("no route log line"), problems.toString());
        assertTrue(problems.get(3).contains("did not print 'simulator: call to"), problems.toString());
        assertEquals("build.log:1: [OutboundCall[assistantApiKey=<ASSISTANT KEY>, to=+390810000101]]", problems.get(4));
    }
}
