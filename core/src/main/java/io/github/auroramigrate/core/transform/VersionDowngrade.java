package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.transform.DefinitionLoss.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rewrites MySQL 8.0 table definitions for an older target, on purpose and in the open, where the target would
 * otherwise drop part of them silently or reject them. Built by {@link Transforms#downgradeTo(TargetVersion)}.
 *
 * <pre>{@code
 * target MYSQL_57:
 *   `secret` varchar(20) DEFAULT 'x' /*!80023 INVISIBLE * /   ->  `secret` varchar(20) DEFAULT 'x'       (visible)
 *   KEY `ix_b` (`b`) /*!80000 INVISIBLE * /                    ->  KEY `ix_b` (`b`)                       (visible)
 *   KEY `ix_desc` (`a` DESC,`b`)                               ->  KEY `ix_desc` (`a`,`b`)
 *   CONSTRAINT `ck` CHECK ((`qty` >= 0)),                      ->  (removed)
 *   `pt` point NOT NULL /*!80003 SRID 4326 * /                 ->  `pt` point NOT NULL
 *   KEY `ix_func` ((lower(`name`))),                           ->  (removed; a UNIQUE one is reported and kept)
 *   `gc` geomcollection                                        ->  `gc` geometrycollection               (same type)
 * }</pre>
 *
 * <p>Each change but the last loses something, so each is also reported as untranslatable with the object it
 * concerns: an INVISIBLE column becomes visible ({@code SELECT *} and {@code INSERT} without a column list see it),
 * an invisible index is used by the optimizer, CHECK constraints are not enforced, descending index parts become
 * ascending, a spatial column accepts any SRID, a functional index is gone (its queries get slower). Expression
 * defaults ({@code DEFAULT (uuid())}) and UNIQUE functional indexes cannot be carried to 5.7 by any rewrite: they
 * are reported and left as they are, so the target rejects them; change them on the source first. The
 * {@link #definitionEffects()} declare exactly these changes to Verify. Report counters: {@code "made visible"},
 * {@code "check dropped"}, {@code "descending dropped"}, {@code "srid dropped"}, {@code "functional index dropped"},
 * {@code "type renamed"}, {@code "statement dropped"} (an ALTER TABLE left without specifications). For
 * {@link TargetVersion#MYSQL_80} nothing is changed (8.0.23 and later keep all of it). Immutable and thread-safe.
 */
final class VersionDowngrade implements Transform {
    private final TargetVersion target;

    VersionDowngrade(TargetVersion target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public String name() {
        return "downgradeTo";
    }

    @Override
    public DefinitionEffects definitionEffects() {
        if (target != TargetVersion.MYSQL_57) {
            return DefinitionEffects.NONE;
        }
        return new DefinitionEffects() {
            @Override
            public Column column(Column c) {
                String type = c.type() != null && c.type().equalsIgnoreCase("geomcollection") ? "geometrycollection" : c.type();
                return new Column(c.table(), c.name(), type, c.charset(), c.collation(), false, null);
            }

            @Override
            public Index index(Index i) {
                if (i.parts().stream().anyMatch(p -> p.startsWith("(")) && !i.unique()) {
                    return null;
                }
                List<String> parts = i.parts().stream().map(p -> p.endsWith(" DESC") ? p.substring(0, p.length() - 5) : p)
                        .toList();
                return new Index(i.table(), i.name(), i.unique(), parts, true);
            }

            @Override
            public boolean keepsCheck(String table, String clause) {
                return false;
            }
        };
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (target != TargetVersion.MYSQL_57 || !TableDdl.applies(s)) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        List<TableDdl.Use> uses = TableDdl.scan(e);
        if (uses.isEmpty()) {
            return List.of(s);
        }
        List<TableDdl.Range> dropped = new ArrayList<>();   // elements removed as a whole
        for (TableDdl.Use u : uses) {
            if (u.whole() || (u.construct() == Construct.FUNCTIONAL_INDEX && !u.unique())) {
                dropped.add(u.element());
            }
        }
        List<TableDdl.Range> reported = new ArrayList<>();
        for (TableDdl.Use u : uses) {
            boolean inDropped = dropped.contains(u.element());
            if (inDropped && (!u.whole() && u.construct() != Construct.FUNCTIONAL_INDEX || reported.contains(u.element()))) {
                continue;                            // inside an element removed as a whole
            }
            switch (u.construct()) {
                case INVISIBLE_COLUMN, INVISIBLE_INDEX -> {
                    if (inDropped) {
                        reported.add(u.element());
                    } else {
                        TableDdl.deleteConstruct(e, u);
                    }
                    lost(s, ctx, "made visible", u, u.construct() == Construct.INVISIBLE_COLUMN
                            ? "column made visible: SELECT * and INSERT without a column list now include it"
                            : "index made visible: the optimizer now uses it");
                }
                case CHECK -> {
                    if (inDropped) {
                        reported.add(u.element());
                    } else {
                        TableDdl.deleteConstruct(e, u);
                    }
                    lost(s, ctx, "check dropped", u, "CHECK constraint dropped (" + u.detail() + "): MySQL 5.7 would"
                            + " parse and ignore it; nothing is checked");
                }
                case DESCENDING_INDEX -> {
                    TableDdl.deleteConstruct(e, u);
                    lost(s, ctx, "descending dropped", u, "part " + u.detail() + " built ascending: MySQL 5.7 has no"
                            + " descending indexes");
                }
                case SRID -> {
                    TableDdl.deleteConstruct(e, u);
                    lost(s, ctx, "srid dropped", u, "SRID " + u.detail() + " dropped: the column accepts values of any"
                            + " SRID on MySQL 5.7");
                }
                case FUNCTIONAL_INDEX -> {
                    if (u.unique()) {
                        ctx.untranslatable(s, "UNIQUE functional index " + u.where() + " has no MySQL 5.7 equivalent"
                                + " (it is a constraint, so it is not dropped): replace it on the source with a UNIQUE"
                                + " index on a generated column");
                    } else {
                        reported.add(u.element());
                        lost(s, ctx, "functional index dropped", u, "functional index dropped: MySQL 5.7 has none"
                                + " (queries it served get slower; an index on a generated column can replace it)");
                    }
                }
                case EXPRESSION_DEFAULT -> ctx.untranslatable(s, "expression default of " + u.where() + " (" + u.detail()
                        + ") has no MySQL 5.7 equivalent: left as it is, the target rejects it; replace it on the source"
                        + " (a trigger or the application can set the value)");
                case GEOMCOLLECTION -> {
                    String text = e.tokens().get(u.first()).text();
                    e.replace(e.tokens().get(u.first()), text.equals(text.toLowerCase(Locale.ROOT))
                            ? "geometrycollection" : "GEOMETRYCOLLECTION");
                    ctx.count("type renamed");
                }
                default -> {
                }
            }
        }
        if (!dropped.isEmpty()) {
            int left = TableDdl.deleteElements(e, dropped, TableDdl.elementCount(e));
            if (left == 0) {
                ctx.count("statement dropped");
                return List.of();
            }
        }
        return List.of(e.apply());
    }

    private static void lost(Statement s, TransformContext ctx, String counter, TableDdl.Use u, String why) {
        ctx.count(counter);
        ctx.untranslatable(s, u.where() + ": " + why);
    }
}
