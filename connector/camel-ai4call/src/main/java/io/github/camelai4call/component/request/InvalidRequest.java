package io.github.camelai4call.component.request;

/**
 * The input does not make a valid request: names the parameter or body property at fault (null for the whole
 * request) and the problem, never a key. The component turns it into its public {@code Ai4callInvalidRequestException}.
 */
public final class InvalidRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    public InvalidRequest(String parameter, String problem) {
        super((parameter == null ? "" : "parameter '" + parameter + "' ") + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** The parameter or body property at fault, or null. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
