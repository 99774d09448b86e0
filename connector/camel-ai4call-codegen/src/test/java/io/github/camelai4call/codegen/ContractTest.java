package io.github.camelai4call.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generators require of the contract: every operation says whether it is safe to repeat. */
class ContractTest {

    static final Path CONTRACT = Path.of("../contract/ai4call-openapi.yaml");

    @Test
    void idempotentIsWhatEachOperationStatesNotItsMethod() {
        Contract contract = Contract.load(CONTRACT);
        Contract.Op purchase = op(contract, "purchasePlugin");
        assertEquals("PATCH", purchase.method());
        assertFalse(purchase.idempotent(), "a second purchase would charge twice");
        assertTrue(op(contract, "updateCallLimits").idempotent());
        assertFalse(op(contract, "outboundCall").idempotent());
        assertTrue(op(contract, "estimateRagDocument").idempotent(), "a POST that only computes an estimate");
    }

    @Test
    void anOperationWithoutTheExtensionFailsTheBuildNamingIt(@TempDir Path dir) throws IOException {
        String text = Files.readString(CONTRACT);
        String stated = "operationId: purchasePlugin\n";
        int at = text.indexOf(stated);
        assertTrue(at > 0);
        int line = text.lastIndexOf('\n', text.indexOf(Contract.IDEMPOTENT, at)) + 1;
        String broken = text.substring(0, line) + text.substring(text.indexOf('\n', line) + 1);
        Path file = Files.writeString(dir.resolve("contract.yaml"), broken);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Contract.load(file));
        assertTrue(e.getMessage().contains(Contract.IDEMPOTENT) && e.getMessage().contains("purchasePlugin"),
                e.getMessage());
        assertFalse(e.getMessage().contains("updateCallLimits"), e.getMessage());
    }

    @Test
    void theCallbacksAreReadWithTheOperationAndFieldThatConfigureThem() {
        Contract contract = Contract.load(CONTRACT);
        assertEquals(java.util.List.of("toolCall", "callEnded", "conversationSaved"),
                contract.callbacks().stream().map(Contract.CallbackOp::name).toList());
        Contract.CallbackOp tool = contract.callbacks().get(0);
        assertEquals("updateTools", tool.operation());
        assertEquals("webhookUrl", tool.urlField());
        assertEquals("ToolCallRequest", tool.requestSchema());
        assertEquals("ToolCallAnswer", tool.answerSchema());
        assertEquals(java.time.Duration.ofSeconds(5), tool.answerDeadline());
        assertTrue(tool.reconstructed());
        assertEquals("/ai4call/tool-call", tool.defaultPath());
        Contract.CallbackOp ended = contract.callbacks().get(1);
        assertEquals("updateHangup", ended.operation());
        assertEquals("redirectUrl", ended.urlField());
        assertEquals("CallEndedEvent", ended.requestSchema());
        assertEquals(null, ended.answerSchema(), "the platform needs only a 2xx");
        assertEquals(null, ended.answerDeadline());
        assertEquals("/ai4call/conversation-saved", contract.callbacks().get(2).defaultPath());
        assertFalse(contract.operations().stream().anyMatch(o -> o.id().equals("toolCall")), "a callback is no operation");
    }

    @Test
    void aCallbackIsOneEditToTheContract(@TempDir Path dir) throws IOException {
        String text = Files.readString(CONTRACT);
        String anchor = "      callbacks:\n        callEnded:\n";
        assertTrue(text.contains(anchor));
        String added = anchor.replace("callEnded", "transferred").replace("      callbacks:\n", "")
                + "          '{$request.body#/redirectUrl}':\n            post:\n              operationId: transferred\n"
                + "              summary: A call was transferred\n"
                + "              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/CallEndedEvent' } } } }\n"
                + "              responses:\n                '200': { description: Received. }\n";
        Path file = Files.writeString(dir.resolve("contract.yaml"), text.replace(anchor, "      callbacks:\n" + added + anchor.substring("      callbacks:\n".length())));
        Contract contract = Contract.load(file);
        Contract.CallbackOp transferred = contract.callbacks().stream().filter(c -> c.name().equals("transferred")).findFirst().orElseThrow();
        assertEquals("updateHangup", transferred.operation());
        assertFalse(transferred.reconstructed(), "not marked " + Contract.RECONSTRUCTED);
        assertTrue(new OperationCatalogWriter(contract, "p", "m").callbackEnum().contains("transferred(\"updateHangup\""));
        assertTrue(new OperationsDocWriter(contract).render().contains("| `ai4call:transferred` | A call was transferred |"));
        String kamelet = new KameletWriter(contract, "0.1.0-SNAPSHOT").render().get("ai4call-transferred-source.kamelet.yaml");
        assertTrue(kamelet != null && kamelet.contains("uri: \"ai4call:transferred\"")
                && kamelet.contains("title: \"AI4CALL Transferred Source\"")
                && kamelet.contains("Receive what AI4CALL posts when a call was transferred"), "the callback's source Kamelet: " + kamelet);
    }

    @Test
    void anAnsweredCallbackWithoutADeadlineOrAUrlOutsideTheBodyFailsTheBuildNamingIt(@TempDir Path dir) throws IOException {
        String text = Files.readString(CONTRACT);
        Path noDeadline = Files.writeString(dir.resolve("a.yaml"), text.replace("              x-ai4call-answer-deadline: PT5S\n", ""));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Contract.load(noDeadline));
        assertTrue(e.getMessage().contains("toolCall") && e.getMessage().contains(Contract.ANSWER_DEADLINE), e.getMessage());

        Path badUrl = Files.writeString(dir.resolve("b.yaml"), text.replace("'{$request.body#/redirectUrl}'", "'{$request.body#/nowhere}'"));
        e = assertThrows(IllegalStateException.class, () -> Contract.load(badUrl));
        assertTrue(e.getMessage().contains("callEnded") && e.getMessage().contains("nowhere"), e.getMessage());
    }

    private static Contract.Op op(Contract contract, String id) {
        return contract.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }
}
