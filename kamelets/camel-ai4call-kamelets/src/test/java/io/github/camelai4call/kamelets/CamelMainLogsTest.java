package io.github.camelai4call.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoApplication;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.DemoKeys;
import io.github.camelai4call.simulator.SimulatorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Camel Main application as docs/kamelets.md and docs/security.md describe it, in its own JVM: YAML routes calling
 * every action Kamelet and {@code ai4call:} endpoints, a source Kamelet, misspelled options, keys from environment
 * variables, everything logged at DEBUG (the connector and its HTTP client at TRACE), tracing on, {@code log} steps
 * that print whole bodies and models. Neither key may appear anywhere in what the application prints.
 */
class CamelMainLogsTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).analyticsRecords(20).build());

    private static final String MARKER = "ai4call-marker ";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([\\w.-]+)}}");

    @Test
    void noKeyInAnyLineOfACamelMainApplication() throws Exception {
        // kept after the run: target/camel-main-logs/out.log is what the application printed
        Path dir = Files.createDirectories(Path.of("target", "camel-main-logs").toAbsolutePath());
        Map<String, Step> steps = steps();
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("ai4call.camel.yaml"), routesYaml(steps));
        Files.writeString(dir.resolve("application.properties"), applicationProperties(routes));
        Files.writeString(dir.resolve("log4j2.properties"), LOGGING);

        Path out = dir.resolve("out.log");
        DemoApplication app = DemoApplication.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                // Log4j's own shutdown hook would stop logging before Camel Main's graceful shutdown has logged
                "-Dlog4j2.shutdownHookEnabled=false",
                "org.apache.camel.main.Main", "-pl", "file:" + dir.resolve("application.properties")),
                dir, out, DemoApplication.environment(SIMULATOR.baseUrl(), DemoData.DEMO_ASSISTANT_SALES));
        try (app) {
            // the markers are built when the routes run (${routeId}): the route dump at start-up does not match
            app.awaitConsole(log -> log.contains(MARKER + "drive done") && log.contains(MARKER + "consumer record"),
                    Duration.ofSeconds(180), "drive route and consumer record");
        } // SIGTERM: Camel Main's graceful shutdown, whose lines are checked too
        String log = app.console();

        // the application ran: every step answered, the consumer delivered, Camel printed what it prints
        List<String> notOk = new ArrayList<>();
        for (String step : steps.keySet()) {
            if (!log.contains(MARKER + step + " ok")) {
                notOk.add(step);
            }
        }
        assertEquals(List.of(), notOk, "steps without their ok line:\n" + DemoKeys.masked(markerLines(log)));
        assertTrue(log.contains(MARKER + "misspelled-kamelet failed"), DemoKeys.masked(markerLines(log)));
        assertTrue(log.contains(MARKER + "misspelled-uri failed"), DemoKeys.masked(markerLines(log)));
        assertTrue(log.contains("camel.component.ai4call.portalApiKey = xxxxxx"), "the summary did not mask the key");
        assertTrue(log.contains("portalApiKey = xxxxxx") && log.contains("assistantApiKey = xxxxxx"),
                "the Kamelet properties in the summary are not masked");
        assertTrue(log.contains("org.apache.camel.Tracing"), "no tracer lines");
        assertTrue(log.contains(") started in ") && log.contains(") shutdown in "), "no start or shutdown lines");
        assertTrue(log.lines().count() > 1000, "only " + log.lines().count() + " lines");

        // and neither key anywhere
        List<String> leaks = DemoKeys.linesWithKeys("output", log);
        assertEquals(List.of(), leaks, leaks.size() + " lines of " + log.lines().count() + " print a key (shown masked)");
    }

    /** One route per step: every operation through its action Kamelet, then a few ai4call: endpoints. */
    private static Map<String, Step> steps() {
        String sales = "{{ai4call.assistant}}";
        Map<String, Step> s = new LinkedHashMap<>();
        s.put("portalLogin", kamelet("portalLogin",
                "{\"email\":\"{{ai4call.email}}\",\"portalApiKey\":\"{{ai4call.portal-api-key}}\"}"));
        s.put("health", kamelet("health", null));
        s.put("updateAllowedIps", kamelet("updateAllowedIps", "{\"enabled\":false,\"ips\":[\"203.0.113.10/32\"]}"));
        s.put("getAllowedIps", kamelet("getAllowedIps", null));
        s.put("updateCallLimits", kamelet("updateCallLimits", "{\"maxConcurrentCalls\":5}"));
        s.put("getCallLimits", kamelet("getCallLimits", null));
        s.put("updateNumberRouting", kamelet("updateNumberRouting",
                "{\"routes\":[{\"number\":\"+390200000009\",\"assistantApiKey\":\"" + sales + "\"}]}"));
        s.put("getNumberRouting", kamelet("getNumberRouting", null));
        s.put("listAvailablePlugins", kamelet("listAvailablePlugins", null, "limit=20"));
        s.put("listPluginInstances", kamelet("listPluginInstances", null));
        s.put("getPluginConfiguration", kamelet("getPluginConfiguration", null,
                "instanceId=" + DemoData.DEMO_PLUGIN_INSTANCE));
        s.put("updatePluginConfiguration", kamelet("updatePluginConfiguration",
                "{\"instanceId\":\"" + DemoData.DEMO_PLUGIN_INSTANCE + "\",\"settings\":{\"syncOutcomes\":false}}"));
        s.put("purchasePlugin", kamelet("purchasePlugin", "{\"pluginId\":\"" + DemoData.PLUGIN_SMS_GATEWAY + "\"}"));
        s.put("listAssistants", kamelet("listAssistants", null));
        s.put("createAssistant", kamelet("createAssistant", "{\"name\":\"Reminders\",\"language\":\"it-IT\"}"));
        s.put("getAssistant", kamelet("getAssistant", null, "assistantApiKey=" + sales));
        s.put("getAssistantPrompt", kamelet("getAssistantPrompt", null, "assistantApiKey=" + sales));
        s.put("updateAssistantPrompt", kamelet("updateAssistantPrompt",
                "{\"prompt\":\"You confirm appointments politely.\",\"firstMessage\":\"Hello!\"}",
                "assistantApiKey=" + sales));
        s.put("getRuntimeSettings", kamelet("getRuntimeSettings", null, "assistantApiKey=" + sales));
        s.put("updateRuntimeSettings", kamelet("updateRuntimeSettings", "{\"settings\":{\"silenceTimeoutSeconds\":12}}",
                "assistantApiKey=" + sales));
        s.put("listTtsProviders", kamelet("listTtsProviders", null));
        s.put("listAsrProviders", kamelet("listAsrProviders", null));
        s.put("listLlmProviders", kamelet("listLlmProviders", null));
        s.put("listTtsVoices", kamelet("listTtsVoices", null, "assistantApiKey=" + sales));
        s.put("listAsrModels", kamelet("listAsrModels", null, "assistantApiKey=" + sales));
        s.put("listLlmModels", kamelet("listLlmModels", null, "assistantApiKey=" + sales));
        s.put("updateTts", kamelet("updateTts", "{\"provider\":\"elevenlabs\",\"voiceId\":\"el_giulia\"}",
                "assistantApiKey=" + sales));
        s.put("updateAsr", kamelet("updateAsr", "{\"provider\":\"deepgram\",\"model\":\"nova-2\"}",
                "assistantApiKey=" + sales));
        s.put("updateLlm", kamelet("updateLlm", "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}",
                "assistantApiKey=" + sales));
        s.put("updateDtmf", kamelet("updateDtmf", "{\"enabled\":true,\"terminationKey\":\"#\"}",
                "assistantApiKey=" + sales));
        s.put("listRagCollections", kamelet("listRagCollections", null));
        s.put("listRagDocuments", kamelet("listRagDocuments", null,
                "collectionName=" + DemoData.RAG_COLLECTION_PRODUCT_FAQ));
        s.put("uploadRagDocument", kamelet("uploadRagDocument", "Opening hours: 9 to 18, Monday to Friday.",
                "collectionName=kb-logs").withHeader("CamelFileNameOnly", "hours.txt"));
        s.put("deleteRagDocument", kamelet("deleteRagDocument", null,
                "collectionName=" + DemoData.RAG_COLLECTION_PRODUCT_FAQ, "documentId=" + DemoData.RAG_DOCUMENT_FAQ));
        s.put("estimateRagDocument", kamelet("estimateRagDocument", "{\"fileName\":\"manual.pdf\",\"sizeBytes\":1048576}"));
        s.put("updateRag", kamelet("updateRag", "{\"enabled\":true,\"collections\":[\"product-faq\"]}",
                "assistantApiKey=" + sales));
        s.put("listTools", kamelet("listTools", null));
        s.put("updateTools", kamelet("updateTools", "{\"toolIds\":[\"" + DemoData.TOOL_BOOK_APPOINTMENT + "\"]}",
                "assistantApiKey=" + sales));
        s.put("listAssistantTools", kamelet("listAssistantTools", null, "assistantApiKey=" + sales));
        s.put("listPreCallOptions", kamelet("listPreCallOptions", null, "assistantApiKey=" + sales));
        s.put("updateNumberValidation", kamelet("updateNumberValidation",
                "{\"enabled\":true,\"allowedCountries\":[\"IT\"]}", "assistantApiKey=" + sales));
        s.put("updateMcpConfig", kamelet("updateMcpConfig",
                "{\"enabled\":true,\"serverUrl\":\"https://mcp.example.com/sse\"}", "assistantApiKey=" + sales));
        s.put("listHangupOptions", kamelet("listHangupOptions", null, "assistantApiKey=" + sales));
        s.put("updateHangup", kamelet("updateHangup", "{\"action\":\"transfer\",\"transferNumber\":\"+390200000099\"}",
                "assistantApiKey=" + sales));
        s.put("updateSaveConversation", kamelet("updateSaveConversation",
                "{\"enabled\":true,\"destination\":\"portal\"}", "assistantApiKey=" + sales));
        s.put("updateHangupSchema", kamelet("updateHangupSchema",
                "{\"schema\":{\"type\":\"object\",\"properties\":{\"confirmed\":{\"type\":\"boolean\"}}}}",
                "assistantApiKey=" + sales));
        s.put("outboundCall", kamelet("outboundCall", "{\"to\":\"+390810000001\",\"metadata\":{\"lead_id\":\"L-42\"}}",
                "assistantApiKey=" + sales));
        s.put("outboundCallPbx", kamelet("outboundCallPbx",
                "{\"assistantApiKey\":\"" + sales + "\",\"to\":\"+390810000002\",\"metadata\":{\"ticket\":\"T-7\"}}"));
        for (String feed : List.of("analyticsCalls", "analyticsCallsOutbound", "analyticsRecharges", "analyticsRag",
                "analyticsSms", "analyticsToolResponses", "analyticsPreCall")) {
            s.put(feed, kamelet(feed, null, "limit=10", "from=2020-01-01T00:00:00Z"));
        }
        // the component's own URIs (credentials from camel.component.ai4call.*), answers as typed models
        s.put("uri-getAssistant-model", new Step("ai4call:getAssistant?assistantApiKey=RAW(" + sales
                + ")&outputType=model", null, Map.of()));
        s.put("uri-listAssistants-model", new Step("ai4call:listAssistants?outputType=model", null, Map.of()));
        s.put("uri-outboundCall-model", new Step("ai4call:outboundCall?assistantApiKey=RAW(" + sales
                + ")&outputType=model", "{\"to\":\"+390810000003\"}", Map.of()));
        // one route, many customers: credentials in headers, as flow 6 of docs/examples.md
        s.put("uri-headers", new Step("ai4call:getAssistant?outputType=model", null,
                Map.of("CamelAi4callEmail", "{{ai4call.email}}", "CamelAi4callPortalApiKey", "{{ai4call.portal-api-key}}",
                        "CamelAi4callAssistantApiKey", sales)));

        TreeSet<String> missing = new TreeSet<>();
        for (Ai4callOperation op : Ai4callOperation.values()) {
            if (!s.containsKey(op.name())) {
                missing.add(op.name());
            }
        }
        assertEquals(new TreeSet<>(), missing, "operations without a step");
        return s;
    }

    private static Step kamelet(String operation, String body, String... props) {
        boolean credentials = !operation.equals("health") && !operation.equals("portalLogin");
        StringBuilder uri = new StringBuilder("kamelet:ai4call-")
                .append(KameletTestSupport.kebab(operation)).append("-action?baseUrl={{ai4call.base-url}}");
        if (credentials) {
            uri.append("&email={{ai4call.email}}&portalApiKey={{ai4call.portal-api-key}}");
        }
        for (String p : props) {
            uri.append('&').append(p);
        }
        return new Step(uri.toString(), body, Map.of());
    }

    /** A route step: the endpoint, the body to send (null: none) and headers to set before. */
    record Step(String uri, String body, Map<String, String> headers) {
        Step withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Step(uri, body, h);
        }
    }

    private static String applicationProperties(Path routes) {
        return """
                camel.main.name = ai4call-logs
                camel.main.routes-include-pattern = file:%s/*.camel.yaml
                camel.main.tracing = true
                camel.main.log-mask = true
                camel.main.shutdown-timeout = 5
                camel.component.ai4call.base-url = {{env:AI4CALL_BASE_URL}}
                camel.component.ai4call.email = {{env:AI4CALL_EMAIL}}
                camel.component.ai4call.portal-api-key = {{env:AI4CALL_PORTAL_API_KEY}}
                ai4call.base-url = {{env:AI4CALL_BASE_URL}}
                ai4call.email = {{env:AI4CALL_EMAIL}}
                ai4call.portal-api-key = {{env:AI4CALL_PORTAL_API_KEY}}
                ai4call.assistant = {{env:AI4CALL_ASSISTANT_API_KEY}}
                """.formatted(routes.toString().replace('\\', '/'));
    }

    /**
     * Everything at DEBUG, the connector and its HTTP client at TRACE, except the two Camel loggers that print the
     * values of property placeholders as they are resolved (docs/security.md: keep them at INFO).
     */
    private static final String LOGGING = """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%t] %logger - %msg%n
            rootLogger.level = DEBUG
            rootLogger.appenderRef.out.ref = out
            logger.ai4call.name = io.github.camelai4call
            logger.ai4call.level = TRACE
            logger.hc.name = org.apache.hc
            logger.hc.level = TRACE
            logger.properties.name = org.apache.camel.component.properties
            logger.properties.level = INFO
            logger.resolved.name = org.apache.camel.impl.engine.DefaultCamelContextExtension
            logger.resolved.level = INFO
            """;

    private static String routesYaml(Map<String, Step> steps) {
        StringBuilder y = new StringBuilder();
        y.append("- route:\n    id: drive\n    from:\n      uri: \"timer:drive?repeatCount=1&delay=1000\"\n      steps:\n");
        for (String name : steps.keySet()) {
            y.append("        - to: \"direct:").append(name).append("\"\n");
        }
        y.append("        - to: \"direct:misspelled-kamelet\"\n");
        y.append("        - to: \"direct:misspelled-uri\"\n");
        y.append("        - log: \"").append(MARKER).append("${routeId} done\"\n");
        for (Map.Entry<String, Step> e : steps.entrySet()) {
            Step step = e.getValue();
            List<String> body = new ArrayList<>();
            body.add("- setBody:\n    simple: " + quote(step.body() == null ? "${null}" : spaceBraces(step.body())));
            step.headers().forEach((h, v) -> body.add("- setHeader:\n    name: " + h + "\n    simple: " + quote(v)));
            body.add("- to: " + quote(step.uri()));
            body.add("- log: \"${body}\"");
            body.add("- log: \"" + MARKER + "${routeId} ok: ${body}\"");
            if (!step.headers().isEmpty()) {
                body.add("- removeHeaders:\n    pattern: \"CamelAi4call*\"");
            }
            y.append(tryRoute(e.getKey(), body));
        }
        // misspelled options: assistantApiKye instead of assistantApiKey
        y.append(tryRoute("misspelled-kamelet", List.of(
                "- toD: \"kamelet:ai4call-get-assistant-action?baseUrl={{ai4call.base-url}}&email={{ai4call.email}}"
                + "&portalApiKey={{ai4call.portal-api-key}}&assistantApiKye={{ai4call.assistant}}\"",
                "- log: \"" + MARKER + "${routeId} ok\"")));
        y.append(tryRoute("misspelled-uri", List.of(
                "- toD: \"ai4call:getAssistant?assistantApiKye={{ai4call.assistant}}\"",
                "- log: \"" + MARKER + "${routeId} ok\"")));
        // a source Kamelet: every analytics record once
        y.append("""
                - route:
                    id: consumer
                    from:
                      uri: "kamelet:ai4call-calls-source?baseUrl={{ai4call.base-url}}&email={{ai4call.email}}&portalApiKey={{ai4call.portal-api-key}}&startFrom=P30D&delay=1000"
                      steps:
                        - log: "${body}"
                        - log: "%s${routeId} record ${body}"
                """.formatted(MARKER));
        return y.toString();
    }

    /** A route {@code direct:<name>} running the steps in doTry, logging the failure with a marker in doCatch. */
    private static String tryRoute(String name, List<String> steps) {
        StringBuilder y = new StringBuilder();
        y.append("- route:\n    id: \"").append(name).append("\"\n    from:\n      uri: \"direct:").append(name)
                .append("\"\n      steps:\n        - doTry:\n            steps:\n");
        for (String s : steps) {
            y.append(s.indent(14));
        }
        y.append("            doCatch:\n              - exception:\n                  - java.lang.Exception\n")
                .append("                steps:\n                  - log: \"").append(MARKER)
                .append("${routeId} failed: ${exception.message}\"\n");
        return y.toString();
    }

    /** "} }" where JSON ends in "}}", which Camel would read as the end of a property placeholder. */
    private static String spaceBraces(String json) {
        String protectedPlaceholders = PLACEHOLDER.matcher(json).replaceAll("\u0001$1\u0002");
        while (protectedPlaceholders.contains("}}")) {
            protectedPlaceholders = protectedPlaceholders.replace("}}", "} }");
        }
        return protectedPlaceholders.replace("\u0001", "{{").replace("\u0002", "}}");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String markerLines(String log) {
        StringBuilder b = new StringBuilder();
        log.lines().filter(l -> l.contains(MARKER)).forEach(l -> b.append(l, 0, Math.min(l.length(), 300)).append('\n'));
        return b.toString();
    }
}
