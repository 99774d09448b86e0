package io.github.camelai4call.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a log test reports: the lines that hold a key, numbered and masked, and nothing of the keys themselves. */
class DemoKeysTest {

    private static final String LOG = String.join("\n",
            "started",
            "calling with x-portal-api-key=" + DemoData.DEMO_PORTAL_API_KEY,
            "assistant " + DemoData.ACME_ASSISTANT_RECEPTION + " answered",
            "portalApiKey = xxxxxx",
            "acme " + DemoData.ACME_PORTAL_API_KEY,
            "signing with " + DemoData.DEMO_WEBHOOK_SECRET,
            "stopped");

    @Test
    void findsEachLineWithAKeyAndShowsItMasked() {
        assertEquals(List.of("app.log:2: calling with x-portal-api-key=<PORTAL KEY>",
                "app.log:3: assistant <ASSISTANT KEY> answered",
                "app.log:5: acme <PORTAL KEY>",
                "app.log:6: signing with <WEBHOOK SECRET>"), DemoKeys.linesWithKeys("app.log", LOG));
    }

    @Test
    void aTextWithoutKeysHasNoSuchLine() {
        assertEquals(List.of(), DemoKeys.linesWithKeys("app.log", "portalApiKey = xxxxxx\nassistantApiKey = xxxxxx"));
    }

    @Test
    void theTailOfAnOutputIsShownMasked() {
        assertEquals("signing with <WEBHOOK SECRET>\nstopped", DemoKeys.maskedTail(LOG, 2));
        assertEquals(DemoKeys.masked(LOG), DemoKeys.maskedTail(LOG, 100));
    }

    @Test
    void aLongLineIsCutInTheReport() {
        String line = DemoData.DEMO_ASSISTANT_SALES + " " + "x".repeat(2000);
        String reported = DemoKeys.linesWithKeys("out", line).get(0);
        assertEquals("out:1: <ASSISTANT KEY> " + "x".repeat(600 - DemoData.DEMO_ASSISTANT_SALES.length() - 1), reported);
    }
}
