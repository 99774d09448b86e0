package io.github.camelai4call.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Kamelet against the Camel K Kamelet CRD schema, every Pipe example against the Pipe CRD schema
 * ({@code spec.versions[name=v1].schema.openAPIV3Schema}, OpenAPI 3.0 dialect; {@code x-kubernetes-*} keywords are
 * unknown to the validator and ignored). Skipped, with a message, when {@code ../shared/reference} is absent.
 */
class CrdSchemaTest {

    static JsonSchema crdSchema(String crdFile) throws IOException {
        JsonNode crd = KameletFiles.YAML.readTree(KameletFiles.reference(crdFile).toFile());
        JsonNode schema = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if ("v1".equals(v.path("name").asText())) {
                schema = v.path("schema").path("openAPIV3Schema");
            }
        }
        if (schema == null || schema.isMissingNode()) {
            throw new IllegalStateException(crdFile + " has no v1 openAPIV3Schema");
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        return factory.getSchema(schema, SchemaValidatorsConfig.builder().build());
    }

    @Test
    void everyKameletIsValidAgainstTheKameletCrd() throws IOException {
        JsonSchema schema = crdSchema("camel-k-kamelets-crd.yaml");
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> k : KameletFiles.kamelets().entrySet()) {
            schema.validate(k.getValue()).forEach(m -> errors.add(k.getKey() + ": " + m.getMessage()));
        }
        assertTrue(errors.isEmpty(), "Kamelets not valid against the Kamelet CRD:\n" + String.join("\n", errors));

        // the validator does validate: a broken Kamelet is refused
        ObjectNode broken = KameletFiles.kamelets().values().iterator().next().deepCopy();
        ((ObjectNode) broken.path("spec").path("definition")).put("required", "email");
        ((ObjectNode) broken.path("spec")).put("dependencies", "camel:kamelet");
        Set<ValidationMessage> refused = schema.validate(broken);
        assertFalse(refused.isEmpty(), "the CRD schema accepted a Kamelet with a string 'required'");
    }

    @Test
    void everyPipeExampleIsValidAgainstThePipeCrd() throws IOException {
        JsonSchema schema = crdSchema("camel-k-pipes-crd.yaml");
        Path pipes = KameletFiles.repoRoot().resolve("routes-examples/pipes");
        List<Path> files;
        try (Stream<Path> s = Files.list(pipes)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no Pipe examples in " + pipes);
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            JsonNode pipe = KameletFiles.read(f);
            if (!"Pipe".equals(pipe.path("kind").asText()) || !"camel.apache.org/v1".equals(pipe.path("apiVersion").asText())) {
                errors.add(f.getFileName() + ": not a camel.apache.org/v1 Pipe");
            }
            schema.validate(pipe).forEach(m -> errors.add(f.getFileName() + ": " + m.getMessage()));
        }
        assertTrue(errors.isEmpty(), "Pipes not valid against the Pipe CRD:\n" + String.join("\n", errors));
    }
}
