package io.github.camelai4call.quarkus.deployment;

import java.util.List;
import java.util.stream.Stream;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;

import io.github.camelai4call.quarkus.runtime.Ai4callReadinessCheck;
import io.github.camelai4call.quarkus.runtime.Ai4callRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

import org.apache.camel.quarkus.core.deployment.spi.RuntimeCamelContextCustomizerBuildItem;

/**
 * What the {@code ai4call:} component needs on Quarkus. In JVM mode Camel Quarkus already discovers the component
 * through its service file and the jar's Jandex index; these steps add what native mode needs and the Quarkus
 * configuration. Nothing here runs at application start-up except registering one {@code ComponentCustomizer}.
 */
public class Ai4callProcessor {

    public static final String FEATURE = "camel-ai4call";

    /** Jackson (de)serialises these by reflection. */
    public static final String MODEL_PACKAGE = "io.github.camelai4call.model";
    public static final String COMPONENT_PACKAGE = "io.github.camelai4call.component";

    /** Read at run time: the contract by the body validator ({@code classpath:}), the descriptor by Camel tooling. */
    public static final List<String> RESOURCES = List.of(
            "ai4call/ai4call-openapi.yaml",
            "META-INF/io/github/camelai4call/component/ai4call.json",
            "META-INF/services/org/apache/camel/component/ai4call",
            "META-INF/services/org/apache/camel/configurer/ai4call-component",
            "META-INF/services/org/apache/camel/configurer/ai4call-endpoint",
            "META-INF/services/org/apache/camel/urifactory/ai4call-endpoint");

    /** Instantiated by Camel's FactoryFinder from the service files above. */
    public static final List<String> SERVICE_CLASSES = List.of(
            COMPONENT_PACKAGE + ".Ai4callComponent",
            COMPONENT_PACKAGE + ".Ai4callComponentConfigurer",
            COMPONENT_PACKAGE + ".Ai4callEndpointConfigurer",
            COMPONENT_PACKAGE + ".Ai4callEndpointUriFactory");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Index the component whether or not its jar carries {@code META-INF/jandex.idx} (a workspace build of the
     * module, a repackaged jar), so the model classes below are always found.
     */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camel-ai4call", "camel-ai4call");
    }

    @BuildStep
    void reflection(CombinedIndexBuildItem combinedIndex, BuildProducer<ReflectiveClassBuildItem> reflective) {
        String[] models = modelClasses(combinedIndex.getIndex()).toArray(String[]::new);
        if (models.length == 0) {
            throw new IllegalStateException("camel-quarkus-ai4call: no class of " + MODEL_PACKAGE
                                            + " in the index; is camel-ai4call on the class path?");
        }
        reflective.produce(ReflectiveClassBuildItem.builder(models).constructors().methods().fields()
                .reason("AI4CALL models are bound by Jackson").build());
        reflective.produce(ReflectiveClassBuildItem.builder(SERVICE_CLASSES.toArray(String[]::new)).constructors()
                .reason("ai4call component, configurers and URI factory are created from Camel service files").build());
    }

    static Stream<String> modelClasses(IndexView index) {
        return index.getKnownClasses().stream().map(ClassInfo::name).map(Object::toString)
                .filter(n -> n.startsWith(MODEL_PACKAGE + ".")).sorted();
    }

    @BuildStep
    NativeImageResourceBuildItem resources() {
        // networknt json-schema-validator ships its own META-INF/native-image resource-config (meta-schemas,
        // jsv-messages bundles), which native-image applies by itself.
        return new NativeImageResourceBuildItem(RESOURCES);
    }

    /** The producers' readiness in {@code /q/health/ready}, where the application has SmallRye Health. */
    @BuildStep
    void readiness(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(Ai4callReadinessCheck.class));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    RuntimeCamelContextCustomizerBuildItem quarkusConfiguration(Ai4callRecorder recorder) {
        return new RuntimeCamelContextCustomizerBuildItem(recorder.quarkusConfigCustomizer());
    }
}
