package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
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
 * A range whose checksums differ is re-checked row by row before it is reported, and the rows that differ are
 * classified: a changed value names the key and the column, a missing and an extra row their keys, a missing copy
 * of a duplicate row in a table without a key the row itself (multiset comparison). Both modes: source vs target,
 * and a dump (its chunk files) vs the target it was loaded into.
 */
@ExtendWith(TestServersExtension.class)
class VerifyRowsIT {
    private static final String DIGITS = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL "
            + "SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    private static void fill(TestServer server, String s) {
        server.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, amount DECIMAL(10,2),"
                        + " doc JSON, f FLOAT)",
                "CREATE TABLE `" + s + "`.nopk (g INT, label VARCHAR(10))",
                "INSERT INTO `" + s + "`.t SELECT n, CONCAT('näme ', n), n / 7, JSON_OBJECT('n', n, 'half', n / 2), n / 3"
                        + " FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d + 1 n FROM " + DIGITS + " a, " + DIGITS + " b, "
                        + DIGITS + " c, " + DIGITS + " e) x WHERE n <= 2000",
                "INSERT INTO `" + s + "`.nopk SELECT id % 5, 'dup' FROM `" + s + "`.t WHERE id <= 50");
    }

    private static Difference single(VerifyResult r, String table) {
        assertThat(r.ok()).as(r.summary()).isFalse();
        assertThat(r.objectDifferences()).isEmpty();
        assertThat(r.differences()).hasSize(1);
        Difference d = r.differences().get(0);
        assertThat(d.table()).isEqualTo(table);
        assertThat(d.rechecked()).isTrue();
        return d;
    }

    @Test
    void betweenServersTheDifferingRowsAreClassified(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        String s = source.createSchema("rows");
        target.execute("CREATE DATABASE `" + s + "`");
        fill(source, s);
        fill(target, s);
        Verify verify = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).chunkRows(500).build();
        assertThat(verify.run().ok()).isTrue();

        target.execute("UPDATE `" + s + "`.t SET name = 'changed' WHERE id = 1234");
        List<RowDifference> changed = single(verify.run(), "t").rows();
        assertThat(changed).containsExactly(new RowDifference(RowDifference.Type.VALUE, List.of("1234"), "name", "näme 1234",
                "changed", 1));
        target.execute("UPDATE `" + s + "`.t SET name = 'näme 1234' WHERE id = 1234");

        target.execute("UPDATE `" + s + "`.t SET doc = JSON_SET(doc, '$.n', 0) WHERE id = 7");
        assertThat(single(verify.run(), "t").rows()).extracting(RowDifference::type, RowDifference::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RowDifference.Type.VALUE, "doc"));
        target.execute("UPDATE `" + s + "`.t SET doc = JSON_SET(doc, '$.n', 7) WHERE id = 7");

        target.execute("INSERT INTO `" + s + "`.t (id, name) VALUES (5000, 'extra')");
        assertThat(single(verify.run(), "t").rows()).extracting(RowDifference::type, RowDifference::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RowDifference.Type.EXTRA, List.of("5000")));
        target.execute("DELETE FROM `" + s + "`.t WHERE id = 5000");

        target.execute("DELETE FROM `" + s + "`.t WHERE id = 10");
        RowDifference missing = single(verify.run(), "t").rows().get(0);
        assertThat(missing.type()).isEqualTo(RowDifference.Type.MISSING);
        assertThat(missing.key()).containsExactly("10");
        assertThat(missing.expected()).contains("name=näme 10");
        source.execute("DELETE FROM `" + s + "`.t WHERE id = 10");

        target.execute("DELETE FROM `" + s + "`.nopk WHERE g = 1 LIMIT 1");
        Difference dup = single(verify.run(), "nopk");
        assertThat(dup.chunk()).as("no key: the whole table").isZero();
        assertThat(dup.rows()).containsExactly(new RowDifference(RowDifference.Type.MISSING, null, null, "(g=1, label=dup)",
                null, 1));
        target.execute("INSERT INTO `" + s + "`.nopk VALUES (1, 'dup')");
        assertThat(verify.run().ok()).isTrue();
    }

    @Test
    void againstADumpTheChunkFileIsReadBack(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target, @TempDir Path dir)
            throws java.io.IOException {
        String s = source.createSchema("dumped");
        fill(source, s);
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store).threads(2).chunkSize(DataSize.ofKilobytes(16)).build().run();
        LoadResult load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).verify(true).build().run();
        VerifyResult clean = load.verification().orElseThrow();
        assertThat(clean.ok()).as(clean.summary() + clean.objectDifferences()).isTrue();
        assertThat(clean.objectsCompared()).isEqualTo(3); // schema and two tables

        Verify verify = Verify.manifest(store).against(TestEndpoints.of(target)).build();
        target.execute("UPDATE `" + s + "`.t SET amount = 0.5 WHERE id = 777");
        RowDifference changed = single(verify.run(), "t").rows().get(0);
        assertThat(changed).isEqualTo(new RowDifference(RowDifference.Type.VALUE, List.of("777"), "amount", "111.00", "0.50", 1));
        target.execute("DELETE FROM `" + s + "`.t WHERE id = 778");
        assertThat(verify.run().differences().get(0).rows()).extracting(RowDifference::type, RowDifference::key)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(RowDifference.Type.VALUE, List.of("777")),
                        org.assertj.core.groups.Tuple.tuple(RowDifference.Type.MISSING, List.of("778")));
        target.execute("DELETE FROM `" + s + "`.nopk WHERE g = 2 LIMIT 1");
        Difference dup = verify.run().differences().stream().filter(d -> d.table().equals("nopk")).findFirst().orElseThrow();
        assertThat(dup.rows()).containsExactly(new RowDifference(RowDifference.Type.MISSING, null, null, "(g=2, label=dup)",
                null, 1));

        target.execute("DROP TABLE `" + s + "`.nopk");
        assertThat(verify.run().objectDifferences()).extracting(ObjectDifference::name, ObjectDifference::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nopk", ObjectDifference.Type.MISSING));
        store.delete(DefinitionSnapshot.KEY); // a dump written before definitions were recorded
        VerifyResult old = verify.run();
        assertThat(old.objectsCompared()).isZero();
        assertThat(old.objectDifferences()).isEmpty();
        assertThat(old.differences()).extracting(Difference::kind).contains(Difference.Kind.TABLE_MISSING);
    }
}
