package io.github.camelai4call.benchmarks;

import static io.github.camelai4call.benchmarks.Markdown.format;
import static io.github.camelai4call.benchmarks.Markdown.kb;
import static io.github.camelai4call.benchmarks.Markdown.mb;

import java.util.Map;
import java.util.stream.Collectors;

/** The dependency-size part of the report: what camel-ai4call adds to a Camel application, jar by jar. */
final class SizePart {

    private static final String CONNECTOR_CLIENT = "org.apache.httpcomponents.client5:httpclient5";

    private final DependencySize.Result size;
    private final StringBuilder reading = new StringBuilder();

    SizePart(DependencySize.Result size) {
        this.size = size;
    }

    ReportPart render() {
        Map<String, String> values = Map.of(
                "camelBaseline", BenchmarkMain.CAMEL_BASELINE.stream().map(Markdown::artifactId).map(Markdown::code)
                        .collect(Collectors.joining(" + ")),
                "sizeTable", sizeTable(),
                "addedJars", addedJars());
        return new ReportPart(values, reading.toString());
    }

    private String sizeTable() {
        StringBuilder b = new StringBuilder("| | jars | size |\n|---|---:|---:|\n");
        b.append(format("| Added by camel-ai4call (camel-ai4call + deps not in the baseline) | %d | **%s** |%n",
                size.added().size(), mb(size.addedBytes())));
        b.append(format("| Total runtime closure of camel-ai4call (incl. camel-support, camel-api, ...) | %d | %s |%n",
                size.closure().size(), mb(size.closureBytes())));
        b.append(format("| For reference: the baseline's closure | %d | %s |%n", size.baseline().size(),
                mb(size.baselineBytes())));
        long client = size.added().stream().filter(j -> j.ga().equals(CONNECTOR_CLIENT))
                .mapToLong(ClasspathArtifacts.Jar::bytes).sum();
        if (client > 0) {
            reading.append("- camel-ai4call declares `httpclient5` only for its streaming multipart builder (uploadRagDocument); "
                    + "the transport needs `httpcore5` alone. Writing that multipart entity in the component would remove about ")
                    .append(kb(client)).append(" from what users add (httpcore5-h2 comes with httpclient5 too).\n");
        }
        return b.toString();
    }

    private String addedJars() {
        StringBuilder b = new StringBuilder("| Artifact | jar | size |\n|---|---|---:|\n");
        for (ClasspathArtifacts.Jar j : size.added()) {
            b.append("| ").append(j.ga()).append(" | ").append(j.file().getFileName()).append(" | ").append(kb(j.bytes()))
                    .append(" |\n");
        }
        return b.toString();
    }
}
