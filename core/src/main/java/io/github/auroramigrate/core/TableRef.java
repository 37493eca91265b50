package io.github.auroramigrate.core;

import java.util.Objects;

/**
 * A table (or view) by schema and name.
 *
 * <pre>{@code
 * TableRef t = TableRef.of("shop", "orders");
 * t.qualified();   // `shop`.`orders`
 * }</pre>
 *
 * @param schema schema name
 * @param name   table name
 */
public record TableRef(String schema, String name) implements Comparable<TableRef> {
    /** Validates. */
    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** @return a reference to {@code schema.name} */
    public static TableRef of(String schema, String name) {
        return new TableRef(schema, name);
    }

    /** @return the backtick-quoted, schema-qualified name */
    public String qualified() {
        return '`' + schema.replace("`", "``") + "`.`" + name.replace("`", "``") + '`';
    }

    @Override
    public int compareTo(TableRef o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** @return {@code schema.name} */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
