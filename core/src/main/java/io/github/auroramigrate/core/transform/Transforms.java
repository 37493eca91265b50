package io.github.auroramigrate.core.transform;

import java.util.Set;

/**
 * The built-in transforms. Each is immutable and thread-safe; combine them with
 * {@link Transform#andThen(Transform)}.
 *
 * <pre>{@code
 * Transform forAurora = Transforms.stripDefiners()
 *     .andThen(Transforms.dropSuperStatements())
 *     .andThen(Transforms.forceInnoDb())
 *     .andThen(Transforms.stripTablespaces())
 *     .andThen(Transforms.mapCollations(TargetVersion.MYSQL_57));
 * TransformReport r = TransformPipeline.of(forAurora).run(Path.of("dump.sql.gz"), Path.of("aurora.sql.gz"));
 * }</pre>
 *
 * <p>A sensible order: filters and renames first ({@link #includeTables}, {@link #excludeTables},
 * {@link #renameSchema}), then the rewrites. Each transform's class documents exactly what it changes, its
 * report counters, and what it reports as untranslatable.
 */
public final class Transforms {
    private Transforms() {
    }

    /**
     * Removes {@code DEFINER=...} from CREATE/ALTER VIEW, PROCEDURE, FUNCTION, TRIGGER and EVENT, including the
     * mysqldump forms {@code /*!50013 DEFINER=`u`@`h` SQL SECURITY DEFINER * /} and
     * {@code /*!50017 DEFINER=`u`@`h`* /}; objects are then owned by the loading account.
     *
     * <pre>{@code
     * /*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER * /  ->  /*!50013 SQL SECURITY DEFINER * /
     * Transforms.stripDefiners().sqlSecurityInvoker(true)      // also SQL SECURITY INVOKER
     * }</pre>
     *
     * @see DefinerTransform
     */
    public static DefinerTransform stripDefiners() {
        return new DefinerTransform(null, false);
    }

    /**
     * Replaces every DEFINER with one account (e.g. the Aurora master user, which may name itself).
     *
     * <pre>{@code
     * Transforms.replaceDefiners("master@%")   // DEFINER=`someuser`@`%` -> DEFINER=`master`@`%`
     * }</pre>
     *
     * @param account {@code user@host}, quoted or not ({@code 'master'@'%'}), or {@code CURRENT_USER}
     * @throws IllegalArgumentException if the account is not user@host
     * @see DefinerTransform
     */
    public static DefinerTransform replaceDefiners(String account) {
        return new DefinerTransform(DefinerTransform.account(account), false);
    }

    /**
     * Converts MyISAM and Aria tables to InnoDB and removes the table options InnoDB rejects.
     *
     * <pre>{@code
     * ENGINE=MyISAM ... ROW_FORMAT=FIXED KEY_BLOCK_SIZE=8  ->  ENGINE=InnoDB ... ROW_FORMAT=DYNAMIC
     * Transforms.forceInnoDb().engines("MyISAM", "Aria", "MEMORY")   // choose the engines
     * }</pre>
     *
     * @see EngineTransform
     */
    public static EngineTransform forceInnoDb() {
        return new EngineTransform(Set.of("MyISAM", "Aria", "Maria"));
    }

    /**
     * Drops statements that need SUPER on Aurora ({@code SET GLOBAL}, {@code SET sql_log_bin},
     * {@code SET @@GLOBAL.GTID_PURGED}, {@code CHANGE MASTER TO}, {@code START SLAVE}...), capturing the GTID set
     * and binlog coordinates they carried into the report.
     *
     * <pre>{@code
     * SET @@GLOBAL.GTID_PURGED=/*!80000 '+'* / 'uuid:1-27';   -> dropped; report.gtidPurged() = "uuid:1-27"
     * }</pre>
     *
     * @see SuperStatementFilter
     */
    public static Transform dropSuperStatements() {
        return new SuperStatementFilter();
    }

    /**
     * Removes {@code TABLESPACE}, {@code DATA DIRECTORY} and {@code INDEX DIRECTORY} clauses and drops
     * {@code CREATE TABLESPACE} statements.
     *
     * <pre>{@code
     * ) /*!50100 TABLESPACE `ts1` * / ENGINE=InnoDB  ->  ) ENGINE=InnoDB
     * }</pre>
     *
     * @see TablespaceStripper
     */
    public static Transform stripTablespaces() {
        return new TablespaceStripper();
    }

    /**
     * Renames a schema in CREATE DATABASE, USE and qualified names.
     *
     * <pre>{@code
     * Transforms.renameSchema("shop", "shop_copy")   // `shop`.`t1` -> `shop_copy`.`t1`, strings untouched
     * }</pre>
     *
     * @throws NullPointerException     if a name is null
     * @throws IllegalArgumentException if a name is empty
     * @see SchemaRename
     */
    public static Transform renameSchema(String from, String to) {
        return new SchemaRename(from, to);
    }

    /**
     * Keeps only the DDL and data statements of matching tables.
     *
     * <pre>{@code
     * Transforms.includeTables("shop.orders*", "shop.customers")
     * }</pre>
     *
     * @param patterns {@code schema.table} globs ({@code *}, {@code ?}); a pattern without a dot matches the table
     *                 in any schema
     * @throws IllegalArgumentException if no pattern is given or one is malformed
     * @see TableFilterTransform
     */
    public static Transform includeTables(String... patterns) {
        return new TableFilterTransform(true, patterns);
    }

    /**
     * Drops the DDL and data statements of matching tables.
     *
     * <pre>{@code
     * Transforms.excludeTables("shop.audit_log", "*.tmp_*")
     * }</pre>
     *
     * @param patterns {@code schema.table} globs ({@code *}, {@code ?}); a pattern without a dot matches the table
     *                 in any schema
     * @throws IllegalArgumentException if no pattern is given or one is malformed
     * @see TableFilterTransform
     */
    public static Transform excludeTables(String... patterns) {
        return new TableFilterTransform(false, patterns);
    }

    /**
     * Replaces collations the target lacks ({@code utf8mb4_0900_*} for 5.7, MariaDB {@code uca1400} for both).
     *
     * <pre>{@code
     * Transforms.mapCollations(TargetVersion.MYSQL_57)   // utf8mb4_0900_ai_ci -> utf8mb4_unicode_520_ci
     * }</pre>
     *
     * @see CollationMapper
     */
    public static Transform mapCollations(TargetVersion target) {
        return new CollationMapper(target);
    }

    /**
     * Removes SQL modes the target does not know from {@code SET sql_mode} statements ({@code NO_AUTO_CREATE_USER}
     * from every 5.7 and MariaDB dump with routines fails on 8.0 with error 1231).
     *
     * <pre>{@code
     * Transforms.fixSqlModes(TargetVersion.MYSQL_80)
     * }</pre>
     *
     * @see SqlModeFilter
     */
    public static Transform fixSqlModes(TargetVersion target) {
        return new SqlModeFilter(target);
    }

    /**
     * Removes MariaDB-only syntax MySQL rejects ({@code /*M!...* /} comments, {@code PAGE_CHECKSUM},
     * {@code TRANSACTIONAL}), drops sequence statements and reports what cannot be translated.
     *
     * <pre>{@code
     * Transforms.mariaDbToMySql().andThen(Transforms.mapCollations(TargetVersion.MYSQL_80))
     * }</pre>
     *
     * @see MariaDbToMySql
     */
    public static Transform mariaDbToMySql() {
        return new MariaDbToMySql();
    }

    /**
     * Maps MariaDB's UUID, INET4 and INET6 column types to MySQL text types holding the values' text form, which is
     * what dumps write (values arrive exactly; they then compare and sort as text).
     *
     * <pre>{@code
     * `u` uuid, `ip` inet6   ->   `u` CHAR(36) CHARACTER SET ascii, `ip` VARCHAR(39) CHARACTER SET ascii
     * Transforms.mariaDbToMySql().andThen(Transforms.mapMariaDbTypes()).andThen(Transforms.mapCollations(TargetVersion.MYSQL_80))
     * }</pre>
     *
     * @see MariaDbTypeMapper
     */
    public static Transform mapMariaDbTypes() {
        return new MariaDbTypeMapper();
    }

    /**
     * Rewrites MySQL 8.0 table definitions for an older target where it would otherwise drop part of them without
     * a word or reject them: for {@link TargetVersion#MYSQL_57} (Aurora MySQL 2) INVISIBLE columns and indexes are
     * made visible, CHECK constraints, {@code DESC} of index parts and SRID attributes dropped, non-unique
     * functional indexes dropped and {@code GEOMCOLLECTION} spelled {@code GEOMETRYCOLLECTION}. Each loss is
     * counted and reported with its object, and declared to Verify. Loaders refuse such definitions without it.
     *
     * <pre>{@code
     * `secret` varchar(20) /*!80023 INVISIBLE * /,  KEY `ix` (`a` DESC)   ->   `secret` varchar(20),  KEY `ix` (`a`)
     * Load.into(aurora2).from(dump).transform(Transforms.stripDefiners()
     *         .andThen(Transforms.mapCollations(TargetVersion.MYSQL_57))
     *         .andThen(Transforms.downgradeTo(TargetVersion.MYSQL_57))).build().run();
     * }</pre>
     *
     * @param target the target's version; {@link TargetVersion#MYSQL_80} changes nothing
     * @see VersionDowngrade
     */
    public static Transform downgradeTo(TargetVersion target) {
        return new VersionDowngrade(target);
    }

    /**
     * Leaves generated columns out of INSERT and REPLACE statements, knowing each table's columns from the CREATE TABLE
     * earlier in the stream: dumps of MySQL 8.0 by mysqldump and mariadb-dump write values for them, which the server
     * refuses (ERROR 3105). {@code LoadSources.sqlFile} applies it to every file.
     *
     * <pre>{@code
     * INSERT INTO `g` VALUES (1,10,20,'x')   ->   INSERT INTO `g` (`id`,`a`,`n`) VALUES (1,10,'x')
     * }</pre>
     *
     * @see GeneratedColumnValues
     */
    public static Transform dropGeneratedColumnValues() {
        return new GeneratedColumnValues();
    }
}
