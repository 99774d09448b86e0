package io.github.camelai4call.kamelets;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/** A plain Camel context (Kamelets from the classpath) and the AI4CALL simulator. */
abstract class KameletTestSupport {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension(
            SimulatorConfig.builder().callDuration(Duration.ZERO).analyticsRecords(500).build()).resetBeforeEach();

    protected CamelContext camel;
    protected ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        // a source may be in the middle of a poll when the test ends: do not wait for it
        camel.getShutdownStrategy().setTimeout(2);
        configure(camel);
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** Routes, beans and properties before the context starts. */
    protected void configure(CamelContext context) throws Exception {
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** {@code kamelet:<name>?email=..&portalApiKey=..&baseUrl=<simulator>&<props>}. */
    static String uri(String kamelet, boolean credentials, String... props) {
        Map<String, String> all = new LinkedHashMap<>();
        if (credentials) {
            all.put("email", DemoData.DEMO_EMAIL);
            all.put("portalApiKey", DemoData.DEMO_PORTAL_API_KEY);
        }
        all.put("baseUrl", SIMULATOR.baseUrl());
        for (int i = 0; i < props.length; i += 2) {
            all.put(props[i], props[i + 1]);
        }
        StringBuilder b = new StringBuilder("kamelet:").append(kamelet);
        char sep = '?';
        for (Map.Entry<String, String> e : all.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return b.toString();
    }

    /** Sends the body (and headers) to the action Kamelet of the operation; the JSON answer. */
    protected JsonNode action(String operation, Object body, Map<String, Object> headers, String... props) {
        Exchange out = template.request(uri("ai4call-" + kebab(operation) + "-action",
                !operation.equals("health") && !operation.equals("portalLogin"), props), e -> {
            e.getMessage().setBody(body);
            if (headers != null) {
                e.getMessage().getHeaders().putAll(headers);
            }
        });
        if (out.getException() != null) {
            throw new AssertionError(operation + " failed: " + out.getException().getMessage(), out.getException());
        }
        try {
            return KameletFiles.JSON.readTree(out.getMessage().getBody(String.class));
        } catch (Exception e) {
            throw new AssertionError(operation + " did not answer JSON text: " + out.getMessage().getBody(), e);
        }
    }
}
