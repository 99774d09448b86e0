package io.github.camelai4call.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;

/**
 * Writes a Kaoto custom catalog: the catalog library {@code index.json} naming one runtime catalog, "Camel Main
 * &lt;version&gt;" of the Camel catalog on the classpath, whose index names the aggregates Kaoto loads (components,
 * models, patterns, entities, languages, data formats, load balancers, functions, Kamelets, Kamelet boundaries) and
 * the Camel YAML DSL schema and XML IO XSD. The Kamelet aggregate is one JSON object keyed by Kamelet name: the Apache Kamelet
 * catalog on the classpath, then every {@code *.kamelet.yaml} of the given folder (the AI4CALL Kamelets); the
 * given component descriptors (the ai4call component) join the Camel components.
 * Point Kaoto's "Catalog URL" setting at the library {@code index.json}.
 */
public final class KaotoCatalogWriter {

    /** The runtime Kaoto shows in its catalog picker. */
    static final String RUNTIME = "Main";
    /** Kaoto's catalog library format version this writer produces. */
    static final int LIBRARY_FORMAT_VERSION = 3;

    /** The YAML DSL entities Kaoto offers as top-level elements (and not as steps), as Camel's models name them. */
    private static final List<String> ENTITIES = List.of("beans", "dataFormats", "errorHandler", "from", "intercept",
            "interceptFrom", "interceptSendToEndpoint", "onCompletion", "onException", "routeConfiguration", "route",
            "routeTemplate", "templatedRoute", "restConfiguration", "rest");
    private static final String MODEL_PACKAGE = "org.apache.camel.model.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path kameletDir;
    private final String libraryName;
    private final List<Path> componentDescriptors;
    private final CamelCatalog camel = new DefaultCamelCatalog(true);

    /**
     * @param kameletDir           the folder whose {@code *.kamelet.yaml} files are merged into the Kamelet aggregate
     * @param libraryName          the name Kaoto shows for the library
     * @param componentDescriptors component JSON descriptors (such as the ai4call component's) added to the Camel
     *                             catalog's components
     */
    public KaotoCatalogWriter(Path kameletDir, String libraryName, List<Path> componentDescriptors) {
        this.kameletDir = kameletDir;
        this.libraryName = libraryName;
        this.componentDescriptors = List.copyOf(componentDescriptors);
    }

    /** Writes {@code index.json} and {@code camel-main/<version>/} into {@code outputDir}. */
    public void write(Path outputDir) throws IOException {
        String camelVersion = camel.getCatalogVersion();
        String runtimeFolder = "camel-main/" + camelVersion;
        Path runtimeDir = outputDir.resolve(runtimeFolder);
        Files.createDirectories(runtimeDir);

        JsonNode yamlDsl = JSON.readTree(resource("schema/camelYamlDsl.json"));
        JsonNode yamlDslDefinitions = yamlDsl.path("items").path("definitions");
        Map<String, JsonNode> models = models();

        ObjectNode index = JSON.createObjectNode();
        String runtimeName = "Camel Main " + camelVersion;
        index.put("name", runtimeName);
        index.put("version", camelVersion);
        index.put("runtime", RUNTIME);
        ObjectNode catalogs = index.putObject("catalogs");
        aggregate(runtimeDir, catalogs, "components", "Camel components", camelVersion, components());
        aggregate(runtimeDir, catalogs, "models", "Camel models", camelVersion, models);
        aggregate(runtimeDir, catalogs, "patterns", "Camel EIPs", camelVersion,
                withYamlDslSchemas(select(models, this::isPattern), yamlDslDefinitions));
        aggregate(runtimeDir, catalogs, "entities", "Camel YAML DSL entities", camelVersion,
                withYamlDslSchemas(select(models, m -> ENTITIES.contains(name(m))), yamlDslDefinitions));
        aggregate(runtimeDir, catalogs, "languages", "Camel languages", camelVersion,
                withOptionSchemas(select(models, inPackage("language."))));
        aggregate(runtimeDir, catalogs, "dataformats", "Camel data formats", camelVersion,
                withOptionSchemas(select(models, inPackage("dataformat."))));
        aggregate(runtimeDir, catalogs, "loadbalancers", "Camel load balancers", camelVersion,
                withOptionSchemas(select(models, inPackage("loadbalancer."))));
        aggregate(runtimeDir, catalogs, "functions", "Camel language functions", camelVersion, functions());
        aggregate(runtimeDir, catalogs, "kamelets", "Kamelets: the Apache Kamelet catalog and the AI4CALL Kamelets",
                camelVersion, kamelets());
        aggregate(runtimeDir, catalogs, "kameletBoundaries", "The Kamelet boundaries kamelet:source and kamelet:sink",
                camelVersion, boundaries());

        ObjectNode schemas = index.putObject("schemas");
        Files.write(runtimeDir.resolve("camelYamlDsl.json"), JSON.writeValueAsBytes(yamlDsl));
        entry(schemas, "camelYamlDsl", "Camel YAML DSL JSON schema", camelVersion, "camelYamlDsl.json");
        try (InputStream xsd = resource("org/apache/camel/catalog/schemas/camel-xml-io.xsd")) {
            Files.copy(xsd, runtimeDir.resolve("camel-xml-io.xsd"), StandardCopyOption.REPLACE_EXISTING);
        }
        entry(schemas, "camel-xml-io", "Camel XML IO XSD schema", camelVersion, "camel-xml-io.xsd");
        writeJson(runtimeDir.resolve("index.json"), index);

        ObjectNode library = JSON.createObjectNode();
        library.put("name", libraryName);
        library.put("version", LIBRARY_FORMAT_VERSION);
        ObjectNode definition = library.putArray("definitions").addObject();
        definition.put("name", runtimeName);
        definition.put("version", camelVersion);
        definition.put("runtime", RUNTIME);
        definition.put("fileName", runtimeFolder + "/index.json");
        writeJson(outputDir.resolve("index.json"), library);
    }

    // ------------------------------------------------------------------ the Camel catalog

    private Map<String, JsonNode> components() throws IOException {
        Map<String, JsonNode> components = new TreeMap<>();
        for (String name : camel.findComponentNames()) {
            ObjectNode component = (ObjectNode) JSON.readTree(camel.componentJSonSchema(name));
            component.set("propertiesSchema", KaotoPropertiesSchema.ofCatalogOptions(component.path("properties")));
            components.put(name, component);
        }
        for (Path descriptor : componentDescriptors) {
            ObjectNode component = (ObjectNode) JSON.readTree(descriptor.toFile());
            component.set("propertiesSchema", KaotoPropertiesSchema.ofCatalogOptions(component.path("properties")));
            components.put(component.path("component").path("name").asText(), component);
        }
        return components;
    }

    private Map<String, JsonNode> models() throws IOException {
        Map<String, JsonNode> models = new TreeMap<>();
        for (String name : camel.findModelNames()) {
            models.put(name, JSON.readTree(camel.modelJSonSchema(name)));
        }
        return models;
    }

    /** The simple language's functions, as Kaoto's expression editor suggests them. */
    private ObjectNode functions() throws IOException {
        ObjectNode functions = JSON.createObjectNode();
        JsonNode simple = JSON.readTree(camel.languageJSonSchema("simple"));
        functions.set("simple", simple.has("functions") ? simple.get("functions") : JSON.createObjectNode());
        return functions;
    }

    private boolean isPattern(JsonNode model) {
        String javaType = model.path("model").path("javaType").asText();
        return model.path("model").path("label").asText().contains("eip") && !ENTITIES.contains(name(model))
                && !javaType.startsWith(MODEL_PACKAGE + "language.") && !javaType.startsWith(MODEL_PACKAGE + "dataformat.")
                && !javaType.startsWith(MODEL_PACKAGE + "loadbalancer.");
    }

    private static Predicate<JsonNode> inPackage(String subPackage) {
        return m -> m.path("model").path("javaType").asText().startsWith(MODEL_PACKAGE + subPackage);
    }

    private static String name(JsonNode model) {
        return model.path("model").path("name").asText();
    }

    private static Map<String, JsonNode> select(Map<String, JsonNode> models, Predicate<JsonNode> which) {
        Map<String, JsonNode> selected = new TreeMap<>();
        models.forEach((name, model) -> {
            if (which.test(model)) {
                selected.put(name, model.deepCopy());
            }
        });
        return selected;
    }

    private static Map<String, JsonNode> withOptionSchemas(Map<String, JsonNode> entries) {
        entries.values().forEach(e -> ((ObjectNode) e).set("propertiesSchema",
                KaotoPropertiesSchema.ofCatalogOptions(e.path("properties"))));
        return entries;
    }

    /** Forms from the YAML DSL schema where it defines the model, from the catalog's options where it does not. */
    private static Map<String, JsonNode> withYamlDslSchemas(Map<String, JsonNode> entries, JsonNode yamlDslDefinitions) {
        entries.values().forEach(e -> {
            ObjectNode schema = KaotoPropertiesSchema.ofYamlDslDefinition(yamlDslDefinitions,
                    e.path("model").path("javaType").asText(), e.path("model"));
            ((ObjectNode) e).set("propertiesSchema",
                    schema != null ? schema : KaotoPropertiesSchema.ofCatalogOptions(e.path("properties")));
        });
        return entries;
    }

    // ------------------------------------------------------------------ Kamelets

    private Map<String, JsonNode> kamelets() throws IOException {
        Map<String, JsonNode> kamelets = new TreeMap<>();
        for (Path file : apacheKameletFiles()) {
            put(kamelets, file);
        }
        try (Stream<Path> files = Files.list(kameletDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList()) {
                put(kamelets, file);
            }
        }
        return kamelets;
    }

    private static void put(Map<String, JsonNode> kamelets, Path file) throws IOException {
        ObjectNode kamelet = (ObjectNode) YAML.readTree(Files.readString(file));
        kamelet.set("propertiesSchema", KaotoPropertiesSchema.ofKamelet(kamelet.path("spec").path("definition")));
        kamelets.put(kamelet.path("metadata").path("name").asText(), kamelet);
    }

    /** The Apache Kamelet catalog jar's {@code kamelets/*.kamelet.yaml}, when that jar is on the classpath. */
    private static List<Path> apacheKameletFiles() throws IOException {
        URL marker = KaotoCatalogWriter.class.getClassLoader().getResource("kamelets/log-sink.kamelet.yaml");
        if (marker == null) {
            return List.of();
        }
        try {
            URI uri = marker.toURI();
            Path folder;
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                folder = jar.getPath("/kamelets");
            } else {
                folder = Path.of(uri).getParent();
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** {@code kamelet:source} and {@code kamelet:sink}, the ends of a Kamelet's own route. */
    private static Map<String, JsonNode> boundaries() {
        Map<String, JsonNode> boundaries = new TreeMap<>();
        for (String type : List.of("source", "sink")) {
            ObjectNode kamelet = JSON.createObjectNode();
            kamelet.put("apiVersion", "camel.apache.org/v1");
            kamelet.put("kind", "Kamelet");
            ObjectNode metadata = kamelet.putObject("metadata");
            metadata.put("name", type);
            metadata.putObject("annotations").put("camel.apache.org/kamelet.support.level", "Stable");
            metadata.putObject("labels").put("camel.apache.org/kamelet.type", type);
            ObjectNode definition = kamelet.putObject("spec").putObject("definition");
            definition.put("title", "Kamelet " + Character.toUpperCase(type.charAt(0)) + type.substring(1));
            definition.put("description", "Where a Kamelet's own route " + ("source".equals(type)
                    ? "receives what its user sends it" : "hands its result back to its user"));
            definition.put("type", "object");
            definition.putObject("properties");
            kamelet.set("propertiesSchema", KaotoPropertiesSchema.ofKamelet(definition));
            boundaries.put(type, kamelet);
        }
        return boundaries;
    }

    // ------------------------------------------------------------------ files

    private static void aggregate(Path dir, ObjectNode catalogs, String key, String description, String version,
            Object content) throws IOException {
        String file = key + "-aggregate.json";
        writeJson(dir.resolve(file), JSON.valueToTree(content));
        entry(catalogs, key, description, version, file);
    }

    private static void entry(ObjectNode parent, String key, String description, String version, String file) {
        ObjectNode entry = parent.putObject(key);
        entry.put("name", key);
        entry.put("description", description);
        entry.put("version", version);
        entry.put("file", file);
    }

    private static void writeJson(Path file, JsonNode content) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(content));
    }

    private static InputStream resource(String name) {
        InputStream in = KaotoCatalogWriter.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException(name + " is not on the classpath (camel-catalog, camel-yaml-dsl)"));
        }
        return in;
    }
}
