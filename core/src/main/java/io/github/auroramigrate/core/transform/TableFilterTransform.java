package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.ObjectName;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;

import java.util.List;

/**
 * Keeps or drops the statements of chosen tables: their CREATE/ALTER/DROP TABLE, INSERT/REPLACE, TRUNCATE,
 * {@code LOCK TABLES} (and the {@code UNLOCK TABLES} that closes a dropped lock), {@code ALTER TABLE ... DISABLE
 * KEYS}, triggers on them and indexes created on them, and views of the same name (mysqldump writes a
 * placeholder table for each view). Matching is {@link io.github.auroramigrate.core.TableFilter}'s. Routines, events and session statements always pass. Built by
 * {@link Transforms#includeTables(String...)} and {@link Transforms#excludeTables(String...)}.
 *
 * <pre>{@code
 * Transforms.excludeTables("shop.audit_*", "*.tmp_?")   // glob per part; "t1" alone means t1 in any schema
 * }</pre>
 *
 * <p>Unqualified names belong to the schema of the last {@code USE} (or the session's default schema); with no
 * schema known they match only patterns whose schema part is {@code *}. Matching is case-sensitive, as table
 * names are with {@code lower_case_table_names=0}. A statement naming several tables (a multi-table
 * {@code DROP TABLE} or {@code LOCK TABLES}) is dropped only if all of them are filtered out; a mix is kept and
 * reported. Report counter: {@code "statement dropped"}. Immutable and thread-safe.
 */
final class TableFilterTransform implements Transform {
    private static final Object LOCK_STATE = new Object();

    private final io.github.auroramigrate.core.TableFilter filter;
    private final boolean include;

    /** Per-stream state: whether the last LOCK TABLES was dropped. */
    private static final class LockState {
        boolean lockDropped;
    }

    TableFilterTransform(boolean include, String... globs) {
        if (globs.length == 0) {
            throw new IllegalArgumentException("at least one table pattern");
        }
        this.include = include;
        this.filter = include ? io.github.auroramigrate.core.TableFilter.all().tables(globs)
                : io.github.auroramigrate.core.TableFilter.all().excludeTables(globs);
    }

    /** @return the table patterns, as a filter */
    io.github.auroramigrate.core.TableFilter filter() {
        return filter;
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public boolean keepsTable(String schema, String table) {
                return keeps(schema, table);
            }
        };
    }

    @Override
    public String name() {
        return include ? "includeTables" : "excludeTables";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        StatementKind kind = s.kind();
        LockState lock = ctx.state(LOCK_STATE, LockState::new);
        if (kind == StatementKind.UNLOCK_TABLES) {
            boolean dropped = lock.lockDropped;
            lock.lockDropped = false;
            return dropped ? drop(ctx) : List.of(s);
        }
        List<ObjectName> tables = switch (kind) {
            case CREATE_VIEW, DROP_VIEW -> s.objectName().map(List::of).orElse(List.of());
            default -> s.tableNames();
        };
        if (tables.isEmpty() || kind == StatementKind.DROP_OTHER) {
            return List.of(s);
        }
        String schema = ctx.schema().orElse(null);
        long filtered = tables.stream().filter(n -> !keeps(n.schemaOr(schema), n.name())).count();
        if (kind == StatementKind.LOCK_TABLES) {
            lock.lockDropped = filtered == tables.size();
        }
        if (filtered == 0) {
            return List.of(s);
        }
        if (filtered < tables.size()) {
            ctx.untranslatable(s, "names tables that are filtered out and tables that are kept; kept whole: "
                    + tables);
            return List.of(s);
        }
        return drop(ctx);
    }

    private static List<Statement> drop(TransformContext ctx) {
        ctx.count("statement dropped");
        return List.of();
    }

    /** @return whether the table passes the filter */
    boolean keeps(String schema, String table) {
        return filter.table(schema, table);
    }
}
