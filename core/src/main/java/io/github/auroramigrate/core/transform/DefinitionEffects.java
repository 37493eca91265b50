package io.github.auroramigrate.core.transform;

import java.util.List;
import java.util.Objects;

/**
 * What a transform does, on purpose, to the definitions of the objects it rewrites: the changes a verifier must
 * expect when it compares the source's definitions with the target's, so that an intended change is not reported
 * as a difference while any other change still is. Each built-in transform describes its own effect
 * ({@link Transform#definitionEffects()}); a custom transform describes none unless it overrides that method, so
 * what it changes is reported, never silently assumed.
 *
 * <pre>{@code
 * Transform t = Transforms.renameSchema("shop", "shop_copy").andThen(Transforms.forceInnoDb());
 * DefinitionEffects e = t.definitionEffects();
 * e.schema("shop");                               // "shop_copy"
 * e.engine("MyISAM");                             // "InnoDB"
 * Verify.between(source, target).schemas("shop").transform(t).build().run();
 * }</pre>
 *
 * <p>Every method receives one value as the source's {@code information_schema} shows it and returns what the
 * target is expected to show; the defaults return the value unchanged. Names of options and modes are compared
 * case-insensitively. Implementations must be immutable and thread-safe.
 */
public interface DefinitionEffects {
    /** The effect of a transform that changes no definition. */
    DefinitionEffects NONE = new DefinitionEffects() {
    };

    /** @return the name the schema has on the target (a rename) */
    default String schema(String schema) {
        return schema;
    }

    /**
     * @param schema the table's schema on the source
     * @return whether the table (or view) is created on the target at all (a table filter)
     */
    default boolean keepsTable(String schema, String table) {
        return true;
    }

    /** @return the storage engine a table of this engine has on the target */
    default String engine(String engine) {
        return engine;
    }

    /**
     * A table option as {@code information_schema.TABLES.CREATE_OPTIONS} lists it ({@code row_format},
     * {@code key_block_size}, {@code pack_keys}, {@code checksum}, {@code page_checksum}, ...).
     *
     * @param engine the table's engine on the source
     * @param option the option's name, lower case
     * @param value  its value on the source
     * @return its value on the target, or null when the transform removes it
     */
    default String tableOption(String engine, String option, String value) {
        return value;
    }

    /** @return the collation the target uses where the source has {@code collation} (lower case) */
    default String collation(String collation) {
        return collation;
    }

    /** @return one {@code sql_mode} flag of a routine, trigger or event on the target, null when removed */
    default String sqlMode(String mode) {
        return mode;
    }

    /** @return the {@code SQL SECURITY} of a view or routine on the target ({@code DEFINER} or {@code INVOKER}) */
    default String sqlSecurity(String security) {
        return security;
    }

    /**
     * @param definer {@code user@host} as the source shows it
     * @return the definer on the target, or null when it is whichever account creates the object (stripped)
     */
    default String definer(String definer) {
        return definer;
    }

    /**
     * A column as the source's {@code information_schema.COLUMNS} shows it (after {@link #collation} was applied).
     *
     * @param table     the table's name
     * @param name      the column's name
     * @param type      {@code COLUMN_TYPE}, lower case
     * @param charset   {@code CHARACTER_SET_NAME}, or null
     * @param collation {@code COLLATION_NAME}, or null
     * @param invisible whether it is INVISIBLE
     * @param srid      {@code SRS_ID}, or null
     */
    record Column(String table, String name, String type, String charset, String collation, boolean invisible,
            String srid) {
    }

    /**
     * An index as the source's {@code information_schema.STATISTICS} shows it.
     *
     * @param table   the table's name
     * @param name    the index's name ({@code PRIMARY} for the primary key)
     * @param unique  whether it is UNIQUE or PRIMARY
     * @param parts   its parts in order: {@code `column`}, {@code `column`(prefix)} or {@code (expression)}, each
     *                followed by {@code " DESC"} when descending
     * @param visible whether the optimizer may use it (not INVISIBLE or IGNORED)
     */
    record Index(String table, String name, boolean unique, List<String> parts, boolean visible) {
        /** Copies the parts. */
        public Index {
            parts = List.copyOf(parts);
        }
    }

    /** @return the column on the target: its type, charset, collation, visibility and SRID there */
    default Column column(Column column) {
        return column;
    }

    /** @return the index on the target, or null when the transform removes it */
    default Index index(Index index) {
        return index;
    }

    /**
     * @param table  the table's name
     * @param clause the CHECK clause as the source shows it
     * @return whether the CHECK constraint is created on the target
     */
    default boolean keepsCheck(String table, String clause) {
        return true;
    }

    /** @return the effect of this transform followed by {@code next} (the order of {@link Transform#andThen}) */
    default DefinitionEffects andThen(DefinitionEffects next) {
        Objects.requireNonNull(next, "next");
        DefinitionEffects first = this;
        if (next == NONE) {
            return first;
        }
        if (first == NONE) {
            return next;
        }
        return new DefinitionEffects() {
            @Override
            public String schema(String schema) {
                return next.schema(first.schema(schema));
            }

            @Override
            public boolean keepsTable(String schema, String table) {
                return first.keepsTable(schema, table) && next.keepsTable(first.schema(schema), table);
            }

            @Override
            public String engine(String engine) {
                return next.engine(first.engine(engine));
            }

            @Override
            public String tableOption(String engine, String option, String value) {
                String v = first.tableOption(engine, option, value);
                return v == null ? null : next.tableOption(first.engine(engine), option, v);
            }

            @Override
            public String collation(String collation) {
                return next.collation(first.collation(collation));
            }

            @Override
            public String sqlMode(String mode) {
                String m = first.sqlMode(mode);
                return m == null ? null : next.sqlMode(m);
            }

            @Override
            public String sqlSecurity(String security) {
                return next.sqlSecurity(first.sqlSecurity(security));
            }

            @Override
            public String definer(String definer) {
                String d = first.definer(definer);
                return d == null ? null : next.definer(d);
            }

            @Override
            public Column column(Column column) {
                return next.column(first.column(column));
            }

            @Override
            public Index index(Index index) {
                Index i = first.index(index);
                return i == null ? null : next.index(i);
            }

            @Override
            public boolean keepsCheck(String table, String clause) {
                return first.keepsCheck(table, clause) && next.keepsCheck(table, clause);
            }
        };
    }
}
