package io.github.camelai4call.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.support.JsonMapper;

/**
 * The callback benchmark compares like with like: both routes give the same answer to the same signed tool call, and
 * only the ai4call: route refuses a request signed with another secret. Its report judges the ratio of the medians
 * against the goal.
 */
class CallbackBenchmarkTest {

    private static final String SECRET = "whsec_test_benchmark_4Fp9";

    @Test
    void bothRoutesGiveTheSameAnswerAndOnlyTheConsumerChecksTheSignature() throws Exception {
        try (ToolCallRoutes routes = ToolCallRoutes.start(SECRET)) {
            SignedToolCalls platform = new SignedToolCalls(SECRET);
            JsonNode ai4call = normalised(platform.call(uri(routes, ToolCallRoutes.AI4CALL_PATH)));
            assertEquals("Booked for 2026-12-03.", ai4call.get("result").asText());
            assertEquals("apt_<callId>", ai4call.get("data").get("appointmentId").asText());
            for (String path : List.of(ToolCallRoutes.PLAIN_PATH, ToolCallRoutes.CHECKED_PATH,
                    ToolCallRoutes.PLAIN_HANDOFF_PATH)) {
                assertEquals(ai4call, normalised(platform.call(uri(routes, path))), path);
            }

            SignedToolCalls impostor = new SignedToolCalls("whsec_someone_else");
            SignedToolCalls.WrongAnswer refused = assertThrows(SignedToolCalls.WrongAnswer.class,
                    () -> impostor.call(uri(routes, ToolCallRoutes.AI4CALL_PATH)));
            assertTrue(refused.getMessage().startsWith("403 "), refused.getMessage());
            assertThrows(SignedToolCalls.WrongAnswer.class, () -> impostor.call(uri(routes, ToolCallRoutes.CHECKED_PATH)));
            // the plain route checks nothing: that is what the consumer's checks are measured against
            impostor.call(uri(routes, ToolCallRoutes.PLAIN_PATH));
        }
    }

    @Test
    void judgesTheRatioOfTheMediansAgainstTheGoal() {
        Map<Integer, Map<CallbackBenchmark.Route, CallbackBenchmark.Rounds>> byClients = new LinkedHashMap<>();
        byClients.put(1, Map.of(CallbackBenchmark.Route.AI4CALL, rounds(950, 1000, 1050),
                CallbackBenchmark.Route.PLAIN, rounds(1000, 1000, 1000)));
        byClients.put(8, Map.of(CallbackBenchmark.Route.AI4CALL, rounds(2000, 3000, 3100),
                CallbackBenchmark.Route.PLAIN, rounds(3900, 4000, 4100)));
        String report = CallbackReport.markdown(new CallbackBenchmark.Result(byClients, 20, 3, 3,
                List.of(new ToolCallSteps.Step("signature check", 1200, 1500)), "4.18.0", "1.00 1.00 1.00",
                "2.00 1.00 1.00", 100, Instant.parse("2026-12-02T17:00:00Z")));
        assertTrue(report.contains("### Goal: ai4call / plain >= 0.9x requests per second"), report);
        assertTrue(report.contains("| 1 | **1.00x** | 0.95x – 1.05x |"), report);
        assertTrue(report.contains("| 8 | **0.75x** | 0.51x – 0.76x |"), report);
        assertTrue(report.contains("| yes |\n| 8 |"), report);
        assertTrue(report.contains("| **no** |"), report);
        assertTrue(report.contains("| signature check | 1,200 | 1,500 |"), report);
        assertTrue(report.contains(CallbackBenchmark.COMMAND + " -Dcallback.seconds=3 -Dcallback.rounds=3 "
                + "-Dcallback.warmup=20\n"), report);
    }

    private static CallbackBenchmark.Rounds rounds(double... rates) {
        return new CallbackBenchmark.Rounds(java.util.Arrays.stream(rates)
                .mapToObj(r -> new ToolCallLoad.Round(r, 1.0, 5.0, 0, null, 100, 100)).toList());
    }

    private static URI uri(ToolCallRoutes routes, String path) {
        return URI.create("http://127.0.0.1:" + routes.port + path);
    }

    private static JsonNode normalised(SignedToolCalls.Answered answer) throws Exception {
        return JsonMapper.get().readTree(answer.body().replace(answer.callId(), "<callId>"));
    }
}
