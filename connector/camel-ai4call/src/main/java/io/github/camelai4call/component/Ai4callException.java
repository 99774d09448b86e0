package io.github.camelai4call.component;

import org.apache.camel.CamelException;

/**
 * AI4CALL answered an operation with an error, or could not be reached. Carries what a route needs to decide
 * what to do (operation, HTTP status, the API's error code, message and field, the response body); never a
 * key: assistant and portal keys are masked in every text it holds.
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

    /**
     * AI4CALL answered with an error status.
     *
     * @param errorCode    the API's error code, or null
     * @param errorMessage the API's error message (keys masked), or null
     * @param field        the field the API complained about, or null
     * @param responseBody the response body (keys masked), or null
     */
    public static Ai4callException errorAnswer(String operation, int statusCode, String errorCode, String errorMessage,
            String field, String responseBody, int attempts) {
        return new Ai4callException(operation, statusCode, errorCode, errorMessage, field, responseBody, attempts, null);
    }

    /** No complete answer arrived (connection failure, timeout, truncated body); the cause's text has keys masked. */
    public static Ai4callException noAnswer(String operation, int attempts, Throwable cause) {
        return new Ai4callException(operation, 0, null, null, null, null, attempts, cause);
    }

    /** AI4CALL answered with that status, but not with the JSON the contract describes. */
    public static Ai4callException invalidAnswer(String operation, int statusCode, String what, Throwable cause) {
        return new Ai4callException(operation, statusCode, "INVALID_RESPONSE",
                what + " is not the JSON the contract describes: "
                + (cause == null ? "unreadable" : cause.getClass().getSimpleName()), null, null, 1, cause);
    }

    private Ai4callException(String operation, int statusCode, String errorCode, String errorMessage, String field,
                             String responseBody, int attempts, Throwable cause) {
        super(describe(operation, statusCode, errorCode, errorMessage, field, attempts, cause), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.field = field;
        this.responseBody = responseBody;
        this.attempts = attempts;
    }

    private static String describe(String operation, int status, String code, String message, String field,
                                   int attempts, Throwable cause) {
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

    /** Whether the failure says the request itself is wrong (4xx): sending it again will not help. */
    public boolean isClientError() {
        return statusCode >= 400 && statusCode < 500;
    }
}
