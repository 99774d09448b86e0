package io.github.camelai4call.examples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.CallRecord;
import io.github.camelai4call.model.CallRecordPage;
import io.github.camelai4call.model.PortalLoginResponse;
import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * The README's run command: AI4CALL automation end to end. Starts the embedded simulator (or uses the real service
 * when AI4CALL_BASE_URL, AI4CALL_EMAIL and AI4CALL_PORTAL_API_KEY are set), checks the credentials, lists the
 * assistants, updates a prompt, calls the leads of a CSV file through a YAML route, tracks their outcomes through
 * analytics, prints a summary and stops.
 */
public final class Showcase {

    private Showcase() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv("AI4CALL_BASE_URL");
        boolean real = baseUrl != null && !baseUrl.isBlank();
        Ai4callSimulator simulator = null;
        step(1, real ? "Using the AI4CALL service at " + baseUrl : "Starting the embedded AI4CALL simulator");
        if (!real) {
            simulator = Ai4callSimulator.start(SimulatorConfig.builder().port(0).callDuration(Duration.ofMillis(300)).build());
            baseUrl = simulator.baseUrl();
            System.out.println("      simulator at " + baseUrl);
        }
        String email = real ? System.getenv("AI4CALL_EMAIL") : DemoData.DEMO_EMAIL;
        String key = real ? System.getenv("AI4CALL_PORTAL_API_KEY") : DemoData.DEMO_PORTAL_API_KEY;
        boolean placeCalls = !real || "true".equals(System.getenv("AI4CALL_PLACE_CALLS"));

        Properties props = new Properties();
        try (CamelContext camel = new DefaultCamelContext()) {
            Ai4callConfiguration config = camel.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
            config.setBaseUrl(baseUrl);
            config.setEmail(email);
            config.setPortalApiKey(key);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:login").to("ai4call:portalLogin");
                    from("direct:assistants").to("ai4call:listAssistants");
                    from("direct:prompt").to("ai4call:updateAssistantPrompt");
                    from("direct:outcomes").to("ai4call:analyticsCallsOutbound?metadataKey=lead_id&limit=100");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            step(2, "Checking the portal credentials (ai4call:portalLogin)");
            PortalLoginResponse login = template.requestBody("direct:login", Map.of("email", email, "portalApiKey", key),
                    PortalLoginResponse.class);
            System.out.println("      authenticated as " + login.getCompanyName() + " (" + login.getCustomerId() + ")");

            step(3, "Listing assistants (ai4call:listAssistants)");
            AssistantPage assistants = template.requestBody("direct:assistants", null, AssistantPage.class);
            assistants.getItems().forEach(a -> System.out.println("      - " + a.getName() + " [" + a.getLanguage() + "]"));
            String assistant = System.getenv().getOrDefault("AI4CALL_ASSISTANT_API_KEY",
                    assistants.getItems().get(0).getAssistantApiKey());
            props.setProperty("ai4call.assistant", assistant);
            camel.getPropertiesComponent().setInitialProperties(props);

            step(4, "Updating the first message of the assistant (ai4call:updateAssistantPrompt)");
            template.requestBodyAndHeader("direct:prompt",
                    Map.of("firstMessage", "Hello! This is Demo S.r.l. calling about your request, is now a good time?"),
                    Ai4callConstants.ASSISTANT_API_KEY, assistant);
            System.out.println("      first message updated");

            int placed = 0;
            if (placeCalls) {
                step(5, "Calling the leads of data/leads.csv through the YAML route leads-to-calls (ai4call:outboundCall)");
                PluginHelper.getRoutesLoader(camel)
                        .loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/leads-to-calls.camel.yaml"));
                String csv;
                try (InputStream in = Showcase.class.getResourceAsStream("/data/leads.csv")) {
                    csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                placed = (int) csv.lines().skip(1).filter(l -> !l.isBlank()).count();
                template.sendBody("direct:leads", csv);
            } else {
                step(5, "Skipping real phone calls (set AI4CALL_PLACE_CALLS=true to call the leads)");
            }

            step(6, "Tracking outcomes through analytics (ai4call:analyticsCallsOutbound?metadataKey=lead_id)");
            List<CallRecord> outcomes = List.of();
            long deadline = System.currentTimeMillis() + 15_000;
            while (placed > 0 && System.currentTimeMillis() < deadline) {
                CallRecordPage page = template.requestBodyAndHeader("direct:outcomes", null, Ai4callConstants.FROM,
                        java.time.Instant.now().minus(Duration.ofMinutes(5)).toString(), CallRecordPage.class);
                outcomes = page.getItems();
                if (outcomes.size() >= placed) {
                    break;
                }
                Thread.sleep(250);
            }
            outcomes.forEach(r -> System.out.println("      lead " + r.getMetadata().get("lead_id") + " -> " + r.getOutcome()
                                                     + " after " + r.getDurationSeconds() + " s, cost " + r.getCost() + " "
                                                     + r.getCurrency()));

            System.out.println();
            System.out.println("Summary: " + assistants.getItems().size() + " assistants, 1 prompt updated, " + placed
                               + " calls placed, " + outcomes.size() + " outcomes tracked.");
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static void step(int n, String text) {
        System.out.println("[" + n + "/6] " + text);
    }
}
