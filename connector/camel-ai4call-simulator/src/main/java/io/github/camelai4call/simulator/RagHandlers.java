package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.camelai4call.simulator.Http.Ctx;
import static io.github.camelai4call.simulator.Http.Response;

/** RAG: collections, documents (streamed multipart upload), estimates and the assistant's knowledge bases. */
final class RagHandlers {

    private final int maxStoredDocumentBytes;

    RagHandlers(SimulatorConfig config) {
        this.maxStoredDocumentBytes = config.maxStoredDocumentBytes();
    }

    void registerIn(Handlers.Table table) {
        table.put("listRagCollections", c -> {
            synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                c.customer.collections.values().forEach(col -> list.add(col.toJson()));
                return ListPage.of(c, list);
            }
        });
        table.put("listRagDocuments", c -> {
            synchronized (c.customer) {
                List<JsonNode> list = new ArrayList<>();
                collection(c).documents.values().forEach(d -> list.add(d.toJson()));
                return ListPage.of(c, list);
            }
        });
        table.put("uploadRagDocument", this::uploadRagDocument);
        table.put("deleteRagDocument", RagHandlers::deleteRagDocument);
        table.put("estimateRagDocument", RagHandlers::estimate);
        table.put("updateRag", RagHandlers::updateRag);
    }

    private static CustomerState.RagCollection collection(Ctx c) {
        CustomerState.RagCollection col = c.customer.collections.get(c.path("collectionName"));
        if (col == null) throw ApiException.notFound("RAG collection not found", "collectionName");
        return col;
    }

    private Response uploadRagDocument(Ctx c) {
        String ct = c.exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = Multipart.boundary(ct);
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || boundary == null) {
            throw ApiException.badRequest("A multipart/form-data body with a boundary is required", "file");
        }
        int maxStored = maxStoredDocumentBytes;
        String[] fileName = {null};
        String[] contentType = {null};
        String[] description = {null};
        long[] size = {0};
        String[] sha = {null};
        byte[][] content = {null};
        try (InputStream in = c.exchange.getRequestBody()) {
            Multipart.parse(in, boundary, (headers, part) -> {
                Map<String, String> cd = Multipart.params(headers.get("content-disposition"));
                String name = cd.get("name");
                if ("file".equals(name)) {
                    fileName[0] = cd.getOrDefault("filename", "document");
                    contentType[0] = headers.get("content-type");
                    MessageDigest md = Digests.sha256();
                    ByteArrayOutputStream keep = new ByteArrayOutputStream();
                    byte[] buf = new byte[16 * 1024];
                    long n = 0;
                    int r;
                    while ((r = part.read(buf, 0, buf.length)) >= 0) {
                        md.update(buf, 0, r);
                        if (keep != null && n + r <= maxStored) {
                            keep.write(buf, 0, r);
                        } else {
                            keep = null;
                        }
                        n += r;
                    }
                    size[0] = n;
                    sha[0] = Digests.hex(md.digest());
                    content[0] = keep == null ? null : keep.toByteArray();
                } else if ("description".equals(name)) {
                    byte[] d = part.readNBytes(8 * 1024);
                    description[0] = new String(d, StandardCharsets.UTF_8);
                }
            });
        } catch (IOException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Malformed multipart body: " + e.getMessage(), "file");
        }
        if (fileName[0] == null) throw ApiException.badRequest("file: the part 'file' is required", "file");
        if (description[0] != null && description[0].length() > 500) {
            throw ApiException.badRequest("description: at most 500 characters", "description");
        }
        String ext = Documents.requireSupported(fileName[0], "file");
        if (size[0] == 0) throw ApiException.unprocessable("The document is empty", "file");
        String type = contentType[0] != null ? contentType[0] : Documents.contentType(ext);
        String collectionName = c.path("collectionName");
        synchronized (c.customer) {
            CustomerState.RagCollection col = c.customer.collections.get(collectionName);
            if (col != null) {
                for (CustomerState.RagDocument d : col.documents.values()) {
                    if (d.fileName.equals(fileName[0])) throw ApiException.conflict("A document with this file name already exists", "file");
                }
            }
            String now = Json.now();
            if (col == null) {
                col = new CustomerState.RagCollection(collectionName, null, now);
                c.customer.collections.put(collectionName, col);
            }
            String id = String.format(Locale.ROOT, "doc_%06d", ++c.customer.documentSeq);
            CustomerState.RagDocument doc = new CustomerState.RagDocument(id, collectionName, fileName[0], type, size[0], sha[0],
                    description[0], now, content[0]);
            col.documents.put(id, doc);
            col.updatedAt = now;
            return Response.json(201, doc.toJson());
        }
    }

    private static Response deleteRagDocument(Ctx c) {
        synchronized (c.customer) {
            CustomerState.RagCollection col = collection(c);
            String id = c.path("documentId");
            if (col.documents.remove(id) == null) throw ApiException.notFound("RAG document not found", "documentId");
            col.updatedAt = Json.now();
            ObjectNode o = Json.obj();
            o.put("documentId", id);
            o.put("deleted", true);
            return Response.ok(o);
        }
    }

    private static Response estimate(Ctx c) {
        ObjectNode b = c.objectBody();
        String fileName = Json.text(b, "fileName");
        Documents.requireSupported(fileName, "fileName");
        long size = b.get("sizeBytes").asLong();
        if (size > Documents.MAX_BYTES) throw ApiException.unprocessable("Documents are limited to 100 MB", "sizeBytes");
        long tokens = (size + 3) / 4;
        ObjectNode o = Json.obj();
        o.put("estimatedTokens", tokens);
        o.put("estimatedChunks", (int) Math.max(1, (tokens + 511) / 512));
        o.put("estimatedCost", Tariffs.ragIndexing(tokens));
        o.put("currency", Tariffs.CURRENCY);
        return Response.ok(o);
    }

    private static Response updateRag(Ctx c) {
        ObjectNode b = c.objectBody();
        synchronized (c.customer) {
            CustomerState.AssistantState a = c.assistant();
            for (JsonNode col : b.withArray("collections")) {
                if (!c.customer.collections.containsKey(col.asText())) {
                    throw ApiException.unprocessable("Unknown RAG collection " + col.asText(), "collections");
                }
            }
            a.rag = b;
            return Response.ok(b.deepCopy());
        }
    }
}
