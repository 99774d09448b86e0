package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.simulator.DemoData;

class CallOutcomesToCrmTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theOutcomeOfEachLeadsCallIsWrittenNextToTheLeadOnce(Dsl dsl) throws Exception {
        Properties props = props("crm.dir", dir.toString(), "crm.poll-delay", "100", "crm.outcomes-delay", "200",
                "crm.outcomes-since", "PT1M", "ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        start(dsl, props, ExampleFlow.CRM_LEADS_TO_CALLS, ExampleFlow.CALL_OUTCOMES_TO_CRM);

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        CrmLeadsToCallsTest.drop(inbox, "leads.csv", "lead_id,name,phone\nL-1,Maria Rossi,+390810000101\n"
                + "L-7,Anna Bianchi,+390810000107\nL-8,Luca Neri,+390810000108\nL-9,Sara Gallo,+390810000109\n");

        Path outcomes = dir.resolve("outcomes.csv");
        await("4 outcomes", Duration.ofSeconds(20), () -> lines(outcomes).size() >= 4);
        Thread.sleep(600); // a few more polls: nothing is written twice
        List<String> lines = lines(outcomes);
        assertEquals(4, lines.size(), String.join("\n", lines));
        Map<String, String> outcomeByLead = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(",");
            outcomeByLead.put(f[0], f[2]);
            assertEquals(true, f[1].startsWith("call_"), line);
        }
        assertEquals(Map.of("L-1", "completed", "L-7", "no_answer", "L-8", "busy", "L-9", "voicemail"), outcomeByLead);
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
