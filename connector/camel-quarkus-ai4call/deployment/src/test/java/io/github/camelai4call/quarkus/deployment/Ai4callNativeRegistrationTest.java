package io.github.camelai4call.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build items native mode needs, from this extension and Camel Quarkus together: reflection for every model and
 * for the classes the component's service files name, the contract and the descriptor as resources. The build runs
 * with {@code quarkus.native.enabled=true} (no image is built: the test consumes the build items).
 */
class Ai4callNativeRegistrationTest {

    /** The service files camel-component-maven-plugin generates for the component. */
    static final List<String> SERVICE_FILES = List.of(
            "META-INF/services/org/apache/camel/component/ai4call",
            "META-INF/services/org/apache/camel/configurer/ai4call-component",
            "META-INF/services/org/apache/camel/configurer/ai4call-endpoint",
            "META-INF/services/org/apache/camel/urifactory/ai4call-endpoint");

    // The build step runs with this class loaded by the test's class loader, the @Test methods with it loaded by
    // Quarkus's: the findings travel through system properties.
    static final String PREFIX = "ai4call.test.probe.";

    static List<String> found(String what) {
        return List.of(System.getProperty(PREFIX + what, "").split(","));
    }

    static void record(String what, java.util.stream.Stream<String> values) {
        System.setProperty(PREFIX + what, String.join(",", values.toList()));
    }

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.native.enabled", "true")
            .overrideConfigKey("quarkus.camel.ai4call.base-url", "http://127.0.0.1:9")
            .addBuildChainCustomizer(Ai4callNativeRegistrationTest::probe);

    static void probe(BuildChainBuilder builder) {
        builder.addBuildStep((BuildContext ctx) -> {
            record("reflective", ctx.consumeMulti(ReflectiveClassBuildItem.class).stream()
                    .flatMap(i -> i.getClassNames().stream()));
            record("resources", ctx.consumeMulti(NativeImageResourceBuildItem.class).stream()
                    .flatMap(i -> i.getResources().stream()));
            record("features", ctx.consumeMulti(FeatureBuildItem.class).stream().map(FeatureBuildItem::getName));
            record("devservices", ctx.consumeMulti(DevServicesResultBuildItem.class).stream()
                    .map(DevServicesResultBuildItem::getName));
            ctx.produce(new ServiceStartBuildItem("ai4call-test-probe"));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .consumes(FeatureBuildItem.class).consumes(DevServicesResultBuildItem.class)
                .produces(ServiceStartBuildItem.class).build();
    }

    @Test
    void everyModelIsRegisteredForReflection() throws Exception {
        // the component's classes: its jar, or its target/classes when Quarkus resolves the workspace module
        java.nio.file.Path location = java.nio.file.Path.of(io.github.camelai4call.model.NumberRoute.class
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> models;
        if (java.nio.file.Files.isDirectory(location)) {
            java.nio.file.Path dir = location.resolve("io/github/camelai4call/model");
            try (var files = java.nio.file.Files.list(dir)) {
                models = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                        .map(n -> "io.github.camelai4call.model." + n.substring(0, n.length() - ".class".length()))
                        .collect(Collectors.toSet());
            }
        } else {
            try (var jar = new java.util.jar.JarFile(location.toFile())) {
                models = jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith("io/github/camelai4call/model/") && n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .collect(Collectors.toSet());
            }
        }
        assertFalse(models.isEmpty());
        Set<String> missing = models.stream().filter(m -> !found("reflective").contains(m)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing, "model classes not registered for reflection");
    }

    @Test
    void configurersAndComponentAreRegistered() throws Exception {
        for (String file : SERVICE_FILES) {
            java.util.Properties service = new java.util.Properties();
            try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
                assertTrue(in != null, "present: " + file);
                service.load(in);
            }
            String c = service.getProperty("class");
            assertTrue(c != null && c.startsWith("io.github.camelai4call.component.Ai4call"), file + ": " + c);
            assertTrue(found("reflective").contains(c), c);
        }
    }

    @Test
    void contractAndDescriptorAreNativeResources() {
        assertTrue(found("resources").contains("ai4call/ai4call-openapi.yaml"), found("resources").toString());
        assertTrue(found("resources").contains("META-INF/io/github/camelai4call/component/ai4call.json"));
        for (String r : Ai4callProcessor.RESOURCES) {
            assertTrue(Thread.currentThread().getContextClassLoader().getResource(r) != null, "present: " + r);
        }
    }

    @Test
    void featureListedAndNoDevServiceWhenConfigured() {
        assertTrue(found("features").contains("camel-ai4call"), found("features").toString());
        assertFalse(found("devservices").contains("camel-ai4call"), found("devservices").toString());
    }
}
