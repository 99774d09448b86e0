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
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;

import org.apache.camel.quarkus.core.deployment.spi.RuntimeCamelContextCustomizerBuildItem;

/**
 * What the {@code ai4call:} component needs on Quarkus beyond what Camel Quarkus does for every component. Camel
 * Quarkus discovers the component, its configurers and its URI factory from the service files camel-component-maven-plugin
 * generated, resolves them at build time and, in native mode, registers those classes for reflection and embeds the
 * component descriptor; nothing here repeats that. These steps add the feature, the index of the component jar, the
 * native-only registrations Camel Quarkus cannot know of (the Jackson models, the contract the body validator reads),
 * the readiness check, and the Quarkus configuration, applied when the Camel context starts.
 */
public class Ai4callProcessor {

    public static final String FEATURE = "camel-ai4call";

    /** Jackson (de)serialises the classes of this package by reflection. */
    public static final String MODEL_PACKAGE = "io.github.camelai4call.model";

    /** Read at run time from the class path: the contract, by the request body validator. */
    public static final List<String> RESOURCES = List.of("ai4call/ai4call-openapi.yaml");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Index the component whether or not its jar carries {@code META-INF/jandex.idx} (a workspace build of the
     * module, a repackaged jar), so that it is an application archive, where Camel Quarkus looks for service files,
     * and the model classes are in the index.
     */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camel-ai4call", "camel-ai4call");
    }

    /** Native only: the models, which Jackson binds by reflection. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    ReflectiveClassBuildItem reflection(CombinedIndexBuildItem combinedIndex) {
        String[] models = modelClasses(combinedIndex.getIndex()).toArray(String[]::new);
        if (models.length == 0) {
            throw new IllegalStateException("camel-quarkus-ai4call: no class of " + MODEL_PACKAGE
                                            + " in the index; is camel-ai4call on the class path?");
        }
        return ReflectiveClassBuildItem.builder(models).constructors().methods().fields()
                .reason("AI4CALL models are bound by Jackson").build();
    }

    static Stream<String> modelClasses(IndexView index) {
        return index.getKnownClasses().stream().map(ClassInfo::name).map(Object::toString)
                .filter(n -> n.startsWith(MODEL_PACKAGE + ".")).sorted();
    }

    /** Native only: the contract inside the image. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
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

    /**
     * At run-time init, a Camel context customizer that applies the Quarkus configuration to the {@code ai4call}
     * components already created and registers a {@code ComponentCustomizer} for those created later.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    RuntimeCamelContextCustomizerBuildItem quarkusConfiguration(Ai4callRecorder recorder) {
        return new RuntimeCamelContextCustomizerBuildItem(recorder.quarkusConfigCustomizer());
    }
}
