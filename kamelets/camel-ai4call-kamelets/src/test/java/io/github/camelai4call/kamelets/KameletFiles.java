package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Assumptions;

import io.github.camelai4call.component.Ai4callCallback;

/** The committed Kamelets, the repository layout and the component descriptor, for the tests. */
final class KameletFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path KAMELETS = MODULE.resolve("src/main/resources/kamelets");
    static final String DESCRIPTOR = "META-INF/io/github/camelai4call/component/ai4call.json";
    /** The system property naming the folder of the reference CRDs, when it is not {@code ../shared/reference}. */
    static final String REFERENCE_DIR = "ai4call.reference.dir";

    private KameletFiles() {
    }

    /** The repository root: the first parent holding {@code .git} or the root pom with the {@code kamelets} module. */
    static Path repoRoot() {
        for (Path p = MODULE; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")) || Files.isDirectory(p.resolve("connector/contract"))) {
                return p;
            }
        }
        throw new IllegalStateException("No repository root above " + MODULE);
    }

    /**
     * A file of {@code ../shared/reference} (relative to the repository root, or the folder the system property
     * {@value #REFERENCE_DIR} names, for a checkout elsewhere such as a git worktree); skips the test loudly when absent.
     */
    static Path reference(String name) {
        String dir = System.getProperty(REFERENCE_DIR);
        Path file = (dir != null ? Path.of(dir) : repoRoot().resolve("../shared/reference")).resolve(name).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "SKIPPED: the reference CRD " + file
                + " is absent (../shared/reference next to the repository); this check needs it and is skipped, "
                + "not passed");
        return file;
    }

    /** File name to content of every committed Kamelet, sorted by name. */
    static Map<String, Path> files() {
        Map<String, Path> all = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(KAMELETS)) {
            s.filter(p -> p.getFileName().toString().endsWith(".kamelet.yaml")).sorted()
                    .forEach(p -> all.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static Map<String, JsonNode> kamelets() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        files().forEach((name, path) -> all.put(name, read(path)));
        return all;
    }

    static String type(JsonNode kamelet) {
        return kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText();
    }

    /** The callback whose consumer the Kamelet's template starts from ({@code ai4call:callEnded}...), or null. */
    static Ai4callCallback callback(JsonNode kamelet) {
        String uri = kamelet.path("spec").path("template").path("from").path("uri").asText();
        return uri.startsWith("ai4call:") ? Ai4callCallback.named(uri.substring("ai4call:".length())) : null;
    }

    static String name(JsonNode kamelet) {
        return kamelet.path("metadata").path("name").asText();
    }

    /** The component's JSON descriptor from the camel-ai4call jar on the classpath. */
    static JsonNode descriptor() {
        try (InputStream in = KameletFiles.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " is not on the classpath (camel-ai4call jar)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> componentOptions() {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = descriptor().path("properties").fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
