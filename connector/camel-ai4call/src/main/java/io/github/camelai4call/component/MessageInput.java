package io.github.camelai4call.component;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelai4call.component.request.RequestInput;

/**
 * The input of one call as the component gathers it: a value given by the caller itself (the feed consumer's
 * paging, a probe's body) first, then the message's {@code CamelAi4call*} headers, then the endpoint's options.
 * Without a message, only the caller's values and the options count.
 */
final class MessageInput implements RequestInput {

    private final Ai4callConfiguration config;
    private final Ai4callApiParameters options;
    private final Message message;
    private final Map<String, Object> given;
    private final Object givenBody;

    private MessageInput(Ai4callConfiguration config, Ai4callApiParameters options, Message message,
                         Map<String, Object> given, Object givenBody) {
        this.config = config;
        this.options = options;
        this.message = message;
        this.given = given;
        this.givenBody = givenBody;
    }

    /** A producer's input: the message's headers and body over the endpoint's options. */
    static MessageInput of(Ai4callEndpoint endpoint, Message message) {
        return new MessageInput(endpoint.getConfiguration(), endpoint.getApiParameters(), message, Map.of(), null);
    }

    /** The component's own call: these parameter values and body over the endpoint's options, no message. */
    static MessageInput of(Ai4callEndpoint endpoint, Map<String, Object> parameters, Object body) {
        return new MessageInput(endpoint.getConfiguration(), endpoint.getApiParameters(), null, parameters, body);
    }

    @Override
    public String email() {
        return firstNonBlank(header(Ai4callConstants.EMAIL), config.getEmail());
    }

    @Override
    public String portalApiKey() {
        return firstNonBlank(header(Ai4callConstants.PORTAL_API_KEY), config.getPortalApiKey());
    }

    @Override
    public Object parameter(String name) {
        Object v = given.get(name);
        if (v == null && message != null) {
            v = message.getHeader(Ai4callConstants.parameterHeader(name));
        }
        return v != null ? v : options.valueOf(name);
    }

    @Override
    public Object body() {
        return message != null ? message.getBody() : givenBody;
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        if (message != null) {
            return message.getBody(type);
        }
        return type.isInstance(givenBody) ? type.cast(givenBody) : null;
    }

    @Override
    public String fileName() {
        String name = header(Ai4callConstants.FILE_NAME);
        return name != null ? name : header(Exchange.FILE_NAME_ONLY);
    }

    @Override
    public String contentType() {
        return header(Ai4callConstants.CONTENT_TYPE);
    }

    @Override
    public String documentDescription() {
        return header(Ai4callConstants.DOCUMENT_DESCRIPTION);
    }

    /** Only a producer's calls carry a reference: the component's own calls place no phone call. */
    @Override
    public String clientReferenceKey() {
        return message == null ? null : config.getClientReferenceKey();
    }

    /**
     * The {@code CamelAi4callClientReference} header, or else the exchange id, which is then left in that header so
     * that the route knows what to look for in the calls-outbound feed.
     */
    @Override
    public String clientReference() {
        String reference = header(Ai4callConstants.CLIENT_REFERENCE);
        if ((reference == null || reference.isBlank()) && message.getExchange() != null) {
            reference = message.getExchange().getExchangeId();
            message.setHeader(Ai4callConstants.CLIENT_REFERENCE, reference);
        }
        return reference == null || reference.isBlank() ? null : reference;
    }

    @Override
    public String howToSet(String name) {
        return switch (name) {
            case "email" -> "the email option or the " + Ai4callConstants.EMAIL + " header";
            case "portalApiKey" -> "the portalApiKey option or the " + Ai4callConstants.PORTAL_API_KEY + " header";
            case "fileName" -> "the " + Ai4callConstants.FILE_NAME + " header";
            default -> "the " + name + " option or the " + Ai4callConstants.parameterHeader(name) + " header";
        };
    }

    private String header(String name) {
        return message == null ? null : message.getHeader(name, String.class);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b == null || b.isBlank() ? null : b;
    }
}
