package io.github.camelai4call.examples.springboot;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * Starts the AI4CALL simulator in-process when {@code ai4call.simulator.enabled=true} (the {@code simulator}
 * profile), before the application's beans are created, and publishes its address as
 * {@code ai4call.simulator.base-url}, which {@code application-simulator.properties} gives the component as its
 * baseUrl. It listens on a free port of 127.0.0.1 unless {@code ai4call.simulator.port} names one.
 */
public class EmbeddedSimulator implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "ai4call.simulator.enabled";
    static final String BASE_URL = "ai4call.simulator.base-url";
    private static final String SOURCE = "ai4callEmbeddedSimulator";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false) || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        Ai4callSimulator simulator = Ai4callSimulator.start(SimulatorConfig.builder()
                .port(environment.getProperty("ai4call.simulator.port", Integer.class, 0))
                .callDuration(Duration.ofMillis(300)).build());
        environment.getPropertySources().addLast(new SimulatorPropertySource(simulator));
    }

    /** After the application's configuration files are read, so that the simulator profile is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The simulator this post-processor started for that environment. */
    static Ai4callSimulator of(ConfigurableEnvironment environment) {
        PropertySource<?> source = environment.getPropertySources().get(SOURCE);
        if (source == null) {
            throw new IllegalStateException(ENABLED + " is set but the embedded simulator was not started");
        }
        return ((SimulatorPropertySource) source).getSource();
    }

    private static final class SimulatorPropertySource extends PropertySource<Ai4callSimulator> {

        SimulatorPropertySource(Ai4callSimulator simulator) {
            super(SOURCE, simulator);
        }

        @Override
        public Object getProperty(String name) {
            return BASE_URL.equals(name) ? getSource().baseUrl() : null;
        }
    }
}
