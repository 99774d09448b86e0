package io.github.camelai4call.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed generated files are what the build generates. The build writes {@code docs/operations.md} (from the
 * contract) and {@code docs/component-reference.md} (from the component descriptor) into {@code target/generated-docs}
 * and never edits a tracked file there; Camel's own tooling output, {@code src/generated/}, is rewritten in place by
 * camel-component-maven-plugin, as in Apache Camel, so git tells whether the committed copy was what it wrote.
 */
class GeneratedFilesUpToDateTest {

    static final String REGENERATE_DOCS = "mvn -B -pl connector/camel-ai4call -am process-classes -Pupdate-docs";

    @Test
    void committedOperationsPageIsWhatTheGeneratorProduces() throws IOException {
        assertUpToDate("operations.md");
    }

    @Test
    void committedComponentReferenceIsWhatTheGeneratorProduces() throws IOException {
        assertUpToDate("component-reference.md");
    }

    private static void assertUpToDate(String page) throws IOException {
        Path generated = Path.of(System.getProperty("generated.docs.dir", "target/generated-docs")).resolve(page)
                .toAbsolutePath().normalize();
        Path committed = Path.of(System.getProperty("committed.docs.dir", "../../docs")).resolve(page)
                .toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(generated), "the build did not generate " + generated);
        assertTrue(Files.isRegularFile(committed), "docs/" + page + " is not committed; generate it: " + REGENERATE_DOCS);
        assertTrue(Files.readString(generated).equals(Files.readString(committed)),
                "docs/" + page + " is not what the generator produces; regenerate and commit it: " + REGENERATE_DOCS);
    }

    @Test
    void committedCamelToolingOutputIsWhatThePluginWrote() throws Exception {
        Process git;
        try {
            git = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all", "--", "src/generated")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("SKIPPED, not passed: no git to compare src/generated with (" + e.getMessage() + ")");
            return;
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS), "git status did not finish");
        Assumptions.assumeTrue(git.exitValue() == 0, () -> "SKIPPED, not passed: not a git work tree (" + out + ")");
        assertEquals("", out, "camel-component-maven-plugin rewrote src/generated (the component's options or headers "
                + "changed): commit the files it wrote with the change that caused them");
    }
}
