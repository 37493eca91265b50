package io.github.auroramigrate.core.internal.manifest;

/**
 * Sizes that decide what the target needs (docs/dump-format.md, section 2.5).
 *
 * <pre>{@code
 * long needed = manifest.limits().requiredMaxAllowedPacket();
 * }</pre>
 *
 * @param maxRowBytes              the largest raw row
 * @param maxValueBytes            the largest single value
 * @param maxStatementBytes        the largest INSERT statement (SQL format), else 0
 * @param requiredMaxAllowedPacket the smallest max_allowed_packet the target and loading client need
 */
public record Limits(long maxRowBytes, long maxValueBytes, long maxStatementBytes, long requiredMaxAllowedPacket) {
    /** No data yet. */
    public static final Limits NONE = new Limits(0, 0, 0, 0);
}
