package io.github.camelai4call.quarkus.deployment;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.camelai4call.quarkus.runtime.Ai4callBuildTimeConfig;
import io.github.camelai4call.quarkus.runtime.Ai4callConnectionSettings;
import io.github.camelai4call.quarkus.runtime.Ai4callRuntimeConfig;
import io.github.camelai4call.simulator.DemoData;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The AI4CALL simulator as a dev service: in dev and test mode, when nothing points the component at a service, the
 * simulator starts on 127.0.0.1 and the component is configured with its URL and the demo customer's credentials
 * ({@code quarkus.camel.ai4call.base-url}, {@code .email}, {@code .portal-api-key}).
 */
class Ai4callDevServicesProcessor {

    /** The prefix of {@link Ai4callRuntimeConfig}, under which the dev service provides its settings. */
    private static final String PREFIX = "quarkus.camel.ai4call.";
    private static final Logger LOG = Logger.getLogger(Ai4callDevServicesProcessor.class);

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem simulator(Ai4callBuildTimeConfig config) {
        Ai4callBuildTimeConfig.DevServices devServices = config.devservices();
        if (!devServices.enabled()) {
            LOG.debug("Not starting the AI4CALL simulator dev service: quarkus.camel.ai4call.devservices.enabled=false");
            return null;
        }
        Config buildConfig = ConfigProvider.getConfig();
        Ai4callRuntimeConfig runtimeConfig = runtimeConfigAsBuildSeesIt(buildConfig);
        if (Ai4callConnectionSettings.anyConfigured(runtimeConfig, buildConfig)) {
            LOG.debug("Not starting the AI4CALL simulator dev service: a base URL or credentials are configured");
            return null;
        }
        SimulatorSettings settings = new SimulatorSettings(devServices.port(), devServices.analyticsRecords());
        Map<String, Function<SimulatorDevService, String>> provided = Map.of(
                PREFIX + "base-url", SimulatorDevService::getConnectionInfo,
                PREFIX + "email", s -> DemoData.DEMO_EMAIL,
                PREFIX + "portal-api-key", s -> DemoData.DEMO_PORTAL_API_KEY);
        return DevServicesResultBuildItem.<SimulatorDevService> owned()
                .name(Ai4callProcessor.FEATURE)
                .serviceName("ai4call-simulator")
                .description("AI4CALL simulator (demo customer " + DemoData.DEMO_EMAIL + ")")
                // the same settings in a later restart keep the running simulator (and its state)
                .serviceConfig(settings)
                .startable(() -> new SimulatorDevService(settings))
                .configProvider(provided)
                .build();
    }

    /**
     * The run-time mapping over the sources the build sees (application.properties, the environment, test overrides):
     * a run-time root is neither a build step parameter nor registered in the build's configuration.
     */
    static Ai4callRuntimeConfig runtimeConfigAsBuildSeesIt(Config buildConfig) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(StreamSupport.stream(buildConfig.getConfigSources().spliterator(), false).toList())
                .withMapping(Ai4callRuntimeConfig.class)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(Ai4callRuntimeConfig.class);
    }

    /** What the running simulator depends on; equal settings reuse it across dev-mode restarts and test classes. */
    record SimulatorSettings(int port, int analyticsRecords) {
    }
}
