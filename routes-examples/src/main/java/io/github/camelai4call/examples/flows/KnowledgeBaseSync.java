package io.github.camelai4call.examples.flows;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.examples.support.KnowledgeBaseFolder;

/**
 * Flow 5, knowledge base sync: each file dropped in (or changed in) {@code {{kb.dir}}} is uploaded to the RAG
 * collection {@code {{kb.collection}}}, marked by its description, replacing the version it uploaded before (the
 * service refuses two documents with one name); every {@code kb.prune-every} ms the documents it uploaded whose file
 * was removed are deleted. Documents uploaded by other means stay. What was uploaded is remembered in
 * {@code {{kb.dir}}/.uploaded.ids} (dot files are not consumed), so a restart uploads only what changed.
 * YAML twin: {@code routes/knowledge-base-sync.camel.yaml}.
 */
public class KnowledgeBaseSync extends RouteBuilder {

    @Override
    public void configure() {
        String dir = getContext().resolvePropertyPlaceholders("{{kb.dir}}");
        bindToRegistry("kbUploaded", FileIdempotentRepository.fileIdempotentRepository(new File(dir, ".uploaded.ids"), 100_000));

        from("file:{{kb.dir}}?noop=true&idempotentRepository=#kbUploaded"
             + "&idempotentKey=${file:name}-${file:size}-${file:modified}&delay={{kb.poll-delay:5000}}")
            .routeId("knowledge-base-upload")
            .setProperty("file", body())
            .to("ai4call:listRagDocuments?outputType=map&collectionName={{kb.collection}}&limit=100")
            .split(simple("${body[items]}"))                    // the version uploaded before, if any, goes first
                .filter(simple("${body[fileName]} == ${header.CamelFileNameOnly} && ${body[description]} == '{{kb.marker:synced-from-folder}}'"))
                .setHeader(Ai4callConstants.DOCUMENT_ID, simple("${body[documentId]}"))
                .to("ai4call:deleteRagDocument?outputType=map&collectionName={{kb.collection}}")
                .end()                                              // the filter
            .end()                                                  // the split: one upload per file, not per document
            .setBody(exchangeProperty("file"))
            .setHeader(Ai4callConstants.FILE_NAME, header("CamelFileNameOnly"))
            .setHeader(Ai4callConstants.DOCUMENT_DESCRIPTION, simple("{{kb.marker:synced-from-folder}}"))
            .to("ai4call:uploadRagDocument?outputType=map&collectionName={{kb.collection}}")
            .log("Uploaded ${body[fileName]} as ${body[documentId]} (${body[status]})");

        from("timer:knowledge-base-prune?delay={{kb.prune-every:60000}}&period={{kb.prune-every:60000}}")
            .routeId("knowledge-base-prune")
            .to("ai4call:listRagDocuments?outputType=map&collectionName={{kb.collection}}&limit=100")
            .split(simple("${body[items]}"))
                .filter().method(KnowledgeBaseFolder.class,
                        "removed(${body}, ${properties:kb.dir}, ${properties:kb.marker:synced-from-folder})")
                .setHeader(Ai4callConstants.DOCUMENT_ID, simple("${body[documentId]}"))
                .log("Deleting ${body[fileName]} (${body[documentId]}): removed from the folder")
                .to("ai4call:deleteRagDocument?outputType=map&collectionName={{kb.collection}}");
    }
}
