package io.github.auroramigrate.replication.cutover;

import java.util.Objects;

/**
 * A verifier's verdict on whether source and target hold the same data.
 *
 * <pre>{@code
 * Verifier v = () -> new Verification(checksumsMatch(), "12 tables, 1.2M rows, checksums equal");
 * }</pre>
 *
 * @param matches whether the data is the same
 * @param summary what was compared and what differed
 */
public record Verification(boolean matches, String summary) {
    /** Validates. */
    public Verification {
        Objects.requireNonNull(summary, "summary");
    }
}
