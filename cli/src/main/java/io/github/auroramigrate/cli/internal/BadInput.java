package io.github.auroramigrate.cli.internal;

/**
 * A command line or input the command cannot work with (exit code 2): the message says what to change. Never holds a
 * secret.
 *
 * <pre>{@code
 * throw new BadInput("--threads must be at least 1");
 * }</pre>
 */
public final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do instead */
    public BadInput(String message) {
        super(message);
    }
}
