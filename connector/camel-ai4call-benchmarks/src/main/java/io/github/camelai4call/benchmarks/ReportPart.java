package io.github.camelai4call.benchmarks;

import java.util.Map;

/**
 * One part of the report: the values of its placeholders in {@code report.md}, and the sentences it adds to the
 * report's reading (empty or whole Markdown list items).
 */
record ReportPart(Map<String, String> values, String reading) {
}
