package io.github.camelai4call.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one harness's section of docs/performance.md between its own markers, leaving the other sections (other
 * harnesses, hand-written notes) as they are.
 */
final class ReportSections {

    private ReportSections() {
    }

    /** Replaces the section named {@code name} (or appends it) and writes the file. */
    static void write(Path file, String name, String section) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String block = begin + "\n" + section.strip() + "\n" + end + "\n";
        String doc = Files.exists(file) ? Files.readString(file) : "# Performance\n\n";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        if (b >= 0 && e > b) {
            int after = e + end.length();
            if (after < doc.length() && doc.charAt(after) == '\n') {
                after++;
            }
            doc = doc.substring(0, b) + block + doc.substring(after);
        } else {
            doc = doc + (doc.endsWith("\n\n") ? "" : "\n") + block;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, doc, StandardCharsets.UTF_8);
    }
}
