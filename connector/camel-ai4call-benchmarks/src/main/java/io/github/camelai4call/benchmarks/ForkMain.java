package io.github.camelai4call.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.SimulatorConfig;

/**
 * The main class of a client's fork ({@code ForkMain <ClientKind>}, started by {@link ClientFork}): starts the two
 * servers in this JVM, then does the harness's {@link ForkProtocol} commands one by one.
 */
public final class ForkMain {

    private final ClientKind kind;
    private final Ai4callSimulator sim;
    private final RecordedAnswerServer recorded;
    private final Measurement measurement;
    private Server server;
    private Client client;

    private ForkMain(ClientKind kind, Ai4callSimulator sim, RecordedAnswerServer recorded) {
        this.kind = kind;
        this.sim = sim;
        this.recorded = recorded;
        this.measurement = new Measurement(sim, RunSettings.fromSystemProperties());
    }

    public static void main(String[] args) throws Exception {
        ClientKind kind = ClientKind.valueOf(args[0]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Ai4callSimulator sim = Ai4callSimulator.start(SimulatorConfig.builder().port(0).analyticsRecords(5000)
                // thousands of outboundCalls per second: far beyond the demo account's call limits
                .enforceCallLimits(false).build());
             RecordedAnswerServer recorded = RecordedAnswerServer.recordFrom(sim.baseUrl(), DemoData.DEMO_EMAIL,
                     DemoData.DEMO_PORTAL_API_KEY, RawClients.MAPPER.writeValueAsBytes(Client.OUTBOUND_BODY))) {
            ForkMain fork = new ForkMain(kind, sim, recorded);
            answer(new ForkProtocol.Ready());
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                ForkProtocol.Command command = ForkProtocol.command(line);
                if (command instanceof ForkProtocol.Exit) {
                    break;
                }
                answer(fork.execute(command));
            }
            fork.close();
        }
        System.exit(0);
    }

    private ForkProtocol.Answer execute(ForkProtocol.Command command) throws Exception {
        if (command instanceof ForkProtocol.Prepare prepare) {
            return prepare(prepare.server());
        }
        if (command instanceof ForkProtocol.WarmUp warmUp) {
            return measurement.warmUp(server, client, warmUp.op(), warmUp.callers());
        }
        if (command instanceof ForkProtocol.TimedRound round) {
            return measurement.timedRound(server, client, round.op(), round.callers(), round.seconds());
        }
        throw new IllegalArgumentException("unexpected command: " + command);
    }

    /** Builds the client against the server, checks it once per operation and warms it up. */
    private ForkProtocol.Answer prepare(Server next) throws Exception {
        closeClient();
        server = next;
        String url = server == Server.RECORDED ? recorded.baseUrl() : sim.baseUrl();
        try {
            client = kind.create(url, DemoData.DEMO_EMAIL, DemoData.DEMO_PORTAL_API_KEY, Client.OUTBOUND_BODY);
        } catch (Exception e) {
            e.printStackTrace();
            return new ForkProtocol.Failed("The " + kind.label + " could not be started: " + e);
        }
        String failure = measurement.smokeTest(server, client, kind.label);
        if (failure != null) {
            return new ForkProtocol.Failed(failure);
        }
        return measurement.warmUpClient(server, client, kind.label);
    }

    private void closeClient() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private void close() throws Exception {
        closeClient();
        measurement.close();
    }

    private static void answer(ForkProtocol.Answer answer) {
        System.out.println(ForkProtocol.encode(answer));
        System.out.flush();
    }
}
