package io.github.camelai4call.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system-call count reads the counters of perf's CSV output as perf writes it, and refuses what it lacks. */
class SystemCallCountTest {

    private static final String PERF_CSV = """
            # started on Thu Dec  3 17:13:02 2026

            2027441,,raw_syscalls:sys_enter,9809254515,100.00,,
            1027606,,context-switches,9809254515,100.00,55.777,K/sec
            """;

    @Test
    void readsEachCounterByItsEventName() {
        assertEquals(2_027_441, SystemCallCount.counter(PERF_CSV, "raw_syscalls:sys_enter"));
        assertEquals(1_027_606, SystemCallCount.counter(PERF_CSV, "context-switches"));
    }

    @Test
    void aCounterPerfDidNotReportIsNamed() {
        String notCounted = "<not counted>,,raw_syscalls:sys_enter,0,0.00,,\n";
        IllegalStateException uncounted = assertThrows(IllegalStateException.class,
                () -> SystemCallCount.counter(notCounted, "raw_syscalls:sys_enter"));
        assertTrue(uncounted.getMessage().contains("perf did not count raw_syscalls:sys_enter: <not counted>"),
                uncounted.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SystemCallCount.counter(PERF_CSV, "cpu-migrations"));
        assertTrue(missing.getMessage().contains("perf reported no cpu-migrations"), missing.getMessage());
    }
}
