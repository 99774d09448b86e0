package io.github.camelai4call.component;

import java.io.StringWriter;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every operation (the tests of {@link EveryOperationTest}) plus failures with all logging at DEBUG, and finds
 * neither the portal key nor an assistant key in the log, in endpoint URIs shown to users, or in exceptions.
 */
class SecretsNeverLeakTest extends EveryOperationTest {

    private static final StringWriter LOG = new StringWriter();
    private static WriterAppender appender;

    @BeforeAll
    static void captureEverythingAtDebug() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build(), null, LOG,
                "capture", false, true);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setRootLevel(Level.DEBUG);
        ctx.updateLoggers();
    }

    @AfterAll
    static void noKeyWasLogged() {
        Configurator.setRootLevel(Level.WARN);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender("capture");
        ctx.updateLoggers();
        String log = LOG.toString();
        assertTrue(log.contains("ai4call:getAssistant GET /api/v1/assistants/{assistantApiKey}"),
                "the DEBUG log was captured");
        for (String secret : new String[] { DemoData.DEMO_PORTAL_API_KEY, DemoData.ACME_PORTAL_API_KEY,
                DemoData.DEMO_ASSISTANT_SALES, DemoData.DEMO_ASSISTANT_SUPPORT, DemoData.ACME_ASSISTANT_RECEPTION }) {
            assertFalse(log.contains(secret), () -> "a key is in the log: " + excerpt(log, secret));
        }
    }

    private static String excerpt(String log, String secret) {
        int i = log.indexOf(secret);
        return log.substring(Math.max(0, i - 300), Math.min(log.length(), i + 100));
    }

    @Test
    void endpointUrisShownToUsersAreMasked() {
        Endpoint endpoint = context.getEndpoint("ai4call:getAssistant?assistantApiKey=RAW(" + DemoData.DEMO_ASSISTANT_SALES
                                                + ")&portalApiKey=RAW(" + DemoData.DEMO_PORTAL_API_KEY + ")");
        for (String shown : new String[] { endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()) }) {
            assertFalse(shown.contains(DemoData.DEMO_ASSISTANT_SALES), shown);
            assertFalse(shown.contains(DemoData.DEMO_PORTAL_API_KEY), shown);
        }
        String plain = URISupport.sanitizeUri("ai4call:outboundCall?assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES
                                              + "&portalApiKey=" + DemoData.DEMO_PORTAL_API_KEY);
        assertFalse(plain.contains(DemoData.DEMO_ASSISTANT_SALES) || plain.contains(DemoData.DEMO_PORTAL_API_KEY), plain);
    }

    @Test
    void failuresCarryNoKey() {
        simulator().faults().inject("getAssistantPrompt", Fault.status(500).times(10));
        Throwable server = failure("getAssistantPrompt", null, assistant(DemoData.DEMO_ASSISTANT_SALES));
        Throwable notFound = failure("getAssistant", null, Map.of(Ai4callConstants.ASSISTANT_API_KEY,
                DemoData.ACME_ASSISTANT_RECEPTION));
        Throwable unauthorized = failure("listAssistants", null, Map.of(Ai4callConstants.PORTAL_API_KEY, "portal_wrong_secret_1"));
        for (Throwable t : new Throwable[] { server, notFound, unauthorized }) {
            String text = t + " " + ((Ai4callException) t).getResponseBody();
            assertFalse(text.contains(DemoData.DEMO_ASSISTANT_SALES) || text.contains(DemoData.ACME_ASSISTANT_RECEPTION)
                        || text.contains("portal_wrong_secret_1") || text.contains(DemoData.DEMO_PORTAL_API_KEY), text);
        }
    }
}
