package io.github.auroramigrate.cli.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a run talks to: its output streams, its environment and, when there is one, the person at the terminal
 * (for a password prompt). Tests hand in their own. Immutable.
 *
 * <pre>{@code
 * Io io = Io.system();
 * }</pre>
 *
 * @param out      standard output: the human view, or the {@code --json} events
 * @param err      standard error: diagnoses in {@code --json} mode, logs
 * @param env      environment variables
 * @param terminal whether standard output is an interactive terminal (progress bars, colours)
 * @param prompt   asks the person at the terminal for a secret without echo (the prompt text in, the answer out),
 *                 or null when nobody can be asked
 */
public record Io(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal, Function<String, char[]> prompt) {
    /** Validates and copies. */
    public Io {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
    }

    /** @return the process's own streams, environment and console */
    public static Io system() {
        java.io.Console console = System.console();
        return new Io(System.out, System.err, System.getenv(), console != null,
                console == null ? null : text -> console.readPassword("%s", text));
    }
}
