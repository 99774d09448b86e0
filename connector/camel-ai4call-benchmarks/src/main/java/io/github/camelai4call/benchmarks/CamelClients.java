package io.github.camelai4call.benchmarks;

import java.util.EnumMap;
import java.util.Map;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;

/** The two Camel ways: the ai4call: component and the camel-rest-openapi route a user would otherwise write. */
final class CamelClients {

    static final String CONTRACT = "classpath:ai4call/ai4call-openapi.yaml";

    private CamelClients() {
    }

    /** Sets the connection and credentials on the ai4call component of a context. */
    static void configure(CamelContext context, String baseUrl, String email, String key) {
        Ai4callConfiguration conf = context.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        conf.setBaseUrl(baseUrl);
        conf.setEmail(email);
        conf.setPortalApiKey(key);
    }

    /** A context with one direct route per operation, each caller thread sends through one shared ProducerTemplate. */
    abstract static class CamelClient implements Client {
        private final CamelContext context;
        private final ProducerTemplate template;
        private final Map<Op, Endpoint> endpoints = new EnumMap<>(Op.class);
        private final Map<String, Object> outboundBody;

        CamelClient(RouteBuilder routes, boolean ai4call, String baseUrl, String email, String key,
                Map<String, Object> outboundBody) throws Exception {
            this.outboundBody = outboundBody;
            this.context = new DefaultCamelContext();
            if (ai4call) {
                configure(context, baseUrl, email, key);
            }
            context.addRoutes(routes);
            context.start();
            this.template = context.createProducerTemplate();
            // resolved once, as a route or a long-lived caller would hold it (not a URI lookup per call)
            for (Op op : Op.values()) {
                endpoints.put(op, context.getEndpoint("direct:" + op.name()));
            }
        }

        @Override
        public Object call(Op op) {
            Object out = template.requestBody(endpoints.get(op), op == Op.outboundCall ? outboundBody : null);
            if (out == null) {
                throw new IllegalStateException(op + ": empty body");
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            template.close();
            context.close();
        }
    }

    /** from("direct:x").to("ai4call:listAssistants"), default options (typed model output, request validation on). */
    static final class Ai4call extends CamelClient {

        Ai4call(String baseUrl, String email, String key, Map<String, Object> outboundBody) throws Exception {
            this(baseUrl, email, key, outboundBody, "");
        }

        /** With endpoint options (e.g. "?validateRequest=false"): diagnostic variants, -Dbench.diagnose=true. */
        Ai4call(String baseUrl, String email, String key, Map<String, Object> outboundBody, String options) throws Exception {
            super(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:listAssistants").to("ai4call:listAssistants" + options);
                    from("direct:outboundCall").to("ai4call:outboundCall" + options);
                }
            }, true, baseUrl, email, key, outboundBody);
        }
    }

    /**
     * The hand-written alternative: camel-rest-openapi on the same contract, camel-http as the REST producer, the
     * credential headers set on the message (camel-http sends message headers as HTTP headers), JSON in and out
     * with camel-jackson. Plain: a {@code Map} out, nothing validated. With {@code sameWork}: what the ai4call:
     * defaults do, i.e. the request validated against the contract ({@code requestValidationEnabled=true}) and the
     * answer bound to the same generated model class.
     */
    static final class RestOpenApi extends CamelClient {

        RestOpenApi(String baseUrl, String email, String key, Map<String, Object> outboundBody, boolean sameWork)
                throws Exception {
            super(new RouteBuilder() {
                @Override
                public void configure() {
                    String options = "?host=" + baseUrl + "&componentName=http"
                            + (sameWork ? "&requestValidationEnabled=true" : "");
                    from("direct:listAssistants")
                            .setHeader("x-client-email", constant(email))
                            .setHeader("x-portal-api-key", constant(key))
                            .to("rest-openapi:" + CONTRACT + "#listAssistants" + options)
                            .unmarshal(json(sameWork ? Ai4callOperation.listAssistants.responseType() : null));
                    from("direct:outboundCall")
                            .setHeader("x-client-email", constant(email))
                            .setHeader("x-portal-api-key", constant(key))
                            .marshal().json()
                            .to("rest-openapi:" + CONTRACT + "#outboundCall" + options)
                            .unmarshal(json(sameWork ? Ai4callOperation.outboundCall.responseType() : null));
                }
            }, false, baseUrl, email, key, outboundBody);
        }

        /** camel-jackson: a Map, or the typed model with Java time and unknown properties ignored. */
        private static JacksonDataFormat json(Class<?> type) {
            JacksonDataFormat format = type == null ? new JacksonDataFormat() : new JacksonDataFormat(type);
            if (type != null) {
                format.setModuleClassNames("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule");
                format.setDisableFeatures("FAIL_ON_UNKNOWN_PROPERTIES");
            }
            return format;
        }

    }
}
