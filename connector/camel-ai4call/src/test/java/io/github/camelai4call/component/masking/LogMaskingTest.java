package io.github.camelai4call.component.masking;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.support.SecretMasker;
import io.github.camelai4call.model.Assistant;
import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the connector registers with Camel's masking hooks, and the log mask it binds. */
class LogMaskingTest {

    private static final String PORTAL = DemoData.DEMO_PORTAL_API_KEY;
    private static final String ASSISTANT = DemoData.DEMO_ASSISTANT_SALES;

    @Test
    void everySecretOptionOfTheDescriptorIsAKeyword() throws Exception {
        // the keywords are a list in code (read at start, no JSON parsing then); the descriptor is the source of truth
        try (java.io.InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelai4call/component/ai4call.json")) {
            com.fasterxml.jackson.databind.JsonNode descriptor = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            java.util.Set<String> secrets = new java.util.TreeSet<>();
            for (String section : new String[] { "componentProperties", "properties", "headers" }) {
                descriptor.path(section).fields().forEachRemaining(option -> {
                    if (option.getValue().path("secret").asBoolean()) {
                        secrets.add(option.getKey());
                    }
                });
            }
            assertTrue(secrets.size() >= 3, secrets.toString());
            for (String secret : secrets) {
                String name = secret.toLowerCase(java.util.Locale.ROOT).replace("camelai4call", "");
                assertTrue(LogMasking.KEYWORDS.stream().anyMatch(name::contains),
                        "the secret option " + secret + " is not covered by LogMasking.KEYWORDS " + LogMasking.KEYWORDS);
            }
        }
    }

    @Test
    void keywordsAreAddedOnceAndTheApplicationsAreKept() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("myToken");
            LogMasking.beforeRoutes(context);
            LogMasking.addSensitiveKeywords(context);
            assertEquals("myToken,portalapikey,assistantapikey,portal,assistant,webhooksecret",
                    context.getCamelContextExtension().getAdditionalSensitiveKeywords());
            // what Camel Main's summaries ask
            assertTrue(CamelContextHelper.containsSensitive(context, "camel.component.ai4call.portal-api-key"));
            assertTrue(CamelContextHelper.containsSensitive(context, "camel.component.ai4call.webhook-secret"));
            assertTrue(CamelContextHelper.containsSensitive(context, "ai4call.assistant"));
            assertTrue(CamelContextHelper.containsSensitive(context, "mytoken"));
            assertFalse(CamelContextHelper.containsSensitive(context, "camel.component.ai4call.email"));
        }
    }

    @Test
    void theBoundLogMaskMasksKeysWhereverTheyStand() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start(); // the context service plugin binds the mask when the context is built
            MaskingFormatter mask = context.getRegistry().lookupByNameAndType(MaskingFormatter.CUSTOM_LOG_MASK_REF,
                    MaskingFormatter.class);
            assertTrue(mask instanceof Ai4callMaskingFormatter, String.valueOf(mask));
            for (String text : new String[] {
                    "{\"email\":\"a@b.c\",\"portalApiKey\":\"" + PORTAL + "\"}",
                    "sent {\"items\":[{\"assistantApiKey\":\"" + ASSISTANT + "\",\"name\":\"Sales\"}]}",
                    "Headers: {CamelAi4callPortalApiKey=" + PORTAL + ", CamelAi4callEmail=a@b.c}",
                    "x-portal-api-key: " + PORTAL,
                    "ai4call:getAssistant?assistantApiKye=" + ASSISTANT,
                    "password=secret1 and " + ASSISTANT }) {
                String masked = mask.format(text);
                assertFalse(masked.contains(PORTAL) || masked.contains(ASSISTANT) || masked.contains("secret1"), masked);
                assertTrue(masked.contains("xxxxx"), masked);
            }
            assertEquals("no key here: 42 calls", mask.format("no key here: 42 calls"));
        }
    }

    @Test
    void modelPropertiesNamedAfterAKeyAreMasked() {
        assertEquals(SecretMasker.MASK, SecretMasker.maskProperty("assistantApiKey", ASSISTANT));
        assertEquals(SecretMasker.MASK, SecretMasker.maskProperty("portalApiKey", PORTAL));
        assertEquals("Sales", SecretMasker.maskProperty("name", "Sales"));
        assertEquals(null, SecretMasker.maskProperty("assistantApiKey", null));

        Assistant assistant = new Assistant().withAssistantApiKey(ASSISTANT);
        assistant.setName("Sales qualifier");
        assertTrue(assistant.toString().startsWith("Assistant{assistantApiKey=xxxxxx, name=Sales qualifier"),
                assistant.toString());
    }
}
