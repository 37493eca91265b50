package io.github.auroramigrate.core.verify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object's structured definition as the library read it from {@code information_schema}
 * ({@link io.github.auroramigrate.core.verify.internal.DefinitionReader}): named
 * attributes of the object itself and of its parts (a table's columns, indexes, constraints and partitions).
 * Values are the server's own text, unnormalised; {@link Verify} normalises when it compares.
 *
 * <pre>{@code
 * ObjectDefinition t = snapshot.find(ObjectKind.TABLE, "shop", "orders").orElseThrow();
 * t.part("column", "note").orElseThrow().attributes().get("collation");   // "utf8mb4_general_ci"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind       the object's kind
 * @param schema     its schema ({@code ""} for accounts)
 * @param name       its name (an account as {@code 'user'@'host'})
 * @param attributes attribute name to value (absent or null: not applicable)
 * @param parts      its parts, in definition order
 */
public record ObjectDefinition(ObjectKind kind, String schema, String name, Map<String, String> attributes,
        List<Part> parts) {

    /** Validates and copies. */
    public ObjectDefinition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        attributes = sorted(attributes);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** @return the part of that kind and name, if any */
    public java.util.Optional<Part> part(String kind, String name) {
        return parts.stream().filter(p -> p.kind().equals(kind) && p.name().equals(name)).findFirst();
    }

    /** @return the same definition with another schema name */
    public ObjectDefinition withSchema(String newSchema) {
        return new ObjectDefinition(kind, newSchema, name, attributes, parts);
    }

    /**
     * A part of an object.
     *
     * @param kind       {@code column}, {@code index}, {@code foreign key}, {@code check}, {@code partition}
     * @param name       its name
     * @param attributes attribute name to value
     */
    public record Part(String kind, String name, Map<String, String> attributes) {
        /** Validates and copies. */
        public Part {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            attributes = sorted(attributes);
        }
    }

    private static Map<String, String> sorted(Map<String, String> attributes) {
        TreeMap<String, String> m = new TreeMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> m.put(Objects.requireNonNull(k, "attribute name"), v));
        }
        return Collections.unmodifiableMap(m);
    }
}
