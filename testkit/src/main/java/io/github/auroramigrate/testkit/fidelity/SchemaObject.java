package io.github.auroramigrate.testkit.fidelity;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One object of a schema, named without its schema so that snapshots of two schemas line up.
 *
 * <pre>{@code
 * SchemaObject p = SchemaObject.of(SchemaObject.Kind.PROCEDURE, "p_compound");
 * p.toString();   // procedure `p_compound`
 * }</pre>
 *
 * @param kind what it is
 * @param name its name; empty for {@link Kind#SCHEMA}
 */
public record SchemaObject(Kind kind, String name) implements Comparable<SchemaObject> {
    private static final Comparator<SchemaObject> ORDER =
            Comparator.comparing(SchemaObject::kind).thenComparing(SchemaObject::name);

    /** The kinds of objects a snapshot holds. */
    public enum Kind { SCHEMA, TABLE, VIEW, PROCEDURE, FUNCTION, TRIGGER, EVENT }

    /** Validates. */
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** Same as the constructor. */
    public static SchemaObject of(Kind kind, String name) {
        return new SchemaObject(kind, name);
    }

    /** The schema itself (its default charset and collation). */
    public static SchemaObject schema() {
        return new SchemaObject(Kind.SCHEMA, "");
    }

    /** A table, by name. */
    public static SchemaObject table(String name) {
        return new SchemaObject(Kind.TABLE, name);
    }

    @Override
    public int compareTo(SchemaObject o) {
        return ORDER.compare(this, o);
    }

    /** E.g. {@code table `t`}, {@code schema}. */
    @Override
    public String toString() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        return kind == Kind.SCHEMA ? k : k + " `" + name.replace("`", "``") + "`";
    }
}
