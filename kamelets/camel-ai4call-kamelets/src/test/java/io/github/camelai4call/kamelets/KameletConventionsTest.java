package io.github.camelai4call.kamelets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callCallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The apache/camel-kamelets conventions, checked over every Kamelet of the catalog in one pass (all violations are
 * reported together). The numbers are the rules of issue 5.
 */
class KameletConventionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([^}]+)}}");
    private static final Set<String> TYPES = Set.of("source", "sink", "action");
    private static final String CREDENTIALS = "urn:camel:group:credentials";

    @Test
    void everyKameletFollowsTheConventions() throws Exception {
        ObjectMapper strict = new ObjectMapper(new YAMLFactory());
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Set<String> options = KameletFiles.componentOptions();
        Set<String> operations = new HashSet<>();
        KameletFiles.descriptor().path("properties").path("operation").path("enum").forEach(n -> operations.add(n.asText()));
        Set<String> secretOptions = new HashSet<>();
        KameletFiles.descriptor().path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                secretOptions.add(e.getKey());
            }
        });

        List<String> violations = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, Path> file : KameletFiles.files().entrySet()) {
            String f = file.getKey();
            JsonNode k;
            try {
                k = strict.readTree(Files.readString(file.getValue())); // 7. valid YAML, no duplicate keys
            } catch (Exception e) {
                violations.add(f + ": 7. not valid YAML: " + e.getMessage());
                continue;
            }
            String name = KameletFiles.name(k);
            String type = KameletFiles.type(k);
            counts.merge(type, 1, Integer::sum);
            // 1. file name
            if (!f.equals(name + ".kamelet.yaml")) {
                violations.add(f + ": 1. file name is not metadata.name + .kamelet.yaml (" + name + ")");
            }
            if (!"camel.apache.org/v1".equals(k.path("apiVersion").asText()) || !"Kamelet".equals(k.path("kind").asText())) {
                violations.add(f + ": apiVersion/kind is not camel.apache.org/v1 Kamelet");
            }
            // 2. type label and suffix
            if (!TYPES.contains(type) || !name.endsWith("-" + type)) {
                violations.add(f + ": 2. type label '" + type + "' is not source/sink/action or the name does not end with it");
            }
            // 3. definition and template
            JsonNode def = k.path("spec").path("definition");
            JsonNode template = k.path("spec").path("template");
            if (!def.isObject() || !template.isObject()) {
                violations.add(f + ": 3. spec.definition or spec.template is missing");
                continue;
            }
            JsonNode props = def.path("properties");
            Set<String> defined = new TreeSet<>();
            props.fieldNames().forEachRemaining(defined::add);
            // 4. required: no duplicates, only defined properties
            Set<String> required = new HashSet<>();
            for (JsonNode r : def.path("required")) {
                if (!required.add(r.asText())) {
                    violations.add(f + ": 4. '" + r.asText() + "' is required twice");
                }
                if (!defined.contains(r.asText())) {
                    violations.add(f + ": 4. required '" + r.asText() + "' is not a defined property");
                }
            }
            // 5. title, description, type object
            String title = def.path("title").asText("");
            String suffix = Character.toUpperCase(type.charAt(0)) + type.substring(1);
            if (!title.endsWith(" " + suffix)) {
                violations.add(f + ": 5. title '" + title + "' does not end with " + suffix);
            }
            if (def.path("description").asText("").isBlank()) {
                violations.add(f + ": 5. description is missing");
            }
            if (!"object".equals(def.path("type").asText())) {
                violations.add(f + ": 5. definition type is not object");
            }
            // 10. unique titles and descriptions
            String other = titles.put(title, f);
            if (other != null) {
                violations.add(f + ": 10. title '" + title + "' is also the title of " + other);
            }
            other = descriptions.put(def.path("description").asText(), f);
            if (other != null) {
                violations.add(f + ": 10. the description is also the description of " + other);
            }
            // 6. and 9. every property
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = f + " property " + e.getKey();
                JsonNode prop = e.getValue();
                for (String field : List.of("type", "title", "description")) {
                    if (prop.path(field).asText("").isBlank()) {
                        violations.add(p + ": 6. has no " + field);
                    }
                }
                String ptitle = prop.path("title").asText("");
                String first = ptitle.split(" ")[0];
                if (List.of("The", "A", "An").contains(first)) {
                    violations.add(p + ": 6. title '" + ptitle + "' starts with an article");
                }
                for (String word : ptitle.split(" ")) {
                    if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))) {
                        violations.add(p + ": 6. title '" + ptitle + "' does not capitalise '" + word + "'");
                    }
                }
                boolean password = "password".equals(prop.path("format").asText());
                boolean credentials = false;
                for (JsonNode d : prop.path("x-descriptors")) {
                    credentials |= CREDENTIALS.equals(d.asText());
                }
                if (password && !credentials) {
                    violations.add(p + ": 9. format password without the " + CREDENTIALS + " x-descriptor");
                }
                if (secretOptions.contains(e.getKey()) && !password) {
                    violations.add(p + ": 9. a secret option of the component that is not format: password");
                }
            }
            // 8. annotations
            JsonNode ann = k.path("metadata").path("annotations");
            String icon = ann.path("camel.apache.org/kamelet.icon").asText("");
            if (!icon.startsWith("data:image/svg+xml;base64,") || !new String(Base64.getDecoder()
                    .decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8).contains("<svg")) {
                violations.add(f + ": 8. icon is not an SVG data URI");
            }
            for (String a : List.of("camel.apache.org/catalog.version", "camel.apache.org/kamelet.support.level",
                    "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace")) {
                if (ann.path(a).asText("").isBlank()) {
                    violations.add(f + ": 8. annotation " + a + " is missing");
                }
            }
            // dependencies: the connector and camel:kamelet
            List<String> deps = new ArrayList<>();
            k.path("spec").path("dependencies").forEach(d -> deps.add(d.asText()));
            if (!deps.contains("mvn:io.github.camel-ai4call:camel-ai4call:0.1.0-SNAPSHOT") || !deps.contains("camel:kamelet")) {
                violations.add(f + ": spec.dependencies " + deps + " lack the connector or camel:kamelet");
            }
            // 11. placeholders <-> properties
            String templateText = KameletFiles.JSON.writeValueAsString(template);
            Set<String> used = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(templateText);
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String u : used) {
                if (!defined.contains(u)) {
                    violations.add(f + ": 11. placeholder {{" + u + "}} is not a declared property");
                }
            }
            for (String d : defined) {
                if (!used.contains(d)) {
                    violations.add(f + ": 11. property " + d + " is never used by the template");
                }
            }
            // 12. source ends in kamelet:sink, sink and action start from kamelet:source
            JsonNode from = template.path("from");
            if ("source".equals(type)) {
                JsonNode steps = from.path("steps");
                JsonNode last = steps.isArray() && steps.size() > 0 ? steps.get(steps.size() - 1) : null;
                if (last == null || !"kamelet:sink".equals(uriOf(last.path("to")))) {
                    violations.add(f + ": 12. the source template does not end in kamelet:sink");
                }
            } else if (!"kamelet:source".equals(from.path("uri").asText())) {
                violations.add(f + ": 12. the " + type + " template does not start from kamelet:source");
            }
            // 13. every option passed to ai4call: is a real option of the component
            List<JsonNode> endpoints = new ArrayList<>();
            collectEndpoints(template, endpoints);
            if (endpoints.stream().noneMatch(e -> uriOf(e).startsWith("ai4call:"))) {
                violations.add(f + ": 13. the template calls no ai4call: endpoint");
            }
            for (JsonNode e : endpoints) {
                String uri = uriOf(e);
                if (!uri.startsWith("ai4call:")) {
                    continue;
                }
                String path = uri.substring("ai4call:".length());
                String op = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
                if (!operations.contains(op)) {
                    violations.add(f + ": 13. ai4call:" + op + " is not an operation of the component");
                }
                Set<String> names = new TreeSet<>();
                e.path("parameters").fieldNames().forEachRemaining(names::add);
                if (path.contains("?")) {
                    for (String kv : path.substring(path.indexOf('?') + 1).split("&")) {
                        names.add(kv.split("=")[0]);
                    }
                }
                for (String n : names) {
                    if (!options.contains(n)) {
                        violations.add(f + ": 13. option '" + n + "' is not an option of the ai4call component");
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " convention violations:\n" + String.join("\n", violations));
        assertEquals(55, counts.getOrDefault("action", 0), "an action per operation");
        assertEquals(7 + Ai4callCallback.values().length, counts.getOrDefault("source", 0),
                "a source per analytics feed and per callback");
        assertEquals(2, counts.getOrDefault("sink", 0), "outboundCall and outboundCallPbx sinks");
    }

    private static String uriOf(JsonNode endpoint) {
        return endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText("");
    }

    /** Every from/to endpoint of a template, as a text URI or a {uri, parameters} object. */
    private static void collectEndpoints(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("to") || e.getKey().equals("from") || e.getKey().equals("toD"))
                        && (e.getValue().isTextual() || e.getValue().has("uri"))) {
                    out.add(e.getValue());
                }
                collectEndpoints(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectEndpoints(n, out));
        }
    }
}
