package io.github.auroramigrate.core.internal.manifest;

/**
 * The kinds of schema objects dumped as DDL besides tables.
 *
 * <pre>{@code
 * for (ObjectEntry o : schema.routines()) { if (o.type() == ObjectType.FUNCTION) { ... } }
 * }</pre>
 */
public enum ObjectType {
    /** A view. */
    VIEW,
    /** A stored procedure. */
    PROCEDURE,
    /** A stored function. */
    FUNCTION,
    /** A trigger. */
    TRIGGER,
    /** A scheduled event. */
    EVENT
}
