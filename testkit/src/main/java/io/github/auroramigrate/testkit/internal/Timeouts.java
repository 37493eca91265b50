package io.github.auroramigrate.testkit.internal;

import java.time.Duration;

/**
 * <pre>{@code Duration d = Timeouts.start();}</pre>
 *
 * Deadlines, overridable by system properties for slow CI machines.
 */
public final class Timeouts {
    private Timeouts() {
    }

    /** How long a start (or initialisation) may take: {@code aurora.testkit.startTimeoutSeconds}, default 180. */
    public static Duration start() {
        return Duration.ofSeconds(Long.getLong("aurora.testkit.startTimeoutSeconds", 180L));
    }
}
