package io.github.camelai4call.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The throughput figures of a run: one row per (server, operation, callers, client), and the clients' warm-ups. */
record Throughput(List<Row> rows, List<ClientWarmup> warmups) {

    /** One client on one (server, operation, callers): its timed rounds and the warm-up before them. */
    record Row(Server server, Client.Op op, int callers, ClientKind client, Stats stats) {
    }

    /**
     * The timed rounds of one row: calls per second (mean of rounds, with sd, CV, min and max), failed calls and the
     * first failure, the warm-up before the first round, and the fork's user and system CPU per call in microseconds
     * (mean over rounds; NaN where unknown).
     */
    record Stats(Samples rates, long errors, String firstError, ForkProtocol.Warmed warmup, double userMicros,
            double systemMicros) {

        static Stats of(List<ForkProtocol.RoundResult> rounds, ForkProtocol.Warmed warmup) {
            return new Stats(Samples.of(rounds.stream().map(ForkProtocol.RoundResult::rate).toList()),
                    rounds.stream().mapToLong(ForkProtocol.RoundResult::errors).sum(),
                    rounds.stream().map(ForkProtocol.RoundResult::firstError).filter(e -> e != null).findFirst().orElse(null),
                    warmup,
                    rounds.stream().mapToDouble(ForkProtocol.RoundResult::userMicrosPerCall).average().orElse(Double.NaN),
                    rounds.stream().mapToDouble(ForkProtocol.RoundResult::systemMicrosPerCall).average().orElse(Double.NaN));
        }

        double mean() {
            return rates.mean();
        }

        double cpuMicros() {
            return userMicros + systemMicros;
        }
    }

    /** How long a client ran, before its first timed figure against a server, until its throughput stopped rising. */
    record ClientWarmup(Server server, ClientKind client, ForkProtocol.Warmed warmup) {
    }

    List<Row> of(Server server) {
        return rows.stream().filter(r -> r.server() == server).toList();
    }

    /** The row of one client, if it was measured. */
    Optional<Row> find(Server server, Client.Op op, int callers, ClientKind client) {
        return rows.stream().filter(r -> r.server() == server && r.op() == op && r.callers() == callers
                && r.client() == client).findFirst();
    }

    /** The fastest raw client's row on (server, operation, callers). */
    Optional<Row> fastestRaw(Server server, Client.Op op, int callers) {
        return rows.stream().filter(r -> r.server() == server && r.op() == op && r.callers() == callers
                && r.client().role == ClientKind.Role.RAW).max(Comparator.comparingDouble(r -> r.stats().mean()));
    }
}
