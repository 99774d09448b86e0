package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kaoto custom catalog the build writes into {@code target/kaoto-catalog}: a catalog library naming the Camel Main
 * catalog of the project's line, whose files all exist, and whose Kamelet aggregate holds every committed Kamelet
 * with the form Kaoto draws for it.
 */
class KaotoCatalogTest {

    private static Path catalogDir;
    private static JsonNode library;
    private static JsonNode runtimeIndex;
    private static Path runtimeDir;

    @BeforeAll
    static void readLibrary() throws IOException {
        catalogDir = Path.of(System.getProperty("kaoto.catalog.dir", "target/kaoto-catalog"));
        library = KameletFiles.JSON.readTree(catalogDir.resolve("index.json").toFile());
        Path index = catalogDir.resolve(library.path("definitions").path(0).path("fileName").asText());
        runtimeIndex = KameletFiles.JSON.readTree(index.toFile());
        runtimeDir = index.getParent();
    }

    @Test
    void libraryNamesTheCamelMainCatalogOfTheProjectsLine() {
        String camelVersion = new DefaultCamelCatalog().getCatalogVersion();
        assertTrue(library.path("name").asText().startsWith("AI4CALL catalog"), library.path("name").asText());
        assertEquals(1, library.path("definitions").size());
        JsonNode definition = library.path("definitions").path(0);
        assertEquals("Main", definition.path("runtime").asText());
        assertEquals(camelVersion, definition.path("version").asText());
        assertEquals("Camel Main " + camelVersion, definition.path("name").asText());
        assertEquals(definition.path("name").asText(), runtimeIndex.path("name").asText());
    }

    @Test
    void everyCatalogKaotoLoadsIsThere() {
        for (String key : new String[] { "components", "models", "patterns", "entities", "languages", "dataformats",
                "loadbalancers", "functions", "kamelets", "kameletBoundaries" }) {
            JsonNode entry = runtimeIndex.path("catalogs").path(key);
            assertEquals(key, entry.path("name").asText(), "catalogs." + key);
            assertTrue(Files.isRegularFile(runtimeDir.resolve(entry.path("file").asText())), "file of catalogs." + key);
        }
        assertTrue(Files.isRegularFile(runtimeDir.resolve(runtimeIndex.path("schemas").path("camelYamlDsl")
                .path("file").asText())), "the YAML DSL schema");
        assertTrue(Files.isRegularFile(runtimeDir.resolve(runtimeIndex.path("schemas").path("camel-xml-io")
                .path("file").asText())), "the XML IO schema");
    }

    @Test
    void theCamelPartHasTheComponentsAndStepsARouteUses() throws IOException {
        JsonNode components = aggregate("components");
        assertTrue(components.size() > 300, "components: " + components.size());
        assertEquals("Timer", components.path("timer").path("component").path("title").asText());
        assertEquals("object", components.path("timer").path("propertiesSchema").path("type").asText());
        assertTrue(aggregate("patterns").path("to").path("propertiesSchema").path("properties").has("uri"));
        JsonNode ai4call = components.path("ai4call");
        assertEquals(KameletFiles.descriptor().path("component").path("title").asText(),
                ai4call.path("component").path("title").asText(), "the ai4call component joins the Camel components");
        assertEquals("password", ai4call.path("propertiesSchema").path("properties").path("portalApiKey").path("format")
                .asText(), "ai4call's portalApiKey is a password field");
        assertTrue(aggregate("entities").has("route"));
        assertTrue(aggregate("entities").has("from"));
        assertTrue(aggregate("kameletBoundaries").has("source"));
        assertTrue(aggregate("kameletBoundaries").has("sink"));
    }

    @Test
    void everyCommittedKameletIsInTheAggregateWithItsForm() throws IOException {
        JsonNode kamelets = aggregate("kamelets");
        Map<String, Path> files = KameletFiles.files();
        assertFalse(files.isEmpty());
        for (Path file : files.values()) {
            JsonNode committed = KameletFiles.YAML.readTree(file.toFile());
            String name = committed.path("metadata").path("name").asText();
            JsonNode inCatalog = kamelets.path(name);
            assertEquals(committed.path("spec"), inCatalog.path("spec"), name + " as committed");
            assertEquals(committed.path("metadata"), inCatalog.path("metadata"), name + " as committed");
            JsonNode form = inCatalog.path("propertiesSchema");
            assertEquals(committed.path("spec").path("definition").path("title").asText(), form.path("title").asText());
            assertEquals(committed.path("spec").path("definition").path("required"), form.path("required"), name);
            committed.path("spec").path("definition").path("properties").properties().forEach(p -> assertEquals(
                    p.getValue().path("format").asText(), form.path("properties").path(p.getKey()).path("format").asText(),
                    name + ": " + p.getKey() + " keeps its format (password for keys)"));
        }
        assertEquals("password", kamelets.path("ai4call-outbound-call-sink").path("propertiesSchema").path("properties")
                .path("portalApiKey").path("format").asText(), "portalApiKey is a password field");
        // Merged with the Apache Kamelet catalog of the project's line, not instead of it.
        assertTrue(kamelets.has("log-sink"), "the Apache Kamelets are there too");
    }

    private static JsonNode aggregate(String key) throws IOException {
        return KameletFiles.JSON.readTree(runtimeDir.resolve(runtimeIndex.path("catalogs").path(key).path("file")
                .asText()).toFile());
    }
}
