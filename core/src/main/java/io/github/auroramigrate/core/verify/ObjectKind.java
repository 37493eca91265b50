package io.github.auroramigrate.core.verify;

/**
 * The kinds of objects {@link Verify} compares by definition.
 *
 * <pre>{@code
 * result.objectDifferences().stream().filter(d -> d.kind() == ObjectKind.PROCEDURE).forEach(...);
 * }</pre>
 */
public enum ObjectKind {
    /** A schema (database): default character set and collation. */
    SCHEMA,
    /** A base table: options, columns, indexes, constraints, partitions. */
    TABLE,
    /** A view. */
    VIEW,
    /** A stored procedure. */
    PROCEDURE,
    /** A stored function. */
    FUNCTION,
    /** A trigger. */
    TRIGGER,
    /** An event. */
    EVENT,
    /** An account and its grants (schema is empty). */
    ACCOUNT
}
