package io.github.auroramigrate.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.TargetVersion;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors people actually hit while loading, each provoked for real the way a user meets it - a Load of a dump, a
 * LoadSources.sqlFile of a file written like mysqldump's (or by the real mariadb-dump), a Copy - against the bundled servers
 * and the Aurora-like profiles. Each asserts the diagnosis code, that the advice names the parameter, transform or
 * privilege to change, and that the failing statement's file, line and excerpt are reported.
 *
 * <p>Global settings a test needs (binary log trust, row format, generated primary keys) are set on the shared server
 * for the test only and put back in {@code finally}.
 */
@ExtendWith(TestServersExtension.class)
class LoadErrorsIT {
    private static final String PASSWORD = "Loader-pw-1";

    // ------------------------------------------------------------------ routines and binary logging

    /** Aurora's master user has no SUPER; with binary logging on, a function needs log_bin_trust_function_creators. */
    @Test
    void error1419FunctionOnAnAuroraTargetWithBinaryLogging(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path dir) throws Exception {
        String s = source.createSchema("err1419");
        source.execute("CREATE TABLE " + q(s) + ".t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO " + q(s) + ".t VALUES (1, 10), (2, 20)",
                "CREATE FUNCTION " + q(s) + ".`f_dö`(x INT) RETURNS INT DETERMINISTIC BEGIN DECLARE y INT; SET y = x * 2; "
                        + "RETURN y; END");
        dump(source, s, dir);
        String before = global(target, "log_bin_trust_function_creators");
        try {
            target.execute("SET GLOBAL log_bin_trust_function_creators = 0");
            Load load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                    .transform(Transforms.stripDefiners()).build();

            LoadException e = catchThrowableOfType(load::run, LoadException.class);

            assertThat(e).as("the load must fail").isNotNull();
            assertThat(e.code()).isEqualTo(DiagnosisCode.LOG_BIN_TRUST_FUNCTION_CREATORS);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(1419);
            assertThat(e.diagnosis().remedy()).contains("log_bin_trust_function_creators = 1").contains("parameter group");
            SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
            assertThat(at.excerpt()).contains("FUNCTION").contains("f_dö");
            assertThat(at.file()).contains("f_d");
            assertThat(e.getMessage()).contains(at.file()).contains(target.user() + "@");

            // the advice: set the parameter and run the load again - what was loaded is kept
            target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
            LoadResult again = load.run();
            assertThat(again.chunksSkipped()).as("chunks loaded before the failure are kept").isPositive();
            assertThat(target.queryString("SELECT " + q(s) + ".`f_dö`(21)")).contains("42");
        } finally {
            target.execute("SET GLOBAL log_bin_trust_function_creators = " + before);
        }
    }

    /** As root (SUPER), the same server refuses a function that declares none of the characteristics: 1418. */
    @Test
    void error1418NonDeterministicFunctionInAMysqldumpFile(@Server(ServerKind.MYSQL_80) TestServer target,
            @TempDir Path dir) throws Exception {
        String s = "err1418_" + Long.toString(System.nanoTime(), 36);
        Path file = dir.resolve("shop dump.sql");
        List<String> lines = new ArrayList<>(mysqldumpHeader());
        lines.addAll(List.of(
                "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `" + s + "` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;",
                "USE `" + s + "`;",
                "DROP TABLE IF EXISTS `t`;",
                "CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
                "INSERT INTO `t` VALUES (1),(2);",
                "/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;",
                "/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION' */ ;",
                "DELIMITER ;;",
                "CREATE DEFINER=`root`@`localhost` FUNCTION `next id`() RETURNS int",
                "BEGIN",
                "  DECLARE n INT;",
                "  SELECT MAX(id) + 1 INTO n FROM t;",
                "  RETURN n;",
                "END ;;",
                "DELIMITER ;",
                "/*!50003 SET sql_mode              = @saved_sql_mode */ ;"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        int createLine = lines.indexOf("CREATE DEFINER=`root`@`localhost` FUNCTION `next id`() RETURNS int") + 1;
        String before = global(target, "log_bin_trust_function_creators");
        try {
            target.execute("SET GLOBAL log_bin_trust_function_creators = 0");
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run(),
                    LoadException.class);

            assertThat(e.code()).isEqualTo(DiagnosisCode.ROUTINE_CHARACTERISTIC_REQUIRED);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(1418);
            assertThat(e.diagnosis().remedy()).contains("log_bin_trust_function_creators").contains("DETERMINISTIC");
            assertLocation(e, "shop dump.sql", createLine, "FUNCTION `next id`");
        } finally {
            target.execute("SET GLOBAL log_bin_trust_function_creators = " + before, "DROP DATABASE IF EXISTS `" + s + "`");
        }
    }

    // ------------------------------------------------------------------ collations and key length (into 5.7)

    /** 8.0's default collation is unknown to 5.7 / Aurora MySQL 2: a Copy stops at the first DDL naming it. */
    @Test
    void error1273ZeroNineHundredCollationCopiedIntoAurora2(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) {
        String s = source.createSchema("err1273");
        source.execute("CREATE TABLE " + q(s) + ".`customer list` (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL) "
                + "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci", "INSERT INTO " + q(s) + ".`customer list` VALUES (1, 'a@b')");
        Copy copy = Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).dump(d -> d.schemas(s)).build();

        LoadException e = catchThrowableOfType(copy::run, LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.UNKNOWN_COLLATION);
        assertThat(e.diagnosis().vendorCode()).isEqualTo(1273);
        assertThat(e.diagnosis().message()).contains("utf8mb4_0900_ai_ci");
        assertThat(e.diagnosis().remedy()).contains("Transforms.mapCollations(TargetVersion.MYSQL_57)");
        SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
        assertThat(at.line()).isEqualTo(1);
        assertThat(at.excerpt()).contains("utf8mb4_0900_ai_ci");
    }

    /**
     * The handbook's naive fix - map the collation - then meets the 767-byte key limit of 5.7's COMPACT rows: a unique
     * key on VARCHAR(255) utf8mb4 needs 1020 bytes.
     */
    @Test
    void error1071KeyTooLongOnMysql57WithCompactRows(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(ServerKind.MYSQL_57) TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err1071");
        source.execute("CREATE TABLE " + q(s) + ".users (id INT PRIMARY KEY, email VARCHAR(255) NOT NULL, UNIQUE KEY uk_email (email)) "
                + "DEFAULT CHARSET=utf8mb4", "INSERT INTO " + q(s) + ".users VALUES (1, 'a@b'), (2, 'c@d')");
        dump(source, s, dir);
        String before = global(target, "innodb_default_row_format");
        try {
            target.execute("SET GLOBAL innodb_default_row_format = 'compact'");
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                    .from(LoadSources.dump(DumpStores.directory(dir))).transform(Transforms.mapCollations(TargetVersion.MYSQL_57))
                    .build().run(), LoadException.class);

            assertThat(e.code()).isEqualTo(DiagnosisCode.KEY_TOO_LONG);
            assertThat(e.diagnosis().vendorCode()).isIn(1071, 1709);
            assertThat(e.diagnosis().message()).contains("767 bytes");
            assertThat(e.diagnosis().remedy()).contains("ROW_FORMAT=DYNAMIC").contains("innodb_default_row_format");
            SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
            assertThat(at.excerpt()).contains("CREATE TABLE `users`").contains("uk_email");
            assertThat(at.file()).contains("users");
        } finally {
            target.execute("SET GLOBAL innodb_default_row_format = '" + before + "'", "DROP DATABASE IF EXISTS " + q(s));
        }
    }

    // ------------------------------------------------------------------ objects that exist, generated columns

    /** A table of the dump exists on the target with rows this load did not write: refused, never a silent merge. */
    @Test
    void error1050TableMadeByHandIsRefusedByLoadAndByAFileImport(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err1050");
        source.execute("CREATE TABLE " + q(s) + ".`order` (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "INSERT INTO " + q(s) + ".`order` VALUES (1, 9.99)");
        dump(source, s, dir);
        target.execute("CREATE DATABASE " + q(s), "CREATE TABLE " + q(s) + ".`order` (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "INSERT INTO " + q(s) + ".`order` VALUES (7, 1.00)");
        try {
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.OBJECT_EXISTS);
            assertThat(e.table()).contains(s + ".order");
            assertThat(e.diagnosis().message()).contains("`order`").contains("rows this load did not write");
            assertThat(e.diagnosis().remedy()).contains("existingObjects(ExistingObjects.REPLACE)");
            assertThat(e.diagnosis().sourceLocation().orElseThrow().excerpt()).contains("CREATE TABLE `order`");
            assertThat(target.queryString("SELECT GROUP_CONCAT(id) FROM " + q(s) + ".`order`")).contains("7");

            // mysqldump --skip-add-drop-table: refused before the server's 1050, at the file's line
            Path file = dir.resolve("no-drop.sql");
            List<String> lines = new ArrayList<>(mysqldumpHeader());
            lines.addAll(List.of("USE " + q(s) + ";", "CREATE TABLE `order` (", "  `id` int NOT NULL,",
                    "  `total` decimal(10,2) DEFAULT NULL,", "  PRIMARY KEY (`id`)", ") ENGINE=InnoDB;",
                    "INSERT INTO `order` VALUES (1,9.99);"));
            Files.write(file, lines, StandardCharsets.UTF_8);
            LoadException f = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run(),
                    LoadException.class);
            assertThat(f.code()).isEqualTo(DiagnosisCode.OBJECT_EXISTS);
            assertLocation(f, "no-drop.sql", lines.indexOf("CREATE TABLE `order` (") + 1, "CREATE TABLE `order`");
            assertThat(f.diagnosis().remedy()).as("advice that fits a file import too").contains("DROP TABLE");
        } finally {
            target.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    /**
     * mariadb-dump reading MySQL 8.0 writes values for generated columns. A data-only file (--no-create-info) into
     * tables created beforehand: 3105 at the INSERT.
     */
    @Test
    void error3105GeneratedColumnValuesInARealMariadbDump(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err3105");
        String ddl = "CREATE TABLE " + q(s) + ".line (id INT PRIMARY KEY, qty INT, price DECIMAL(8,2), "
                + "total DECIMAL(12,2) AS (qty * price) STORED, label VARCHAR(20) AS (CONCAT('#', id)) VIRTUAL)";
        source.execute(ddl, "INSERT INTO " + q(s) + ".line (id, qty, price) VALUES (1, 2, 3.50), (2, 1, 10.00)");
        Path file = mariadbDump(source, s, dir.resolve("data-only.sql"), "--no-create-info");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int insertLine = 0;
        for (int i = 0; i < lines.size() && insertLine == 0; i++) {
            if (lines.get(i).startsWith("INSERT INTO `line`")) {
                insertLine = i + 1;
            }
        }
        assertThat(insertLine).as("the dump has the INSERT").isPositive();
        target.execute("CREATE DATABASE " + q(s), ddl);
        try {
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run(),
                    LoadException.class);

            assertThat(e.code()).isEqualTo(DiagnosisCode.GENERATED_COLUMN_VALUE);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(3105);
            assertThat(e.diagnosis().message()).contains("total");
            assertThat(e.diagnosis().remedy()).contains("generated column").contains("column list");
            assertLocation(e, "data-only.sql", insertLine, "INSERT INTO `line`");
        } finally {
            target.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    // ------------------------------------------------------------------ definers and access denied

    /**
     * A view on a view whose DEFINER exists on the source only. Self-managed target as root: 1449 at the second view.
     * Aurora MySQL 3 as the master user: MySQL answers an ordinary statement with 1045/1142-style "access denied" -
     * the diagnosis must still point at the statement.
     */
    @Test
    void error1449DefinerMissingAndAccessDeniedOnAStatement(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer selfManaged,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer aurora,
            @TempDir Path dir) throws Exception {
        String s = source.createSchema("err1449");
        source.execute("CREATE USER IF NOT EXISTS 'report er'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE TABLE " + q(s) + ".sales (id INT PRIMARY KEY, amount INT)",
                "INSERT INTO " + q(s) + ".sales VALUES (1, 5)",
                "GRANT SELECT ON " + q(s) + ".* TO 'report er'@'%'",
                "CREATE DEFINER='report er'@'%' SQL SECURITY DEFINER VIEW " + q(s) + ".a_base AS SELECT id, amount FROM "
                        + q(s) + ".sales",
                "CREATE DEFINER='report er'@'%' SQL SECURITY DEFINER VIEW " + q(s) + ".b_top AS SELECT id FROM " + q(s)
                        + ".a_base WHERE amount > 1");
        dump(source, s, dir);
        try {
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(selfManaged))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.DEFINER_MISSING);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(1449);
            assertThat(e.diagnosis().message()).contains("report er");
            assertThat(e.diagnosis().remedy()).contains("Transforms.stripDefiners()");
            assertThat(e.diagnosis().sourceLocation().orElseThrow().excerpt()).contains("VIEW `b_top`");

            LoadException denied = catchThrowableOfType(() -> Load.into(TestEndpoints.of(aurora))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(denied.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
            assertThat(denied.diagnosis().vendorCode()).isEqualTo(1045); // measured on 8.0.31: not 1449, not 1142
            assertThat(denied.diagnosis().remedy()).contains("DEFINER");
            assertThat(denied.diagnosis().sourceLocation()).as("access denied on a statement names it").isPresent();
            assertThat(denied.diagnosis().sourceLocation().get().excerpt()).contains("VIEW");
        } finally {
            selfManaged.execute("DROP DATABASE IF EXISTS " + q(s));
            aurora.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    /** A user allowed to load data but not to create views: 1142 names the statement; it is not a journal problem. */
    @Test
    void error1142OnAnOrdinaryStatementReportsItsLocation(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir) throws Exception {
        // a schema whose name contains the journal schema's name must not be mistaken for it
        String s = source.createSchema("aurora_migrate_shop");
        source.execute("CREATE TABLE " + q(s) + ".t (id INT PRIMARY KEY)", "INSERT INTO " + q(s) + ".t VALUES (1)",
                "CREATE SQL SECURITY INVOKER VIEW " + q(s) + ".v AS SELECT id FROM " + q(s) + ".t");
        dump(source, s, dir);
        String user = "noview_" + Long.toString(System.nanoTime(), 36);
        target.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX ON *.* TO '" + user + "'@'%'");
        try {
            LoadException e = catchThrowableOfType(() -> Load.into(as(target, user))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(1142);
            assertThat(e.diagnosis().message()).contains("CREATE VIEW");
            SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
            assertThat(at.excerpt()).contains("VIEW `v`");

            // the schema itself: no CREATE on it (only on the journal schema) - 1044 at CREATE DATABASE, not JOURNAL_PRIVILEGE
            target.execute("REVOKE ALL PRIVILEGES ON *.* FROM '" + user + "'@'%'",
                    "GRANT ALL ON `aurora_migrate`.* TO '" + user + "'@'%'", "DROP DATABASE IF EXISTS " + q(s));
            LoadException schema = catchThrowableOfType(() -> Load.into(as(target, user))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(schema.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
            assertThat(schema.diagnosis().vendorCode()).isEqualTo(1044);
            assertThat(schema.diagnosis().sourceLocation()).isPresent();
            assertThat(schema.diagnosis().sourceLocation().get().excerpt()).contains("CREATE DATABASE").contains(s);
        } finally {
            target.execute("DROP USER '" + user + "'@'%'", "DROP DATABASE IF EXISTS " + q(s));
        }
    }

    /** The journal lives in `aurora_migrate` on the target: a user without privileges there is told which to grant. */
    @Test
    void journalPrivilegeNamesThePrivilegeAndTheSchema(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err_journal");
        source.execute("CREATE TABLE " + q(s) + ".t (id INT PRIMARY KEY)", "INSERT INTO " + q(s) + ".t VALUES (1), (2)");
        dump(source, s, dir);
        target.execute("CREATE DATABASE IF NOT EXISTS `aurora_migrate`");
        String user = "loader_" + Long.toString(System.nanoTime(), 36);
        target.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON " + q(s) + ".* TO '" + user + "'@'%'");
        try {
            // no privilege at all on the journal schema
            LoadException none = catchThrowableOfType(() -> Load.into(as(target, user))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(none.code()).isEqualTo(DiagnosisCode.JOURNAL_PRIVILEGE);
            assertThat(none.diagnosis().vendorCode()).isEqualTo(1044);
            assertThat(none.diagnosis().message()).contains("needs the CREATE privilege on `aurora_migrate`.*");
            assertThat(none.diagnosis().remedy())
                    .contains("GRANT CREATE, DROP, SELECT, INSERT, UPDATE, DELETE ON `aurora_migrate`.* TO '" + user + "'@'%'");
            assertThat(none.getMessage()).doesNotContain(PASSWORD);

            // enough to create and read the journal, not to write it: the first journal row is refused
            target.execute("GRANT CREATE, SELECT ON `aurora_migrate`.* TO '" + user + "'@'%'");
            LoadException noInsert = catchThrowableOfType(() -> Load.into(as(target, user))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(noInsert.code()).as(noInsert.getMessage()).isEqualTo(DiagnosisCode.JOURNAL_PRIVILEGE);
            assertThat(noInsert.diagnosis().vendorCode()).isEqualTo(1142);
            assertThat(noInsert.diagnosis().message()).contains("needs the INSERT privilege on `aurora_migrate`.*");
            assertThat(noInsert.diagnosis().remedy()).contains("ON `aurora_migrate`.* TO '" + user + "'@'<its host>'")
                    .contains("SELECT CURRENT_USER()");

            target.execute("GRANT INSERT, UPDATE, DELETE ON `aurora_migrate`.* TO '" + user + "'@'%'");
            LoadResult ok = Load.into(as(target, user)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
            assertThat(ok.rowsLoaded()).isEqualTo(2);
        } finally {
            target.execute("DROP USER '" + user + "'@'%'", "DROP DATABASE IF EXISTS " + q(s));
        }
    }

    // ------------------------------------------------------------------ defaults, foreign keys, primary key policy

    /** mariadb-dump --compact writes no SQL_MODE line: a 5.7 zero-date default meets 8.0's NO_ZERO_DATE (1067). */
    @Test
    void error1067ZeroDateDefaultFromACompactDump(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err1067");
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = ''");
            st.execute("CREATE TABLE " + q(s) + ".legacy (id INT PRIMARY KEY, created DATETIME NOT NULL DEFAULT "
                    + "'0000-00-00 00:00:00')");
            st.execute("INSERT INTO " + q(s) + ".legacy (id) VALUES (1)");
        }
        Path file = mariadbDump(source, s, dir.resolve("compact.sql"), "--compact");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int createLine = 0;
        for (int i = 0; i < lines.size() && createLine == 0; i++) {
            if (lines.get(i).startsWith("CREATE TABLE `legacy`")) {
                createLine = i + 1;
            }
        }
        assertThat(createLine).isPositive();
        try {
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run(),
                    LoadException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_DEFAULT);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(1067);
            assertThat(e.diagnosis().message()).contains("created");
            assertThat(e.diagnosis().remedy()).contains("NO_ZERO_DATE").contains("sql_mode");
            assertLocation(e, "compact.sql", createLine, "CREATE TABLE `legacy`");

            // what the advice says of Load: the same table from a dump of ours loads, zero-date default and all
            dump(source, s, dir.resolve("ours"));
            Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir.resolve("ours")))).build().run();
            assertThat(target.queryString("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + s
                    + "' AND TABLE_NAME = 'legacy' AND COLUMN_NAME = 'created'")).contains("0000-00-00 00:00:00");
        } finally {
            target.execute("DROP DATABASE IF EXISTS " + q(s));
        }
    }

    /**
     * A foreign key to a table outside the dump, which the target already has with another type (the application's own
     * migrations made it UNSIGNED there). foreign_key_checks = 0 does not help: 3780 on MySQL 8.0, a bare 1215 on 5.7
     * (the advice must say where the reason is), 1005 "errno: 150" on MariaDB.
     */
    @Test
    void foreignKeyToATableOfAnotherTypeOnEachTarget(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "import-target") TestServer mysql80,
            @Server(value = ServerKind.MYSQL_57, role = "targets-57") TestServer mysql57,
            @Server(ServerKind.MARIADB_114) TestServer mariadb, @TempDir Path dir) throws Exception {
        String ref = source.createSchema("fk_ref");
        String s = source.createSchema("fk");
        source.execute("CREATE TABLE " + q(ref) + ".country (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + q(ref) + ".country VALUES (49, 'DE')",
                "CREATE TABLE " + q(s) + ".address (id INT PRIMARY KEY, country_id INT, CONSTRAINT `fk country` "
                        + "FOREIGN KEY (country_id) REFERENCES " + q(ref) + ".country (id))",
                "INSERT INTO " + q(s) + ".address VALUES (1, 49)");
        dump(source, s, dir);
        List<Integer> numbers = new ArrayList<>();
        for (TestServer target : List.of(mysql80, mysql57, mariadb)) {
            target.execute("CREATE DATABASE " + q(ref), "CREATE TABLE " + q(ref) + ".country (id INT UNSIGNED PRIMARY KEY, "
                    + "name VARCHAR(20))", "INSERT INTO " + q(ref) + ".country VALUES (49, 'DE')");
            try {
                LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                        .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
                assertThat(e).as(target.kind() + " refuses the foreign key").isNotNull();
                assertThat(e.code()).as(target.kind() + ": " + e.getMessage()).isEqualTo(DiagnosisCode.FOREIGN_KEY_INVALID);
                numbers.add(e.diagnosis().vendorCode());
                assertThat(e.diagnosis().remedy()).contains("type, sign").contains("LATEST FOREIGN KEY ERROR");
                assertThat(e.diagnosis().sourceLocation().orElseThrow().excerpt()).contains("CREATE TABLE `address`")
                        .contains("fk country");
            } finally {
                target.execute("DROP DATABASE IF EXISTS " + q(s), "DROP DATABASE IF EXISTS " + q(ref));
            }
        }
        assertThat(numbers).containsExactly(3780, 1215, 1005);
    }

    /**
     * sql_generate_invisible_primary_key on the target (MySQL 8.0.30+) and a key-less source table whose AUTO_INCREMENT
     * column is only a secondary key: 4109.
     */
    @Test
    void error4109GeneratedInvisiblePrimaryKeyOnTheTarget(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target,
            @Server(value = ServerKind.MYSQL_80, aurora = io.github.auroramigrate.testkit.AuroraProfile.AURORA_MYSQL_3)
            TestServer aurora, @TempDir Path dir) throws Exception {
        String s = source.createSchema("err4109");
        source.execute("CREATE TABLE " + q(s) + ".`event log` (seq INT NOT NULL AUTO_INCREMENT, msg VARCHAR(50), KEY (seq))",
                "INSERT INTO " + q(s) + ".`event log` (msg) VALUES ('a'), ('b')");
        dump(source, s, dir);
        String before = global(target, "sql_generate_invisible_primary_key");
        try {
            target.execute("SET GLOBAL sql_generate_invisible_primary_key = ON");
            // an account that may change the session variable: the load turns it off and the table stays key-less
            Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
            assertThat(target.queryString("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + s
                    + "' AND COLUMN_NAME = 'my_row_id'")).hasValue("0");
            // the Aurora-like master user may not (no SESSION_VARIABLES_ADMIN): the server's 4109, diagnosed
            aurora.execute("SET GLOBAL sql_generate_invisible_primary_key = ON");
            LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(aurora))
                    .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.PRIMARY_KEY_POLICY);
            assertThat(e.diagnosis().vendorCode()).isEqualTo(4109);
            assertThat(e.diagnosis().remedy()).contains("sql_generate_invisible_primary_key");
            assertThat(e.diagnosis().sourceLocation().orElseThrow().excerpt()).contains("CREATE TABLE `event log`");
        } finally {
            target.execute("SET GLOBAL sql_generate_invisible_primary_key = " + before, "DROP DATABASE IF EXISTS " + q(s));
            aurora.execute("SET GLOBAL sql_generate_invisible_primary_key = " + before, "DROP DATABASE IF EXISTS " + q(s));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void dump(TestServer source, String schema, Path dir) {
        Dump.from(TestEndpoints.root(source)).schemas(schema).to(DumpStores.directory(dir)).build().run();
    }

    private static Endpoint as(TestServer server, String user) {
        return TestEndpoints.of(server).toBuilder().user(user).password(PASSWORD).build();
    }

    private static String global(TestServer server, String variable) {
        return server.queryString("SELECT @@GLOBAL." + variable).orElseThrow();
    }

    private static void assertLocation(LoadException e, String file, int line, String excerpt) {
        SourceLocation at = e.diagnosis().sourceLocation().orElseThrow();
        assertThat(at.file()).isEqualTo(file);
        assertThat(at.line()).isEqualTo(line);
        assertThat(at.excerpt()).contains(excerpt);
        assertThat(e.getMessage()).contains("at " + file + " line " + line);
    }

    /** The header mysqldump writes (the session settings a real file starts with). */
    private static List<String> mysqldumpHeader() {
        return List.of("-- MySQL dump 10.13  Distrib 8.0.31, for Linux (x86_64)", "--", "-- Host: 127.0.0.1    Database: shop",
                "-- ------------------------------------------------------", "-- Server version\t8.0.31", "",
                "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;", "/*!50503 SET NAMES utf8mb4 */;",
                "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;", "/*!40103 SET TIME_ZONE='+00:00' */;",
                "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;",
                "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;",
                "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;", "");
    }

    private static Path mariadbDump(TestServer source, String schema, Path out, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mariadb-dump", "-h127.0.0.1", "-P" + source.port(), "-u" + source.rootUser(),
                "--single-transaction"));
        if (!source.rootPassword().isEmpty()) {
            cmd.add("-p" + source.rootPassword());
        }
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("--databases", schema));
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return out;
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
