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

    private static Contract.Op op(Contract contract, String id) {
        return contract.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }
}
