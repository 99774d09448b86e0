package io.github.camelai4call.simulator;

/** An answer with the contract's Error body; thrown by the handlers, written by the server. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String field;
    /** The Retry-After of the answer, or null. */
    final Long retryAfterSeconds;

    ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    private ApiException(int status, String code, String message, String field, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String message, String field) {
        return new ApiException(400, "VALIDATION_FAILED", message, field);
    }

    static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", "Invalid or missing portal credentials", null);
    }

    static ApiException ipNotAllowed() {
        return new ApiException(403, "IP_NOT_ALLOWED", "Caller IP is not in the allow-list", null);
    }

    static ApiException notFound(String message, String field) {
        return new ApiException(404, "NOT_FOUND", message, field);
    }

    static ApiException conflict(String message, String field) {
        return new ApiException(409, "CONFLICT", message, field);
    }

    static ApiException unprocessable(String message, String field) {
        return new ApiException(422, "UNPROCESSABLE", message, field);
    }

    /** The contract's 429 for a call limit of the account (maxConcurrentCalls, maxCallsPerHour, maxCallsPerDay). */
    static ApiException callLimitReached(String limit, long value, long retryAfterSeconds) {
        return new ApiException(429, "RATE_LIMITED", "The account's " + limit + " of " + value + " is reached", null,
                Math.max(1, retryAfterSeconds));
    }

    /** The answer of an injected status fault. */
    static ApiException injected(int status) {
        return switch (status) {
            case 429 -> new ApiException(429, "RATE_LIMITED", "Too many requests", null);
            case 503 -> new ApiException(503, "UNAVAILABLE", "Service temporarily unavailable", null);
            case 500 -> new ApiException(500, "INTERNAL_ERROR", "Internal server error", null);
            case 502 -> new ApiException(502, "BAD_GATEWAY", "Bad gateway", null);
            case 504 -> new ApiException(504, "GATEWAY_TIMEOUT", "Gateway timeout", null);
            default -> new ApiException(status, "INJECTED_FAULT", "Injected fault " + status, null);
        };
    }
}
