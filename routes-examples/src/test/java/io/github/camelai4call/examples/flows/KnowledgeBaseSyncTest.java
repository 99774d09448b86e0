package io.github.camelai4call.examples.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.examples.flows.ExampleFlow.Dsl;
import io.github.camelai4call.model.RagDocument;
import io.github.camelai4call.model.RagDocumentPage;
import io.github.camelai4call.simulator.DemoData;

class KnowledgeBaseSyncTest extends ExampleTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void droppedFilesAreUploadedAndRemovedFilesDeleted(Dsl dsl) throws Exception {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.writeString(kb.resolve("returns.md"), "# Returns\nWithin 30 days.\n");
        Files.writeString(kb.resolve("shipping.txt"), "Shipping takes 2 days.\n");
        long uploadsBefore = SIMULATOR.simulator().requestCount("uploadRagDocument");
        CamelContext camel = start(dsl, props("kb.dir", kb.toString(), "kb.collection", DemoData.RAG_COLLECTION_PRODUCT_FAQ,
                "kb.poll-delay", "100", "kb.prune-every", "300"), ExampleFlow.KNOWLEDGE_BASE_SYNC);
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> before = synced(template);
        assertTrue(before.isEmpty() || before.size() <= 2, before.toString());

        await("both files in the collection", Duration.ofSeconds(10),
                () -> synced(template).equals(List.of("returns.md", "shipping.txt")));
        int untouched = documents(template).size() - 2;

        // a file is removed, another changed
        Files.delete(kb.resolve("returns.md"));
        ExampleTestSupport.replace(kb.resolve("shipping.txt"), "Shipping takes 1 day.\n");
        await("the removed file deleted and the changed one replaced", Duration.ofSeconds(10), () -> {
            List<RagDocument> docs = documents(template).stream().filter(d -> "synced-from-folder".equals(d.getDescription())).toList();
            return docs.size() == 1 && docs.get(0).getFileName().equals("shipping.txt") && docs.get(0).getSizeBytes() == 22;
        });
        assertEquals(untouched, documents(template).size() - 1, "documents not uploaded by the sync stay");
        assertTrue(SIMULATOR.simulator().requestCount("deleteRagDocument") >= 2);
        assertEquals(3, SIMULATOR.simulator().requestCount("uploadRagDocument") - uploadsBefore,
                "one upload per version of a file: two files, then the changed one");

        // a restart uploads nothing that did not change
        long uploads = SIMULATOR.simulator().requestCount("uploadRagDocument");
        camel.stop();
        CamelContext again = start(dsl, props("kb.dir", kb.toString(), "kb.collection", DemoData.RAG_COLLECTION_PRODUCT_FAQ,
                "kb.poll-delay", "100", "kb.prune-every", "300"), ExampleFlow.KNOWLEDGE_BASE_SYNC);
        ScheduledPollConsumer folder = (ScheduledPollConsumer) again.getRoute("knowledge-base-upload").getConsumer();
        await("the restarted sync to poll the folder twice", Duration.ofSeconds(10), () -> folder.getCounter() >= 2);
        assertEquals(uploads, SIMULATOR.simulator().requestCount("uploadRagDocument"));
        assertEquals(List.of("shipping.txt"), synced(again.createProducerTemplate()));
    }

    private static List<RagDocument> documents(ProducerTemplate template) {
        return template.requestBodyAndHeader("ai4call:listRagDocuments?limit=100", null, Ai4callConstants.COLLECTION_NAME,
                DemoData.RAG_COLLECTION_PRODUCT_FAQ, RagDocumentPage.class).getItems();
    }

    private static List<String> synced(ProducerTemplate template) {
        return documents(template).stream().filter(d -> "synced-from-folder".equals(d.getDescription()))
                .map(RagDocument::getFileName).sorted().toList();
    }
}
