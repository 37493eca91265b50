package io.github.auroramigrate.core.sql;

/**
 * What a statement does, read from its first words (inside executable comments too, so
 * {@code /*!40000 ALTER TABLE `t` DISABLE KEYS * /} is an {@link #ALTER_TABLE}).
 *
 * <pre>{@code
 * if (statement.kind() == StatementKind.INSERT) { rows++; }
 * }</pre>
 */
public enum StatementKind {
    /** CREATE [TEMPORARY] TABLE. */
    CREATE_TABLE,
    /** CREATE [OR REPLACE] [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW. */
    CREATE_VIEW,
    /** CREATE [DEFINER=..] PROCEDURE. */
    CREATE_PROCEDURE,
    /** CREATE [DEFINER=..] [AGGREGATE] FUNCTION. */
    CREATE_FUNCTION,
    /** CREATE [DEFINER=..] TRIGGER. */
    CREATE_TRIGGER,
    /** CREATE [DEFINER=..] EVENT. */
    CREATE_EVENT,
    /** CREATE DATABASE / SCHEMA. */
    CREATE_DATABASE,
    /** CREATE SEQUENCE (MariaDB). */
    CREATE_SEQUENCE,
    /** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX. */
    CREATE_INDEX,
    /** CREATE TABLESPACE, USER, ROLE, SERVER... */
    CREATE_OTHER,
    /** ALTER TABLE. */
    ALTER_TABLE,
    /** ALTER of anything else (VIEW, DATABASE, EVENT...). */
    ALTER_OTHER,
    /** DROP TABLE. */
    DROP_TABLE,
    /** DROP VIEW. */
    DROP_VIEW,
    /** DROP of anything else. */
    DROP_OTHER,
    /** INSERT. */
    INSERT,
    /** REPLACE. */
    REPLACE,
    /** UPDATE. */
    UPDATE,
    /** DELETE. */
    DELETE,
    /** TRUNCATE [TABLE]. */
    TRUNCATE,
    /** SELECT (and WITH ... SELECT). */
    SELECT,
    /** SET (variables, NAMES, sql_mode...). */
    SET,
    /** USE schema. */
    USE,
    /** LOCK TABLE(S). */
    LOCK_TABLES,
    /** UNLOCK TABLES. */
    UNLOCK_TABLES,
    /** CHANGE MASTER TO / CHANGE REPLICATION SOURCE TO. */
    CHANGE_REPLICATION_SOURCE,
    /** Anything else. */
    OTHER
}
