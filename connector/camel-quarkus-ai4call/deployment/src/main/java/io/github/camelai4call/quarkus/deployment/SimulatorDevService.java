package io.github.camelai4call.quarkus.deployment;

import org.jboss.logging.Logger;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;
import io.quarkus.deployment.builditem.Startable;

/** The embedded simulator (JDK HTTP server, no container) behind Quarkus's dev-service lifecycle. */
final class SimulatorDevService implements Startable {

    private static final Logger LOG = Logger.getLogger(SimulatorDevService.class);

    private final Ai4callDevServicesProcessor.SimulatorSettings settings;
    private volatile Ai4callSimulator simulator;

    SimulatorDevService(Ai4callDevServicesProcessor.SimulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        simulator = Ai4callSimulator.start(SimulatorConfig.builder().host("127.0.0.1").port(settings.port())
                .analyticsRecords(settings.analyticsRecords()).build());
        LOG.infof("AI4CALL simulator dev service started at %s (demo customer %s, assistants %s and %s); "
                  + "set quarkus.camel.ai4call.base-url or credentials to use another service",
                simulator.baseUrl(), DemoData.DEMO_EMAIL, DemoData.DEMO_ASSISTANT_SALES, DemoData.DEMO_ASSISTANT_SUPPORT);
    }

    @Override
    public String getConnectionInfo() {
        Ai4callSimulator s = simulator;
        return s == null ? null : s.baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        Ai4callSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
            LOG.info("AI4CALL simulator dev service stopped");
        }
    }
}
