package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of a table definition that some target servers do not keep: MySQL 8.0 constructs an older server ignores
 * (INVISIBLE printed as {@code /*!80023 INVISIBLE * /}, CHECK and {@code DESC}, which 5.7 parses and drops) or
 * rejects (functional indexes, expression defaults), and MariaDB constructs MySQL rejects or drops (UUID, INET4 and
 * INET6 columns, IGNORED indexes). Loaders refuse a statement with a loss for their target instead of letting the
 * server degrade it; the pre-check lists them before the load; {@link #fix(ServerVersion)} names the transform that makes the
 * change explicit.
 *
 * <pre>{@code
 * Statement s = Statement.of("CREATE TABLE t (id INT PRIMARY KEY, secret INT /*!80023 INVISIBLE * /)");
 * ServerVersion target = ServerVersion.parse("5.7.44");
 * for (DefinitionLoss loss : DefinitionLoss.find(s, target, false)) {
 *     loss.describe();   // "INVISIBLE column t.secret: ... silently created visible ..."
 *     loss.fix(target);  // Optional[Transforms.downgradeTo(TargetVersion.MYSQL_57)]
 * }
 * }</pre>
 *
 * <p>Only CREATE TABLE, ALTER TABLE and CREATE INDEX statements are read (their kind is told by their first
 * words, so other statements cost nothing). Immutable and thread-safe.
 *
 * @param construct      what is lost
 * @param table          the table's name
 * @param object         the column, index or constraint concerned, or null (an unnamed CHECK constraint)
 * @param detail         the type name, index part, default or CHECK clause as written, or null
 * @param commentVersion the version of the executable comment the construct is written in ({@code 80023} for
 *                       {@code /*!80023 INVISIBLE * /}), 0 when it is plain SQL
 * @param unique         for an index: whether it is UNIQUE (a constraint, not only an access path)
 */
public record DefinitionLoss(Construct construct, String table, String object, String detail, int commentVersion,
        boolean unique) {
    static final String DOWNGRADE_57 = "Transforms.downgradeTo(TargetVersion.MYSQL_57)";
    static final String MARIADB_TYPES = "Transforms.mapMariaDbTypes()";
    static final String MARIADB_TO_MYSQL = "Transforms.mariaDbToMySql()";

    /**
     * The constructs, each with the first MySQL version that keeps it ({@link #since()}; empty: no MySQL version,
     * a MariaDB construct).
     *
     * <pre>{@code
     * DefinitionLoss.Construct.INVISIBLE_COLUMN.since();   // Optional[8.0.23]
     * }</pre>
     */
    public enum Construct {
        /** {@code INVISIBLE} on a column: MySQL 8.0.23, which prints it as {@code /*!80023 INVISIBLE * /}. */
        INVISIBLE_COLUMN(8, 0, 23, "INVISIBLE column"),
        /** {@code INVISIBLE} on an index: MySQL 8.0, printed {@code /*!80000 INVISIBLE * /}. */
        INVISIBLE_INDEX(8, 0, 0, "invisible index"),
        /** A CHECK constraint: enforced from MySQL 8.0.16, parsed and ignored by older servers. */
        CHECK(8, 0, 16, "CHECK constraint"),
        /** {@code DESC} in an index part: MySQL 8.0; older servers parse it and build the index ascending. */
        DESCENDING_INDEX(8, 0, 0, "descending index part"),
        /** An index part that is an expression ({@code KEY ((lower(name)))}): MySQL 8.0.13. */
        FUNCTIONAL_INDEX(8, 0, 13, "functional index"),
        /** {@code DEFAULT (expression)}: MySQL 8.0.13. */
        EXPRESSION_DEFAULT(8, 0, 13, "expression default"),
        /** The {@code SRID n} attribute of a spatial column: MySQL 8.0.3, printed {@code /*!80003 SRID n * /}. */
        SRID(8, 0, 3, "SRID attribute"),
        /** The type name {@code GEOMCOLLECTION}, which MySQL 8.0.11 prints for GEOMETRYCOLLECTION columns. */
        GEOMCOLLECTION(8, 0, 11, "GEOMCOLLECTION type name"),
        /** A MariaDB-only column type: {@code UUID}, {@code INET4}, {@code INET6}. */
        MARIADB_TYPE(-1, 0, 0, "MariaDB column type"),
        /** MariaDB's {@code IGNORED} index (MySQL calls it INVISIBLE). */
        IGNORED_INDEX(-1, 0, 0, "IGNORED index"),
        /** MariaDB's expression default without parentheses ({@code DEFAULT uuid()}), which MySQL cannot parse. */
        BARE_EXPRESSION_DEFAULT(-1, 0, 0, "expression default without parentheses"),
        /**
         * A literal default on a TEXT, BLOB, JSON or spatial column (MariaDB): MySQL accepts it only as an
         * expression, and otherwise drops it with a warning (error 1101 in strict mode).
         */
        LOB_LITERAL_DEFAULT(-1, 0, 0, "literal default of a TEXT/BLOB column");

        private final ServerVersion since;
        private final String label;

        Construct(int major, int minor, int patch, String label) {
            this.since = major < 0 ? null : new ServerVersion(major, minor, patch, major + "." + minor + "." + patch);
            this.label = label;
        }

        /** @return the first MySQL version that keeps it; empty when no MySQL version does */
        public Optional<ServerVersion> since() {
            return Optional.ofNullable(since);
        }

        /** @return a short label for messages, e.g. "INVISIBLE column" */
        public String label() {
            return label;
        }
    }

    /** Validates. */
    public DefinitionLoss {
        Objects.requireNonNull(construct, "construct");
        Objects.requireNonNull(table, "table");
    }

    /**
     * @param statement     a statement to be run on the target
     * @param target        the target's version
     * @param mariaDbTarget whether the target is MariaDB (then nothing is reported: MariaDB keeps what MySQL 8.0
     *                      prints, or rejects it)
     * @return what the target would not keep of it, in text order; empty for statements that define no table
     */
    public static List<DefinitionLoss> find(Statement statement, ServerVersion target, boolean mariaDbTarget) {
        Objects.requireNonNull(target, "target");
        if (mariaDbTarget) {
            Objects.requireNonNull(statement, "statement");
            return List.of();
        }
        return all(statement).stream().filter(l -> !l.keptBy(target, false)).toList();
    }

    /** @return every construct of the statement that some MySQL target does not keep, in text order */
    public static List<DefinitionLoss> all(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        if (!TableDdl.applies(statement)) {
            return List.of();
        }
        List<DefinitionLoss> out = new ArrayList<>();
        for (TableDdl.Use u : TableDdl.scan(StatementEditor.of(statement))) {
            out.add(new DefinitionLoss(u.construct(), u.table(), u.object(), u.detail(), u.version(), u.unique()));
        }
        return List.copyOf(out);
    }

    /** @return whether a target of that version and flavour keeps the construct as the source meant it */
    public boolean keptBy(ServerVersion target, boolean mariaDbTarget) {
        if (mariaDbTarget) {
            return true;
        }
        return construct.since().map(target::compareTo).map(c -> c >= 0).orElse(false);
    }

    /**
     * @return whether a MySQL target of that version that does not keep it would accept the statement anyway and
     *         drop the construct without an error (a versioned comment it skips, a clause it parses and ignores,
     *         a default it drops with a warning); false when it fails the statement
     */
    public boolean silentOn(ServerVersion target) {
        return switch (construct) {
            case CHECK, DESCENDING_INDEX, LOB_LITERAL_DEFAULT -> true;
            case INVISIBLE_COLUMN, INVISIBLE_INDEX, SRID -> commentVersion > 0 && versionNumber(target) < commentVersion;
            default -> false;
        };
    }

    /**
     * @param target the target's version (MySQL)
     * @return the transform that changes the definition on purpose so that the target takes it (counted in its
     *         report and declared to Verify), or empty when none can carry it and the source must change first (an
     *         expression default or a UNIQUE functional index for 5.7; an 8.0 target older than the construct)
     */
    public Optional<String> fix(ServerVersion target) {
        boolean mysql57 = target.major() < 8;
        boolean expressions = target.atLeast(8, 0, 13);
        return Optional.ofNullable(switch (construct) {
            case INVISIBLE_COLUMN, INVISIBLE_INDEX, CHECK, DESCENDING_INDEX, SRID, GEOMCOLLECTION -> mysql57 ? DOWNGRADE_57 : null;
            case FUNCTIONAL_INDEX -> mysql57 && !unique ? DOWNGRADE_57 : null;
            case EXPRESSION_DEFAULT -> null;
            case MARIADB_TYPE -> MARIADB_TYPES;
            case IGNORED_INDEX -> mysql57 ? MARIADB_TO_MYSQL + " and " + DOWNGRADE_57 : MARIADB_TO_MYSQL;
            case BARE_EXPRESSION_DEFAULT, LOB_LITERAL_DEFAULT -> expressions ? MARIADB_TO_MYSQL : null;
        });
    }

    /** @return {@code table.object}, or the table alone */
    public String where() {
        return object == null ? table : table + "." + object;
    }

    /** @return what is lost and how a target without it treats it, in a sentence */
    public String describe() {
        String what = construct.label() + " " + where() + (detail == null || construct == Construct.DESCENDING_INDEX
                ? "" : " (" + detail + ")");
        return what + ": " + switch (construct) {
            case INVISIBLE_COLUMN -> "servers before MySQL 8.0.23 skip /*!80023 INVISIBLE */ and create the column visible"
                    + " (SELECT * and INSERT without a column list then include it)";
            case INVISIBLE_INDEX -> "servers before MySQL 8.0 skip /*!80000 INVISIBLE */ and the optimizer uses the index";
            case CHECK -> "servers before MySQL 8.0.16 parse the constraint and do not keep it: nothing is checked";
            case DESCENDING_INDEX -> "servers before MySQL 8.0 parse DESC and build part "
                    + (detail == null ? "" : detail + " ") + "ascending";
            case FUNCTIONAL_INDEX -> "servers before MySQL 8.0.13 reject index parts that are expressions";
            case EXPRESSION_DEFAULT -> "servers before MySQL 8.0.13 reject expression defaults";
            case SRID -> "servers before MySQL 8.0.3 skip /*!80003 SRID */ and accept values of any SRID";
            case GEOMCOLLECTION -> "servers before MySQL 8.0.11 know the type only as GEOMETRYCOLLECTION";
            case MARIADB_TYPE -> "MySQL has no such type";
            case IGNORED_INDEX -> "MySQL calls an ignored index INVISIBLE";
            case BARE_EXPRESSION_DEFAULT -> "MySQL needs an expression default in parentheses (8.0.13 and later)";
            case LOB_LITERAL_DEFAULT -> "MySQL takes a default of such a column only as an expression (8.0.13 and"
                    + " later) and otherwise drops it with a warning";
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    /** @return 80023 for 8.0.23, as versioned comments write versions */
    static int versionNumber(ServerVersion v) {
        return v.major() * 10000 + v.minor() * 100 + v.patch();
    }
}
