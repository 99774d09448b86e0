package io.github.camelai4call.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/** A JVM build does no native-only work: no model registered for reflection, no contract embedded as a resource. */
class Ai4callJvmModeTest {

    // as in Ai4callNativeRegistrationTest: the build step and the tests see this class through different loaders
    static final String PREFIX = "ai4call.test.jvm.";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.ai4call.base-url", "http://127.0.0.1:9")
            .addBuildChainCustomizer(Ai4callJvmModeTest::probe);

    static void probe(BuildChainBuilder builder) {
        builder.addBuildStep((BuildContext ctx) -> {
            System.setProperty(PREFIX + "models", String.valueOf(ctx.consumeMulti(ReflectiveClassBuildItem.class).stream()
                    .flatMap(i -> i.getClassNames().stream())
                    .filter(n -> n.startsWith(Ai4callProcessor.MODEL_PACKAGE + ".")).count()));
            System.setProperty(PREFIX + "resources", String.join(",", ctx.consumeMulti(NativeImageResourceBuildItem.class)
                    .stream().flatMap(i -> i.getResources().stream()).toList()));
            ctx.produce(new ServiceStartBuildItem("ai4call-test-jvm-probe"));
        }).consumes(ReflectiveClassBuildItem.class).consumes(NativeImageResourceBuildItem.class)
                .produces(ServiceStartBuildItem.class).build();
    }

    @Test
    void noModelIsRegisteredForReflection() {
        assertEquals("0", System.getProperty(PREFIX + "models"));
    }

    @Test
    void theContractIsNoNativeResource() {
        List<String> resources = List.of(System.getProperty(PREFIX + "resources", "").split(","));
        for (String r : Ai4callProcessor.RESOURCES) {
            assertFalse(resources.contains(r), r + " in " + resources);
        }
    }
}
