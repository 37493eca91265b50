package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Load.verify(true)} and {@code Copy.verify(true)} compare the target with the definitions the dump
 * recorded: a load with stripDefiners + forceInnoDb of a MyISAM source verifies clean (the engine and option changes
 * are expected because the transform declares them, and reported when it is not named); a schema compared under
 * a rename verifies clean when the rename is named; a load or copy whose transform silently dropped a routine fails verification naming it.
 */
@ExtendWith(TestServersExtension.class)
class VerifyLoadIT {
    private static void fill(TestServer source, String s) {
        String q = "`" + s + "`.";
        // the loader creates events at time_zone '+00:00' whatever the dump recorded (SYSTEM by default): create the
        // event in that zone so that its definition round-trips (reported to the load's owner)
        source.execute("SET time_zone = '+00:00'",
                "CREATE TABLE " + q + "legacy (id INT PRIMARY KEY, code CHAR(8) NOT NULL DEFAULT 'none', n INT,"
                        + " KEY ix_code (code)) ENGINE=MyISAM ROW_FORMAT=FIXED PACK_KEYS=1 DEFAULT CHARSET=utf8mb4"
                        + " COLLATE=utf8mb4_0900_ai_ci",
                "INSERT INTO " + q + "legacy VALUES (1, 'a', 10), (2, 'b', NULL), (3, 'c', 30)",
                "CREATE TABLE " + q + "orders (id BIGINT PRIMARY KEY, legacy_id INT, placed DATETIME(6), total DECIMAL(10,2),"
                        + " KEY ix_legacy (legacy_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci",
                "INSERT INTO " + q + "orders VALUES (1, 1, '2024-01-01 10:00:00.5', 9.99), (2, 3, NULL, 0)",
                "CREATE DEFINER = 'root'@'localhost' SQL SECURITY DEFINER VIEW " + q + "big AS SELECT o.id, l.code FROM "
                        + q + "orders o JOIN " + q + "legacy l ON l.id = o.legacy_id WHERE o.total > 1",
                "CREATE DEFINER = 'root'@'localhost' FUNCTION " + q + "twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                "CREATE DEFINER = 'root'@'localhost' PROCEDURE " + q + "touch(IN x INT) UPDATE " + q
                        + "orders SET total = total WHERE id = x",
                "CREATE DEFINER = 'root'@'localhost' TRIGGER " + q + "keep BEFORE UPDATE ON " + q
                        + "orders FOR EACH ROW SET NEW.placed = OLD.placed",
                "CREATE DEFINER = 'root'@'localhost' EVENT " + q + "tick ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'"
                        + " DISABLE DO DELETE FROM " + q + "orders WHERE id < 0");
    }

    private static DumpStore dump(TestServer source, String s, Path dir) {
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store).chunkSize(DataSize.ofKilobytes(16)).build().run();
        return store;
    }

    /** A user's transform that drops one kind of statement and declares nothing. */
    private static Transform dropping(StatementKind kind) {
        return (st, ctx) -> st.kind() == kind ? List.of() : List.of(st);
    }

    @Test
    void aMyIsamSourceLoadedWithStripDefinersAndForceInnoDbVerifiesClean(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target, @TempDir Path dir) {
        String s = source.createSchema("myisam");
        fill(source, s);
        DumpStore store = dump(source, s, dir);
        assertThat(DefinitionSnapshot.read(store)).as("the dump records definitions").isPresent();
        Transform t = Transforms.stripDefiners().andThen(Transforms.forceInnoDb());
        LoadResult load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).transform(t).verify(true)
                .build().run();
        VerifyResult v = load.verification().orElseThrow();
        assertThat(v.ok()).as(v.summary() + v.objectDifferences() + v.differences()).isTrue();
        assertThat(v.objectsCompared()).isEqualTo(8); // schema, 2 tables, view, function, procedure, trigger, event
        assertThat(target.queryString("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + s
                + "' AND TABLE_NAME = 'legacy'")).contains("InnoDB");

        List<ObjectDifference> undeclared = Verify.manifest(store).against(TestEndpoints.of(target)).build().run()
                .objectDifferences();
        assertThat(undeclared).as("without the transform the conversion is a difference")
                .extracting(ObjectDifference::name, ObjectDifference::aspect, ObjectDifference::expected, ObjectDifference::actual)
                .contains(org.assertj.core.groups.Tuple.tuple("legacy", "engine", "MyISAM", "InnoDB"));

        target.execute("ALTER TABLE `" + s + "`.orders MODIFY placed DATETIME(3)");
        assertThat(Verify.manifest(store).against(TestEndpoints.of(target)).transform(t).build().run().objectDifferences())
                .as("a real change is still reported").extracting(ObjectDifference::part, ObjectDifference::aspect)
                .contains(org.assertj.core.groups.Tuple.tuple("column `placed`", "type"));
    }

    @Test
    void aRenamedSchemaVerifiesCleanWhenTheRenameIsNamed(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        String s = source.createSchema("orig");
        fill(source, s);
        String renamed = s + "_copy";
        target.execute("CREATE DATABASE `" + renamed + "`");
        fill(target, renamed); // the same objects, referring to their own schema
        Transform t = Transforms.renameSchema(s, renamed);
        VerifyResult between = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).transform(t)
                .build().run();
        assertThat(between.ok()).as(between.summary() + between.objectDifferences() + between.differences()).isTrue();
        assertThat(between.objectsCompared()).isEqualTo(8);
        assertThat(between.tables()).extracting(TableVerification::schema).containsOnly(renamed);

        target.execute("DELETE FROM `" + renamed + "`.orders WHERE id = 2",
                "CREATE OR REPLACE VIEW `" + renamed + "`.big AS SELECT o.id, l.code FROM `" + renamed + "`.orders o JOIN `"
                        + renamed + "`.legacy l ON l.id = o.legacy_id WHERE o.total > 2");
        VerifyResult changed = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).transform(t)
                .build().run();
        assertThat(changed.differences()).extracting(Difference::schema, Difference::table).containsExactly(
                org.assertj.core.groups.Tuple.tuple(renamed, "orders"));
        assertThat(changed.objectDifferences()).as("a changed view under the new name")
                .extracting(ObjectDifference::name, ObjectDifference::aspect).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("big", "definition"));
        assertThat(Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run()
                .objectDifferences()).as("without the rename: all missing").allMatch(d -> d.type() == ObjectDifference.Type.MISSING)
                .hasSize(8);
    }

    @Test
    void aLoadWhoseTargetMissesARoutineFailsVerificationNamingIt(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target, @TempDir Path dir) {
        String s = source.createSchema("lost");
        fill(source, s);
        LoadResult load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(dump(source, s, dir)))
                .transform(Transforms.forceInnoDb().andThen(dropping(StatementKind.CREATE_PROCEDURE))).verify(true).build()
                .run();
        VerifyResult v = load.verification().orElseThrow();
        assertThat(v.ok()).isFalse();
        assertThat(v.differences()).isEmpty();
        assertThat(v.objectDifferences()).extracting(ObjectDifference::kind, ObjectDifference::schema, ObjectDifference::name,
                ObjectDifference::type).containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectKind.PROCEDURE, s, "touch",
                        ObjectDifference.Type.MISSING));
    }

    @Test
    void aDumpsAccountsAndGrantsAreComparedWithTheTargets(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target, @TempDir Path dir) {
        String s = source.createSchema("accts");
        String account = "'acct_" + s.substring(s.length() - 3) + "'@'10.0.%'";
        source.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, n INT)",
                "CREATE USER " + account + " IDENTIFIED BY 'secret-1'", "GRANT SELECT ON `" + s + "`.* TO " + account,
                "GRANT UPDATE (n) ON `" + s + "`.t TO " + account);
        try {
            DumpStore store = DumpStores.directory(dir);
            Dump.from(TestEndpoints.of(source)).schemas(s).users(true).to(store).build().run();
            Verify verify = Verify.manifest(store).against(TestEndpoints.of(target)).objects(true).build();
            target.execute("CREATE DATABASE `" + s + "`", "CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, n INT)");
            assertThat(verify.run().objectDifferences()).filteredOn(d -> d.name().equals(account))
                    .extracting(ObjectDifference::kind, ObjectDifference::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectKind.ACCOUNT, ObjectDifference.Type.MISSING));

            target.execute("CREATE USER " + account + " IDENTIFIED BY 'another'", "GRANT SELECT ON `" + s + "`.* TO " + account);
            List<ObjectDifference> grants = verify.run().objectDifferences().stream().filter(d -> d.name().equals(account))
                    .toList();
            assertThat(grants).extracting(ObjectDifference::aspect).containsExactly("grants");
            assertThat(grants.get(0).expected()).contains("UPDATE").doesNotContain("secret");

            target.execute("GRANT UPDATE (n) ON `" + s + "`.t TO " + account);
            VerifyResult same = verify.run();
            assertThat(same.objectDifferences()).filteredOn(d -> d.name().equals(account)).isEmpty();

            // a Load does not create accounts, so its own verification does not judge it by them
            target.execute("DROP USER " + account, "DROP DATABASE `" + s + "`");
            LoadResult loaded = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).verify(true).build().run();
            assertThat(loaded.verification()).hasValueSatisfying(v -> assertThat(v.ok()).as(v.summary()).isTrue());
        } finally {
            source.execute("DROP USER IF EXISTS " + account);
            target.execute("DROP USER IF EXISTS " + account);
        }
    }

    @Test
    void aCopyWhoseTargetMissesARoutineFailsVerificationNamingIt(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        String s = source.createSchema("copylost");
        fill(source, s);
        VerifyResult v = Copy.from(TestEndpoints.of(source)).to(TestEndpoints.of(target)).dump(d -> d.schemas(s))
                .load(l -> l.transform(Transforms.forceInnoDb().andThen(dropping(StatementKind.CREATE_FUNCTION))).verify(true))
                .build().run().load().verification().orElseThrow();
        assertThat(v.objectDifferences()).extracting(ObjectDifference::kind, ObjectDifference::name, ObjectDifference::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectKind.FUNCTION, "twice", ObjectDifference.Type.MISSING));
        assertThat(v.differences()).isEmpty();
    }
}
