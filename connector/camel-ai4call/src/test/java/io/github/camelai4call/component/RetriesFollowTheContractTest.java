package io.github.camelai4call.component;

import java.net.URL;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.model.PluginInstance;
import io.github.camelai4call.model.PluginInstancePage;
import io.github.camelai4call.model.PluginPage;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Whether an operation is retried once its request may have reached AI4CALL follows the contract's
 * {@code x-ai4call-idempotent} of that operation, not its HTTP method: a PATCH that buys a plugin is sent once.
 */
class RetriesFollowTheContractTest extends Ai4callTestSupport {

    @Test
    void everyOperationIsIdempotentExactlyWhenTheContractSaysSo() {
        URL contract = getClass().getResource("/ai4call/ai4call-openapi.yaml");
        assertNotNull(contract, "the contract is inside the jar");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        Map<String, Object> stated = new TreeMap<>();
        new OpenAPIV3Parser().readLocation(contract.toString(), null, options).getOpenAPI().getPaths().values()
                .forEach(path -> path.readOperations().forEach(op -> stated.put(op.getOperationId(),
                        op.getExtensions() == null ? null : op.getExtensions().get("x-ai4call-idempotent"))));
        Map<String, Object> catalog = new TreeMap<>();
        for (Ai4callOperation op : Ai4callOperation.values()) {
            catalog.put(op.name(), op.idempotent());
        }
        assertEquals(stated, catalog, "Ai4callOperation.idempotent() is the contract's x-ai4call-idempotent");
        assertEquals("PATCH", Ai4callOperation.purchasePlugin.method());
        assertFalse(Ai4callOperation.purchasePlugin.idempotent(), "a second purchase would charge twice");
    }

    @Test
    void purchasePluginIsNotRetriedAfterATruncatedAnswer() {
        String plugin = aPluginNotYetBought();
        simulator().faults().inject("purchasePlugin", Fault.truncateBody().times(1));

        Ai4callException e = assertInstanceOf(Ai4callException.class,
                failure("purchasePlugin", Map.of("pluginId", plugin), null));
        assertEquals(0, e.getStatusCode(), "the cut-short answer is reported, not the 409 of a second purchase: "
                + e.getMessage());
        assertEquals(1, e.getAttempts(), e.getMessage());
        assertEquals(1, simulator().requestCount("purchasePlugin"), "one purchase sent, never two");
        assertEquals(1, instances().getItems().stream().map(PluginInstance::getPluginId).filter(plugin::equals).count(),
                "the purchase whose answer was cut short went through, once");
    }

    @Test
    void aPatchThatReplacesASettingIsRetriedAfterATruncatedAnswer() {
        simulator().faults().inject("updateCallLimits", Fault.truncateBody().times(1));
        assertNotNull(call("updateCallLimits", Map.of("maxConcurrentCalls", 5), null, Object.class));
        assertEquals(2, simulator().requestCount("updateCallLimits"), "setting the same limits twice is safe");
    }

    private String aPluginNotYetBought() {
        PluginPage available = call("listAvailablePlugins", null, null, PluginPage.class);
        PluginInstancePage owned = instances();
        return available.getItems().stream().map(p -> p.getPluginId())
                .filter(id -> owned.getItems().stream().noneMatch(i -> id.equals(i.getPluginId()))).findFirst()
                .orElseThrow(() -> new AssertionError("the demo customer owns every plugin"));
    }

    private PluginInstancePage instances() {
        return call("listPluginInstances", null, null, PluginInstancePage.class);
    }
}
