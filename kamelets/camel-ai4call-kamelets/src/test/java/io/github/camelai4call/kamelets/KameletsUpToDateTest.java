package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build generates the Kamelets and docs/kamelets.md from the contract into target/generated-kamelets; the
 * committed files (src/main/resources/kamelets, docs/kamelets.md) must be exactly what the generator produces.
 */
class KameletsUpToDateTest {

    private static final String FIX = "regenerate and commit them: "
            + "mvn -B -pl kamelets/camel-ai4call-kamelets -am compile -Pupdate-kamelets";

    @Test
    void committedKameletsAreWhatTheGeneratorProduces() throws IOException {
        Path generated = Path.of(System.getProperty("kamelets.generated.dir", "target/generated-kamelets"));
        assertTrue(Files.isDirectory(generated), "the build did not generate " + generated);
        Set<String> expected = names(generated);
        Set<String> committed = names(KameletFiles.KAMELETS);
        List<String> problems = new ArrayList<>();
        for (String n : expected) {
            if (!committed.contains(n)) {
                problems.add("missing: " + n);
            } else if (!Files.readString(generated.resolve(n)).equals(Files.readString(KameletFiles.KAMELETS.resolve(n)))) {
                problems.add("differs: " + n);
            }
        }
        for (String n : committed) {
            if (!expected.contains(n)) {
                problems.add("not generated any more: " + n);
            }
        }
        Path docs = Path.of(System.getProperty("kamelets.generated.docs", "target/generated-kamelets/kamelets.md"));
        Path committedDocs = KameletFiles.repoRoot().resolve("docs/kamelets.md");
        if (!docs.equals(committedDocs.toAbsolutePath()) && (!Files.exists(committedDocs)
                || !Files.readString(docs).equals(Files.readString(committedDocs)))) {
            problems.add("differs: docs/kamelets.md");
        }
        assertTrue(problems.isEmpty(), "The committed Kamelets are not what the generator produces from the contract ("
                + FIX + "):\n" + String.join("\n", problems));
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".kamelet.yaml")).toList());
        }
    }
}
