package io.github.camelai4call.examples.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The knowledge base sync example (flow 5) asks this whether a document of the collection is to be deleted: uploaded
 * by the sync (its description is the sync marker) and its file no longer in the folder.
 */
public final class KnowledgeBaseFolder {

    private KnowledgeBaseFolder() {
    }

    /** {@code doc} is a RagDocument as a Map ({@code outputType=map}). */
    public static boolean removed(Map<String, Object> doc, String folder, String marker) {
        if (!marker.equals(doc.get("description"))) {
            return false; // not ours: documents uploaded by other means are left alone
        }
        Path root = Path.of(folder).toAbsolutePath().normalize();
        Path file = root.resolve(String.valueOf(doc.get("fileName"))).normalize();
        return !file.startsWith(root) || !Files.isRegularFile(file);
    }
}
