package io.github.camelai4call.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The build's Kaoto catalog in the Kaoto web UI ({@code @kaoto/kaoto} from npm, bundled with Vite), in headless
 * Chromium driven by {@code playwright-core}: what a user sees in the catalog filtered by "ai4call", on the canvas of
 * the CRM example route and in the form of its {@code kamelet:ai4call-outbound-call-sink} step. The screenshots go to
 * target/kaoto-screenshots (docs/images/ with {@code -Dkaoto.screenshots.dir}), where docs/kamelets.md shows them. Skipped, loudly, where node or Chromium is absent.
 */
class KaotoBrowserTest {

    private static final Path ROUTE = KameletFiles.repoRoot()
            .resolve("routes-examples/src/main/resources/routes/kamelet-crm-leads-to-calls.camel.yaml");
    /**
     * Where the screenshots go: target/kaoto-screenshots, so that a build leaves the tree clean; the ones docs/kamelets.md
     * shows are committed from a run with {@code -Dkaoto.screenshots.dir=<repo>/docs/images}.
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("kaoto.screenshots.dir", "target/kaoto-screenshots"))
            .toAbsolutePath();

    /** The screenshots drive.mjs takes. */
    private static final String[] SCREENSHOT_FILES = { "kaoto-catalog-ai4call.png",
            "kaoto-route-outbound-call-sink.png", "kaoto-outbound-call-sink-form.png" };

    private static JsonNode seen;
    private static long openedAt;

    /** Why the browser cannot be driven here, or null. */
    private static String skipped;

    @BeforeAll
    static void openKaoto() throws Exception {
        String chromium = KaotoPage.chromium().orElse(null);
        if (KaotoPage.node().isEmpty()) {
            skipped = "SKIPPED KaotoBrowserTest: node and npm are not on the PATH; this test renders the Kaoto catalog "
                    + "in a browser and is skipped, not passed (install Node.js 20 or later)";
        } else if (chromium == null) {
            skipped = "SKIPPED KaotoBrowserTest: no Chromium (chromium or chromium-browser on the PATH, or "
                    + "-Dchromium=<path>); this test is skipped, not passed (Debian: apt-get install -y chromium)";
        }
        if (skipped != null) {
            System.err.println("\n*** " + skipped + " ***\n");
            return;
        }
        Path catalog = Path.of(System.getProperty("kaoto.catalog.dir", "target/kaoto-catalog")).toAbsolutePath();
        Path page = KaotoPage.build();
        openedAt = System.currentTimeMillis() - 1000;
        try (StaticFileServer server = new StaticFileServer(Map.of("/", page, "/catalog/", catalog))) {
            String json = KaotoPage.drive(server.baseUrl() + "/", server.baseUrl() + "/catalog/index.json", chromium,
                    SCREENSHOTS, ROUTE);
            seen = KameletFiles.JSON.readTree(json);
        }
        assertFalse(seen.has("error"), () -> "Kaoto in the browser: " + seen.path("error").asText()
                + "\nbrowser console errors: " + seen.path("console"));
    }

    @BeforeEach
    void skipWithoutBrowser() {
        assumeTrue(skipped == null, skipped);
    }

    @Test
    void catalogFilteredByAi4callListsEveryAi4callKameletWithItsTitleAndIcon() {
        Map<String, JsonNode> kamelets = KameletFiles.kamelets();
        Set<String> listed = new HashSet<>();
        for (JsonNode tile : seen.path("tiles")) {
            listed.add(tile.path("name").asText());
        }
        for (JsonNode kamelet : kamelets.values()) {
            String name = KameletFiles.name(kamelet);
            assertTrue(listed.contains(name), name + " is listed (listed: " + listed + ")");
        }
        assertEquals("Kamelet " + kamelets.size(), seen.path("kameletCount").asText().trim(), "the Type filter's count");
        for (JsonNode tile : seen.path("tiles")) {
            JsonNode kamelet = kamelets.get(tile.path("name").asText() + ".kamelet.yaml");
            if (kamelet == null) {
                continue;
            }
            assertEquals(kamelet.path("spec").path("definition").path("title").asText(), tile.path("title").asText());
            assertEquals(icon(kamelet), tile.path("icon").asText(), tile.path("name").asText() + " shows its icon");
        }
    }

    @Test
    void routeStepUsingTheOutboundCallSinkRendersAsANodeWithItsIcon() {
        JsonNode outboundCallSink = KameletFiles.kamelets().get("ai4call-outbound-call-sink.kamelet.yaml");
        assertTrue(seen.path("node").path("text").asText().contains("kamelet:ai4call-outbound-call-sink"),
                () -> "node: " + seen.path("node") + ", all nodes: " + seen.path("nodes"));
        assertEquals(icon(outboundCallSink), seen.path("node").path("icon").asText());
    }

    @Test
    void theStepsFormShowsThePortalApiKeyAsAPasswordField() {
        JsonNode definition = KameletFiles.kamelets().get("ai4call-outbound-call-sink.kamelet.yaml").path("spec")
                .path("definition");
        JsonNode form = seen.path("form");
        assertEquals(definition.path("title").asText(), form.path("title").asText(), () -> "form: " + form);
        for (JsonNode required : definition.path("required")) {
            String label = definition.path("properties").path(required.asText()).path("title").asText();
            assertTrue(form.path("labels").toString().contains("\"" + label + "\""), label + " in " + form);
        }
        assertEquals("password", form.path("portalApiKeyType").asText(), () -> "form: " + form);
    }

    @Test
    void theKameletsPageShowsTheScreenshotsTaken() throws Exception {
        String page = Files.readString(KameletFiles.repoRoot().resolve("docs/kamelets.md"));
        for (String shot : SCREENSHOT_FILES) {
            assertTrue(Files.getLastModifiedTime(SCREENSHOTS.resolve(shot)).toMillis() >= openedAt, shot + " taken now");
            assertTrue(page.contains("](images/" + shot + ")"), "docs/kamelets.md shows " + shot);
            assertTrue(Files.size(KameletFiles.repoRoot().resolve("docs/images").resolve(shot)) > 0, "docs/images/" + shot
                                                                                                        + " committed");
        }
    }

    private static String icon(JsonNode kamelet) {
        return kamelet.path("metadata").path("annotations").path("camel.apache.org/kamelet.icon").asText();
    }
}
