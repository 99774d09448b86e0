package io.github.camelai4call.component.observe;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;

/**
 * Decides once per component, at its first call (never while the context starts), who observes it: the
 * {@link Activity} the dev console shows when Camel's dev consoles are on, the {@link MicrometerMeters} when Micrometer
 * is on the classpath and Camel's registry holds a {@code MeterRegistry} (the one camel-micrometer or Camel Main's
 * metrics settings bind). With neither, {@link Ai4callObserver#NONE}, and no Micrometer class is ever loaded.
 */
public final class Observers {

    /** The class whose presence says Micrometer is on the classpath. */
    static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private Observers() {
    }

    /** The observers of a component in this context. */
    public static Ai4callObserver of(CamelContext context) {
        List<Ai4callObserver> observers = new ArrayList<>(2);
        if (Boolean.TRUE.equals(context.isDevConsole())) {
            observers.add(Activity.of(context));
        }
        if (context.getClassResolver().resolveClass(METER_REGISTRY_CLASS) != null) {
            Ai4callObserver meters = MicrometerMeters.lookup(context);
            if (meters != null) {
                observers.add(meters);
            }
        }
        return switch (observers.size()) {
            case 0 -> Ai4callObserver.NONE;
            case 1 -> observers.get(0);
            default -> new Both(observers.get(0), observers.get(1));
        };
    }

    /** Two observers, each told everything. */
    private record Both(Ai4callObserver first, Ai4callObserver second) implements Ai4callObserver {

        @Override
        public void called(String operation, String outcome, int status, String failure, long nanos, String error) {
            first.called(operation, outcome, status, failure, nanos, error);
            second.called(operation, outcome, status, failure, nanos, error);
        }

        @Override
        public void retrying(String operation, int status, String failure) {
            first.retrying(operation, status, failure);
            second.retrying(operation, status, failure);
        }

        @Override
        public FeedObserver feed(String feed, String routeId) {
            FeedObserver a = first.feed(feed, routeId);
            FeedObserver b = second.feed(feed, routeId);
            return new FeedObserver() {
                @Override
                public void delivered(int records) {
                    a.delivered(records);
                    b.delivered(records);
                }

                @Override
                public void watermark(Instant watermark) {
                    a.watermark(watermark);
                    b.watermark(watermark);
                }
            };
        }
    }
}
