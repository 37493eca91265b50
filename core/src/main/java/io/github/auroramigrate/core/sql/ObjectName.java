package io.github.auroramigrate.core.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * A possibly schema-qualified object name as written in a statement, with quotes removed:
 * {@code `shop`.`t1`} is {@code ObjectName("shop", "t1")}, {@code t1} is {@code ObjectName(null, "t1")}.
 *
 * <pre>{@code
 * ObjectName n = statement.objectName().orElseThrow();
 * String schema = n.schemaOr(currentSchema);
 * }</pre>
 *
 * @param schema the schema, or null when the statement did not qualify the name
 * @param name   the object name
 */
public record ObjectName(String schema, String name) {
    /** Validates. */
    public ObjectName {
        Objects.requireNonNull(name, "name");
    }

    /** @return the schema, if the name was qualified */
    public Optional<String> schemaName() {
        return Optional.ofNullable(schema);
    }

    /** @return the schema, or {@code fallback} (typically the schema of the last {@code USE}) when unqualified */
    public String schemaOr(String fallback) {
        return schema != null ? schema : fallback;
    }

    /** @return the name as {@code `schema`.`name`} or {@code `name`} */
    public String quoted() {
        return (schema == null ? "" : SqlText.quoteIdentifier(schema) + ".") + SqlText.quoteIdentifier(name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
