package io.github.camelai4call.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application in a JVM (here a shell) of its own: its environment, its console, and failures shown masked. */
class DemoApplicationTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationGetsTheDemoEnvironmentAndItsConsoleIsReadUntilDone() throws Exception {
        Path console = dir.resolve("out.log");
        DemoApplication app = DemoApplication.start(List.of("sh", "-c", "echo \"email $AI4CALL_EMAIL at $AI4CALL_BASE_URL\"; "
                + "trap 'echo stopping; exit 0' TERM; echo ready; while true; do sleep 0.1; done"), dir, console,
                DemoApplication.environment("http://127.0.0.1:1", DemoData.DEMO_ASSISTANT_SALES));
        try (app) {
            String started = app.awaitConsole(out -> out.contains("ready"), Duration.ofSeconds(30), "ready line");
            assertTrue(started.contains("email " + DemoData.DEMO_EMAIL + " at http://127.0.0.1:1"), started);
        }
        assertTrue(app.console().contains("stopping"), "close() sends SIGTERM, and the shutdown's lines are kept: "
                + app.console());
        assertEquals(app.console(), Files.readString(console));
    }

    @Test
    void anApplicationThatStopsEarlyFailsWithItsLastLinesMasked() throws Exception {
        DemoApplication app = DemoApplication.start(List.of("sh", "-c", "echo \"key $AI4CALL_PORTAL_API_KEY\"; exit 3"),
                dir, dir.resolve("out.log"), DemoApplication.environment("http://127.0.0.1:1", DemoData.DEMO_ASSISTANT_SALES));
        try (app) {
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> app.awaitConsole(out -> out.contains("never"), Duration.ofSeconds(30), "never line"));
            assertTrue(failure.getMessage().contains("stopped (exit 3) and its console does not show never line"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("key <PORTAL KEY>"), failure.getMessage());
            assertFalse(failure.getMessage().contains(DemoData.DEMO_PORTAL_API_KEY), failure.getMessage());
        }
    }

    @Test
    void whatAnApplicationPrintedJustBeforeItStoppedIsFound() throws Exception {
        DemoApplication app = DemoApplication.start(List.of("sh", "-c", "echo done"), dir, dir.resolve("out.log"), Map.of());
        try (app) {
            Thread.sleep(500); // stopped before the first look
            assertEquals("done\n", app.awaitConsole(out -> out.contains("done"), Duration.ofSeconds(30), "done"));
        }
    }

    @Test
    void closeAlsoStopsWhatALauncherStarted() throws Exception {
        // a launcher that does not exec: the process that matters is its child
        DemoApplication app = DemoApplication.start(List.of("sh", "-c", "sleep 300 & echo \"pid $!\"; wait"), dir,
                dir.resolve("out.log"), Map.of());
        long pid;
        try (app) {
            String out = app.awaitConsole(text -> text.contains("pid "), Duration.ofSeconds(30), "the child's pid");
            pid = Long.parseLong(out.substring(out.indexOf("pid ") + 4).strip());
            assertTrue(ProcessHandle.of(pid).isPresent(), "the launcher's child runs");
        }
        Thread.sleep(200);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the launcher's child was stopped");
    }

    @Test
    void aFileNotYetWrittenReadsAsEmpty() throws Exception {
        assertEquals("", DemoApplication.text(dir.resolve("app.log")));
        assertEquals(Map.of("AI4CALL_BASE_URL", "u", "AI4CALL_EMAIL", DemoData.DEMO_EMAIL, "AI4CALL_PORTAL_API_KEY",
                DemoData.DEMO_PORTAL_API_KEY, "AI4CALL_ASSISTANT_API_KEY", "a"), DemoApplication.environment("u", "a"));
    }
}
