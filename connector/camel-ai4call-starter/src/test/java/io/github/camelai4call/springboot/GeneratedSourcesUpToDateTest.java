package io.github.camelai4call.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.codegen.SpringBootStarterWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ai4callComponentConfiguration and Ai4callComponentConverter are generated from the component descriptor and
 * committed; they must be exactly what the generator writes from the descriptor of this build.
 */
class GeneratedSourcesUpToDateTest {

    private static final String FIX = "regenerate and commit them: "
            + "mvn -B -o -pl connector/camel-ai4call-starter -am compile -Pupdate-starter";

    @Test
    void committedSourcesAreWhatTheGeneratorWritesFromTheDescriptor() throws IOException {
        Path descriptor = Path.of(System.getProperty("ai4call.descriptor"));
        Path dir = Path.of("src/main/java").resolve(SpringBootStarterWriter.PACKAGE.replace('.', '/'));
        for (Map.Entry<String, String> source : SpringBootStarterWriter.of(descriptor).sources().entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            assertEquals(source.getValue(), Files.exists(file) ? Files.readString(file) : "(missing)",
                    file + " is not what the generator writes from " + descriptor.getFileName() + " (" + FIX + ")");
        }
    }
}
