package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A Pipe file as the YAML route it stands for (source, steps, sink), the way the Camel K operator turns a Pipe into
 * an integration. Camel 4.18's YAML DSL loads a Pipe itself too, but it URL-encodes the Kamelet properties and
 * the Kamelet component never decodes them (CAMEL-23594, fixed on the 4.22 line): {@code {{ai4call.email}}}
 * arrives as {@code %7B%7Bai4call.email%7D%7D}, so no property placeholder of a Pipe resolves. The route form
 * passes the same properties as {@code parameters}, which the YAML DSL leaves unencoded for {@code kamelet:}.
 */
public final class PipeAsRoute {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PipeAsRoute() {
    }

    public static String routeYaml(Path pipeFile) throws IOException {
        JsonNode pipe = YAML.readTree(pipeFile.toFile());
        if (!"Pipe".equals(pipe.path("kind").asText())) {
            throw new IllegalArgumentException(pipeFile + " is not a Pipe");
        }
        JsonNode spec = pipe.path("spec");
        Map<String, Object> from = endpoint(spec.path("source"));
        List<Object> steps = new ArrayList<>();
        for (JsonNode step : spec.path("steps")) {
            steps.add(Map.of("to", endpoint(step)));
        }
        steps.add(Map.of("to", endpoint(spec.path("sink"))));
        from.put("steps", steps);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("id", pipe.path("metadata").path("name").asText());
        route.put("from", from);
        return YAML.writeValueAsString(List.of(Map.of("route", route)));
    }

    private static Map<String, Object> endpoint(JsonNode reference) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        JsonNode ref = reference.path("ref");
        if (!ref.isMissingNode()) {
            if (!"Kamelet".equals(ref.path("kind").asText())) {
                throw new IllegalArgumentException("only Kamelet references are supported: " + ref);
            }
            endpoint.put("uri", "kamelet:" + ref.path("name").asText());
        } else {
            endpoint.put("uri", reference.path("uri").asText());
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        reference.path("properties").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        if (!parameters.isEmpty()) {
            endpoint.put("parameters", parameters);
        }
        return endpoint;
    }
}
