package io.github.camelai4call.component;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.catalog.ParameterSpec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract shipped in the jar parses without any error or warning and holds what the connector promises. */
class ContractTest {

    @Test
    void contractParsesCleanlyAndHoldsEveryOperation() throws Exception {
        URL url = getClass().getResource("/ai4call/ai4call-openapi.yaml");
        assertNotNull(url, "the contract is inside the jar");
        String text = new String(url.openStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# ---") && text.contains("RECONSTRUCTED") && text.contains("replace this one"));

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "parser messages: " + result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertEquals("3.0.3", api.getOpenapi());
        assertTrue(api.getInfo().getTitle().contains("AI4CALL"));
        assertEquals(Set.of("clientEmail", "portalApiKey", "webhookSignature"), api.getComponents().getSecuritySchemes().keySet());

        List<Operation> ops = new ArrayList<>();
        api.getPaths().values().forEach(p -> ops.addAll(p.readOperations()));
        Set<String> ids = new TreeSet<>();
        ops.forEach(o -> ids.add(o.getOperationId()));
        Set<String> catalog = new TreeSet<>();
        for (Ai4callOperation op : Ai4callOperation.values()) {
            catalog.add(op.name());
        }
        assertEquals(55, ids.size());
        assertEquals(catalog, ids, "the component's catalog is the contract's operation list");
        for (Operation o : ops) {
            assertEquals(1, o.getTags().size(), o.getOperationId() + " has one tag");
            boolean open = o.getSecurity() != null && o.getSecurity().isEmpty();
            assertEquals(Set.of("health", "portalLogin").contains(o.getOperationId()), open, o.getOperationId());
            if (!o.getOperationId().equals("health")) {
                for (String status : List.of("400", "401", "403", "429", "5XX")) {
                    assertNotNull(o.getResponses().get(status), o.getOperationId() + " documents " + status);
                }
            }
        }
        assertNotNull(api.getComponents().getResponses().get("TooManyRequests").getHeaders().get("Retry-After"));
    }

    @Test
    void everyParameterPatternOfTheCatalogCompiles() {
        // the component compiles them on first use, so a broken one would otherwise surface only in a user's call
        for (Ai4callOperation op : Ai4callOperation.values()) {
            for (ParameterSpec p : op.parameters()) {
                if (p.pattern() != null) {
                    assertDoesNotThrow(() -> Pattern.compile(p.pattern()), op + " parameter " + p.name());
                }
            }
        }
    }
}
