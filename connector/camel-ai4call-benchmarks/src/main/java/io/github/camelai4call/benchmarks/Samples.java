package io.github.camelai4call.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Measured values of one figure (rounds, runs) and the statistics the report shows of them. */
record Samples(double[] values) {

    static Samples of(List<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int count() {
        return values.length;
    }

    double mean() {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** The sample standard deviation (n - 1). */
    double sd() {
        double mean = mean();
        return Math.sqrt(Arrays.stream(values).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, values.length - 1));
    }

    /** The standard deviation in percent of the mean. */
    double cv() {
        double mean = mean();
        return mean == 0 ? 0 : 100 * sd() / mean;
    }

    double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    double median() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
