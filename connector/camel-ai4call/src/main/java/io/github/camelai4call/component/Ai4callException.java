package io.github.camelai4call.component;

import org.apache.camel.CamelException;

/**
 * AI4CALL answered an operation with an error, or could not be reached. Carries what a route needs to decide
 * what to do: the {@link Ai4callDelivery} (whether the request may have been carried out), operation, HTTP status, the
 * API's error code, message and field, the response body. Never a key: assistant and portal keys are masked in every
 * text it holds.
 */
public class Ai4callException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final String errorCode;
    private final String errorMessage;
    private final String field;
    private final String responseBody;
    private final int attempts;
    private final Ai4callDelivery delivery;

    /**
     * AI4CALL answered with an error status.
     *
     * @param errorCode    the API's error code, or null
     * @param errorMessage the API's error message (keys masked), or null
     * @param field        the field the API complained about, or null
     * @param responseBody the response body (keys masked), or null
     * @param delivery      REJECTED, or UNKNOWN for a gateway's answer or after an attempt that may have been carried out
     */
    public static Ai4callException errorAnswer(String operation, int statusCode, String errorCode, String errorMessage,
            String field, String responseBody, int attempts, Ai4callDelivery delivery) {
        return new Ai4callException(operation, statusCode, errorCode, errorMessage, field, responseBody, attempts,
                delivery, null);
    }

    /**
     * No complete answer arrived (connection failure, timeout, truncated body); the cause's text has keys masked.
     *
     * @param delivery NOT_SENT when the request never left, else UNKNOWN
     */
    public static Ai4callException noAnswer(String operation, int attempts, Ai4callDelivery delivery, Throwable cause) {
        return new Ai4callException(operation, 0, null, null, null, null, attempts, delivery, cause);
    }

    /** AI4CALL answered with that success status (the request was carried out), but not with the JSON the contract describes. */
    public static Ai4callException invalidAnswer(String operation, int statusCode, String what, Throwable cause) {
        return new Ai4callException(operation, statusCode, "INVALID_RESPONSE",
                what + " is not the JSON the contract describes: "
                + (cause == null ? "unreadable" : cause.getClass().getSimpleName()), null, null, 1,
                Ai4callDelivery.ACCEPTED, cause);
    }

    private Ai4callException(String operation, int statusCode, String errorCode, String errorMessage, String field,
                             String responseBody, int attempts, Ai4callDelivery delivery, Throwable cause) {
        super(describe(operation, statusCode, errorCode, errorMessage, field, attempts, delivery, cause), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.field = field;
        this.responseBody = responseBody;
        this.attempts = attempts;
        this.delivery = delivery;
    }

    private static String describe(String operation, int status, String code, String message, String field,
                                   int attempts, Ai4callDelivery delivery, Throwable cause) {
        StringBuilder b = new StringBuilder("ai4call:").append(operation);
        if (status > 0) {
            b.append(" failed with HTTP ").append(status);
            if (code != null) {
                b.append(' ').append(code);
            }
            if (message != null) {
                b.append(": ").append(message);
            }
            if (field != null) {
                b.append(" (field ").append(field).append(')');
            }
        } else {
            b.append(" could not complete: ").append(cause == null ? "no response" : cause.getClass().getSimpleName());
            if (cause != null && cause.getMessage() != null) {
                b.append(' ').append(cause.getMessage());
            }
        }
        if (attempts > 1) {
            b.append(" after ").append(attempts).append(" attempts");
        }
        if (delivery == Ai4callDelivery.NOT_SENT) {
            b.append(" (NOT_SENT: the request never left)");
        } else if (delivery == Ai4callDelivery.UNKNOWN) {
            b.append(" (UNKNOWN: the request may have reached AI4CALL and been carried out)");
        }
        return b.toString();
    }

    /** The operationId. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP status, or 0 when no response arrived (connection failure, timeout, truncated body). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The API's machine-readable error code (e.g. {@code NOT_FOUND}), or null. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The API's error message, or null. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The request field the API complained about, or null. */
    public String getField() {
        return field;
    }

    /** The response body with keys masked, or null. */
    public String getResponseBody() {
        return responseBody;
    }

    /** How many attempts were made. */
    public int getAttempts() {
        return attempts;
    }

    /**
     * Whether the request may have reached AI4CALL and been carried out: {@link Ai4callDelivery#UNKNOWN} means it may
     * (do not send it again blindly), {@link Ai4callDelivery#NOT_SENT} and {@link Ai4callDelivery#REJECTED} mean it was
     * not. Also on the exchange as the {@code CamelAi4callDelivery} header.
     */
    public Ai4callDelivery getDelivery() {
        return delivery;
    }

    /** Whether the failure says the request itself is wrong (4xx): sending it again will not help. */
    public boolean isClientError() {
        return statusCode >= 400 && statusCode < 500;
    }
}
