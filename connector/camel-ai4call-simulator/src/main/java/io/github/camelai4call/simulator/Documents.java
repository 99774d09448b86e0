package io.github.camelai4call.simulator;

import java.util.Locale;
import java.util.Map;

/** The RAG document types the platform indexes, by file extension, with their content types. */
final class Documents {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "txt", "text/plain",
            "md", "text/markdown",
            "html", "text/html",
            "htm", "text/html");

    /** Documents are limited to 100 MB. */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private Documents() {
    }

    /** The lower-case extension of a supported file name, or a 422 naming {@code field}. */
    static String requireSupported(String fileName, String field) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.containsKey(ext)) {
            throw ApiException.unprocessable("Unsupported document type '" + ext + "' (PDF, DOCX, TXT, MD, HTML)", field);
        }
        return ext;
    }

    static String contentType(String extension) {
        return CONTENT_TYPES.get(extension);
    }
}
