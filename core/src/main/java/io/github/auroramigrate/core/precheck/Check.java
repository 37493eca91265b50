package io.github.auroramigrate.core.precheck;

/**
 * The checks the compatibility pre-check runs.
 *
 * <pre>{@code
 * report.findings().stream().filter(f -> f.check() == Check.DEFINERS)...
 * }</pre>
 */
public enum Check {
    /** Objects whose DEFINER the target user may not set (1227), or that names an account missing on the target (1449 on use). */
    DEFINERS,
    /** Tables in MyISAM or another non-InnoDB engine. */
    NON_INNODB_TABLES,
    /** Stored functions or triggers that need log_bin_trust_function_creators (1419) on a binlogging target without SUPER. */
    FUNCTION_CREATORS,
    /** Tables without a primary key: row-based replication scans them for every changed row. */
    TABLES_WITHOUT_PRIMARY_KEY,
    /** Zero dates in data or defaults while the target's sql_mode forbids them. */
    ZERO_DATES,
    /** Named time zones used while the target has no time zone tables, or a different default time zone. */
    TIME_ZONES,
    /** lower_case_table_names differs and names differ only by case. */
    LOWER_CASE_TABLE_NAMES,
    /** A value larger than the target's max_allowed_packet. */
    MAX_ALLOWED_PACKET,
    /** Accounts whose authentication plugin the target lacks. */
    AUTH_PLUGINS,
    /**
     * Collations or character sets the target does not know (e.g. utf8mb4_0900_* on 5.7, MariaDB's uca1400), named by
     * a schema, table, column, routine parameter or result, or the context a view, routine, trigger or event was created in.
     */
    COLLATIONS,
    /**
     * INVISIBLE columns and indexes a target before MySQL 8.0.23 / 8.0 would make visible without a word (5.7 skips
     * {@code /*!80023 INVISIBLE * /}).
     */
    INVISIBLE_DEFINITIONS,
    /** CHECK constraints a target before MySQL 8.0.16 parses and ignores. */
    CHECK_CONSTRAINTS,
    /** Descending index parts a target before MySQL 8.0 builds ascending. */
    DESCENDING_INDEXES,
    /**
     * Definitions only MySQL 8.0 has: functional indexes, expression defaults, SRID attributes (skipped by 5.7),
     * GEOMCOLLECTION, and SQL in views, routines, triggers and events (CTEs, window functions, JSON_TABLE, LATERAL...).
     */
    NEWER_DEFINITIONS,
    /**
     * MariaDB definitions a MySQL target rejects or drops: UUID, INET4 and INET6 columns, IGNORED indexes, expression
     * defaults without parentheses, literal defaults of TEXT/BLOB columns.
     */
    MARIADB_DEFINITIONS,
    /** Target settings that slow or block loading: local_infile off. */
    LOAD_SETTINGS,
    /** Source settings that block replication: binary log off, not ROW, server_id 0. */
    SOURCE_BINLOG
}
