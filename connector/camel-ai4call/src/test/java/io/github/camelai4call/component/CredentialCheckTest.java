package io.github.camelai4call.component;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verifyCredentials=true}: the portal credentials are checked with portalLogin when the routes start. */
class CredentialCheckTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    private static final String WRONG_KEY = "portal_wrong_key_987654321";
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void reset() {
        SIMULATOR.simulator().resetRequestCounts();
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    private CamelContext context(String baseUrl, String portalApiKey) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        contexts.add(camel);
        var config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        config.setBaseUrl(baseUrl);
        config.setEmail(DemoData.DEMO_EMAIL);
        config.setPortalApiKey(portalApiKey);
        config.setVerifyCredentials(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:assistants").to("ai4call:listAssistants");
                from("direct:collections").to("ai4call:listRagCollections");
                from("direct:call").to("ai4call:outboundCall");
            }
        });
        return camel;
    }

    @Test
    void acceptedCredentialsAreCheckedOnceForAllEndpointsAndTheRoutesWork() throws Exception {
        CamelContext camel = context(SIMULATOR.baseUrl(), DemoData.DEMO_PORTAL_API_KEY);
        camel.start();
        assertEquals(1, SIMULATOR.simulator().requestCount("portalLogin"), "one login for the three endpoints");
        AssistantPage page = camel.createProducerTemplate().requestBody("direct:assistants", null, AssistantPage.class);
        assertFalse(page.getItems().isEmpty());
    }

    @Test
    void refusedCredentialsFailTheStartNamingTheOptionButNotTheKey() throws Exception {
        CamelContext camel = context(SIMULATOR.baseUrl(), WRONG_KEY);
        Exception e = assertThrows(Exception.class, camel::start);
        Ai4callInvalidRequestException refused = causeOf(e, Ai4callInvalidRequestException.class);
        assertNotNull(refused, "the cause names the refused parameter: " + e);
        assertEquals("portalApiKey", refused.getParameter());
        assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(WRONG_KEY), "the key in: " + t.getMessage());
        }
        assertEquals(0, SIMULATOR.simulator().requestCount("listAssistants"), "no business call");
        assertEquals(0, SIMULATOR.simulator().outboundCalls().size());
    }

    @Test
    void anUnreachableServiceDoesNotStopTheStart() throws Exception {
        CamelContext camel = context("http://127.0.0.1:1", DemoData.DEMO_PORTAL_API_KEY);
        camel.start();
        assertTrue(camel.isStarted());
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
