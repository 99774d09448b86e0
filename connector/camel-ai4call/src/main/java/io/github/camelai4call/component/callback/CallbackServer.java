package io.github.camelai4call.component.callback;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The component's paths served through Camel's platform-http: one {@link CallbackDispatcher} and one platform-http
 * consumer per path, started with its first callback consumer and stopped with its last.
 */
public final class CallbackServer {

    private final Map<String, Served> paths = new HashMap<>();

    private record Served(CallbackDispatcher dispatcher, Consumer consumer) {
    }

    /** Serves {@code handler} at {@code path}, starting the path's platform-http consumer when it is the first. */
    public synchronized void add(CamelContext context, String path, WebhookSignature signature, CallbackHandler handler)
            throws Exception {
        Served served = paths.get(path);
        if (served == null) {
            CallbackDispatcher dispatcher = new CallbackDispatcher(path, signature, Clock.systemUTC());
            dispatcher.add(handler, signature);
            Endpoint endpoint;
            try {
                endpoint = context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
            } catch (RuntimeException e) {
                throw new IllegalStateException(handler.describe() + " is served through Camel's platform-http, which is "
                        + "not on the classpath: add camel-platform-http-main (Camel Main), camel-platform-http-vertx "
                        + "with a VertxPlatformHttpServer, or camel-platform-http-starter (Spring Boot)", e);
            }
            Consumer consumer = endpoint.createConsumer(dispatcher);
            ServiceHelper.startService(consumer);
            paths.put(path, new Served(dispatcher, consumer));
        } else {
            served.dispatcher().add(handler, signature);
        }
    }

    /** Stops serving {@code handler}; the path's platform-http consumer stops with its last handler. */
    public synchronized void remove(String path, CallbackHandler handler) {
        Served served = paths.get(path);
        if (served != null && served.dispatcher().remove(handler)) {
            paths.remove(path);
            ServiceHelper.stopAndShutdownService(served.consumer());
        }
    }

    /** Stops every path (the component stops). */
    public synchronized void stop() {
        paths.values().forEach(s -> ServiceHelper.stopAndShutdownService(s.consumer()));
        paths.clear();
    }
}
