package dev.mexa.core;

/**
 * The one error type of mexa-core that reaches users: its message names the input at fault (a file, a
 * parameter, a language) and says how to fix it, so callers can show it as it is, without a stack trace.
 */
public class MexaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the file or setting and the fix
     */
    public MexaException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the file or setting and the fix
     * @param cause the underlying failure, kept for debugging
     */
    public MexaException(String message, Throwable cause) {
        super(message, cause);
    }
}
