package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;

/**
 * <pre>{@code throw new TestkitException(StartFailures.message(kind, "exited with code 1", logTail));}</pre>
 *
 * Builds start-failure messages: what happened, the remedy when it is known, and the log tail. */
public final class StartFailures {
    private StartFailures() {
    }

    /** The message for a failed start or initialisation of {@code kind}. */
    public static String message(ServerKind kind, String what, String logTail) {
        StringBuilder sb = new StringBuilder();
        sb.append("Cannot start ").append(kind.displayName()).append(": ").append(what);
        if (logTail.contains("libaio.so.1") && logTail.contains("error while loading shared libraries")) {
            sb.append("\nThe OS library libaio.so.1 is missing: install it with `apt-get install -y libaio1`"
                    + " (or run scripts/install-os-deps.sh).");
        }
        sb.append("\n--- server log (tail) ---\n").append(logTail.strip());
        return sb.toString();
    }
}
