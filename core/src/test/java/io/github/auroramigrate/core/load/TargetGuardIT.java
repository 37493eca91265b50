package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import static io.github.auroramigrate.core.load.CompoundBodiesIT.rows;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.TargetVersion;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MySQL 8.0 table that MySQL 5.7 would take and silently degrade (an INVISIBLE column and index, which 8.0 prints in
 * {@code /*!80023 ... * /} and {@code /*!80000 ... * /} comments 5.7 skips; a CHECK constraint and a DESC index part,
 * which 5.7 parses and ignores) is refused by Load, Copy and LoadSources.sqlFile before the statement is sent, naming the
 * object, the construct and the transform; with {@code Transforms.downgradeTo(MYSQL_57)} it loads changed exactly as
 * declared, and Verify given the same transform finds the target as expected. On main all three paths load it and the
 * column and index become visible without a word.
 */
@ExtendWith(TestServersExtension.class)
class TargetGuardIT {
    private static final String TABLE = "CREATE TABLE %s.`t ü` (id INT PRIMARY KEY, secret VARCHAR(10) INVISIBLE, qty INT,"
            + " CONSTRAINT ck_qty CHECK (qty >= 0), KEY ix_desc (qty DESC, id), KEY ix_inv (secret) INVISIBLE)"
            + " COLLATE utf8mb4_general_ci";

    @Test
    void everyPathRefusesWhat57WouldSilentlyDropAndTheDowngradeLoadsIt(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_57, role = "guard-57") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("guard");
        source.execute("ALTER DATABASE " + q(s) + " COLLATE utf8mb4_general_ci", String.format(TABLE, q(s)), "INSERT INTO " + q(s) + ".`t ü` (id, secret, qty) VALUES (1, 'x', 5), (2, NULL, 0)");
        DumpStore store = DumpStores.directory(dir.resolve("dump"));
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store).threads(1).build().run();

        refused(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1).build().run(), target, s);
        refused(() -> Copy.from(TestEndpoints.of(source)).to(TestEndpoints.of(target)).dump(d -> d.schemas(s)).build().run(),
                target, s);
        Path file = dir.resolve("t.sql");
        String ddl = rows(source, "SHOW CREATE TABLE " + q(s) + ".`t ü`").get(0).get(1);
        Files.writeString(file, "CREATE DATABASE IF NOT EXISTS " + q(s) + ";\nUSE " + q(s) + ";\n" + ddl + ";\n"
                + "INSERT INTO `t ü` (id, secret, qty) VALUES (1, 'x', 5);\n", StandardCharsets.UTF_8);
        refused(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run(), target, s);

        // with the transform the pre-check names, it loads, and what changed is exactly what it declares
        target.execute("DROP DATABASE IF EXISTS " + q(s), "DROP DATABASE IF EXISTS aurora_migrate");
        var downgrade = Transforms.downgradeTo(TargetVersion.MYSQL_57);
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1).transform(downgrade).build().run();
        assertThat(rows(target, "SELECT * FROM " + q(s) + ".`t ü` ORDER BY id"))
                .containsExactly(List.of("1", "x", "5"), java.util.Arrays.asList("2", null, "0")); // secret is visible
        assertThat(rows(target, "SHOW CREATE TABLE " + q(s) + ".`t ü`").get(0).get(1)).doesNotContain("INVISIBLE", "DESC");
        VerifyResult v = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(s).transform(downgrade)
                .build().run();
        assertThat(v.ok()).as(v.summary()).isTrue();
        // the same target without the declaration: the lost INVISIBLE flags, CHECK and DESC are differences
        VerifyResult undeclared = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(s).build().run();
        assertThat(undeclared.ok()).isFalse();
        assertThat(undeclared.objectDifferences().toString()).contains("secret", "ix_inv", "ix_desc", "check");
    }

    private static void refused(ThrowableAssert.ThrowingCallable load, TestServer target, String schema) throws Exception {
        assertThatThrownBy(load).isInstanceOf(MigrationException.class).satisfies(e -> {
            MigrationException m = (MigrationException) e;
            assertThat(m.diagnosis().code()).isEqualTo(DiagnosisCode.DEFINITION_NOT_KEPT);
            assertThat(m.getMessage()).contains("t ü.secret", "INVISIBLE", "silently", "Transforms.downgradeTo(TargetVersion.MYSQL_57)",
                    "ix_inv", "ck_qty", "ix_desc");
        });
        assertThat(rows(target, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", schema))
                .containsExactly(List.of("0"));                                              // nothing was created
        target.execute("DROP DATABASE IF EXISTS " + q(schema), "DROP DATABASE IF EXISTS aurora_migrate");
    }

    /**
     * Secondary indexes a load adds after the data (deferSecondaryIndexes) go through the load's transform and the
     * guard like the CREATE TABLE they were split from: refused without the downgrade, changed as declared with it.
     * On main they were added as dumped, without the transform, and 5.7 dropped DESC and INVISIBLE without a word.
     */
    @Test
    void deferredIndexesGoThroughTheTransformAndTheGuard(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_57, role = "guard-57") TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("deferred");
        source.execute("ALTER DATABASE " + q(s) + " COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + q(s) + ".big (id INT PRIMARY KEY, a INT, b INT, KEY ix_plain (b), KEY ix_desc (a DESC),"
                        + " KEY ix_inv (b, a) INVISIBLE) COLLATE utf8mb4_general_ci",
                "INSERT INTO " + q(s) + ".big VALUES (1, 1, 2), (2, 3, 4)");
        DumpStore store = DumpStores.directory(dir.resolve("dump"));
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store).threads(1).build().run();

        assertThatThrownBy(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1)
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run())
                .isInstanceOfSatisfying(LoadException.class, e -> {
                    assertThat(e.diagnosis().code()).isEqualTo(DiagnosisCode.DEFINITION_NOT_KEPT);
                    assertThat(e.getMessage()).contains("big.ix_desc");
                });
        target.execute("DROP DATABASE IF EXISTS " + q(s), "DROP DATABASE IF EXISTS aurora_migrate");

        var downgrade = Transforms.downgradeTo(TargetVersion.MYSQL_57);
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1).deferSecondaryIndexes(DeferIndexes.ALWAYS)
                .transform(downgrade).build().run();
        assertThat(rows(target, "SELECT INDEX_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? GROUP BY INDEX_NAME ORDER BY INDEX_NAME", s)).containsExactly(
                        List.of("ix_desc", "a"), List.of("ix_inv", "b,a"), List.of("ix_plain", "b"), List.of("PRIMARY", "id"));
        VerifyResult v = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(s).transform(downgrade)
                .build().run();
        assertThat(v.ok()).as(v.summary() + " " + v.objectDifferences()).isTrue();
        // a re-run finds the indexes journaled
        assertThat(Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1)
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).transform(downgrade).build().run().nothingToDo()).isTrue();
    }
}
