package io.github.camelai4call.component;

/**
 * The exchange does not make a valid request for the operation; thrown before any HTTP call. Names the operation
 * and the parameter, never its value when that value is a key.
 */
public class Ai4callInvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String parameter;

    public Ai4callInvalidRequestException(String operation, String parameter, String problem) {
        super("ai4call:" + operation + ": " + (parameter == null ? "" : "parameter '" + parameter + "' ") + problem);
        this.operation = operation;
        this.parameter = parameter;
    }

    public String getOperation() {
        return operation;
    }

    /** The parameter or body property at fault, or null when the problem is the whole request. */
    public String getParameter() {
        return parameter;
    }
}
