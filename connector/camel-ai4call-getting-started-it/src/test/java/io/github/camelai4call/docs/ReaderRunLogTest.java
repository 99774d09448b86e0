package io.github.camelai4call.docs;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check of the reader's run names what is missing, and a key the program printed, shown masked. */
class ReaderRunLogTest {

    private static final String AS_THE_PAGE_SAYS = String.join("\n",
            "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0",
            "[com.example.FirstRoute.main()] INFO route1 - call call_f26a0f715e793040 is queued",
            "simulator: call to +390810000101 for lead L-1");

    @Test
    void aRunAsThePageSaysHasNoProblem() {
        assertEquals(List.of(), ReaderRunLog.problems(AS_THE_PAGE_SAYS));
    }

    @Test
    void aMissingLineAndAPrintedKeyAreNamed() {
        List<String> problems = ReaderRunLog.problems(
                "[OutboundCall[assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES + ", to=+390810000101]]");
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("FirstRouteTest did not pass"), problems.toString());
        assertTrue(problems.get(1).contains("'call call_... is queued' is missing"), problems.toString());
        assertTrue(problems.get(2).contains("did not print 'simulator: call to"), problems.toString());
        assertEquals("build.log:1: [OutboundCall[assistantApiKey=<ASSISTANT KEY>, to=+390810000101]]", problems.get(3));
    }
}
