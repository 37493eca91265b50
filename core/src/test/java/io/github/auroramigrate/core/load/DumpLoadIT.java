package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dump (the dump branch's engine) from MySQL 5.7, load into MySQL 8.0: zstd chunks verified while streamed, DDL,
 * views; content compared by row counts and checksums.
 */
@ExtendWith(TestServersExtension.class)
class DumpLoadIT {
    private static final List<String> TABLES = List.of("t_pk", "t_nopk");

    private static String sourceWithView(TestServer source, String name) throws Exception {
        String s = source.createSchema(name);
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("ANALYZE TABLE " + q(s) + ".t_pk, " + q(s) + ".t_nopk");
        source.execute("CREATE VIEW " + q(s) + ".v1 AS SELECT id, name FROM " + q(s) + ".t_pk WHERE id < 10");
        return s;
    }

    static Manifest dump(TestServer source, String schema, Path dir, DumpFormat format) {
        Dump.from(TestEndpoints.root(source)).schemas(schema).to(DumpStores.directory(dir)).format(format)
                .chunkSize(DataSize.ofKilobytes(32)).threads(2).build().run();
        return ManifestIO.read(DumpStores.directory(dir));
    }

    static int chunks(Manifest m) {
        return m.schemas().stream().flatMap(s -> s.tables().stream()).mapToInt(t -> t.chunks().size()).sum();
    }

    private static void assertSame(TestServer source, TestServer target, String schema) throws Exception {
        for (String t : TABLES) {
            assertThat(content(target, schema, t)).as(t).isEqualTo(content(source, schema, t));
        }
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(schema) + ".v1")).isEqualTo(9);
    }

    @Test
    void aFlatDumpLoadsDdlDataAndViewsAndAReloadHasNothingToDo(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = sourceWithView(source, "dl_flat");
        Manifest m = dump(source, s, dir, DumpFormat.FLAT);
        assertThat(chunks(m)).isGreaterThan(2);

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).threads(2)
                .build().run();

        assertThat(r.jobId()).isEqualTo("dump-" + m.dumpId());
        assertThat(r.chunksLoaded()).isEqualTo(chunks(m));
        assertThat(r.statementsExecuted()).isEqualTo(4); // database, two tables, view
        assertSame(source, target, s);

        LoadResult again = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.statementsSkipped()).isEqualTo(4);
        assertThat(again.chunksSkipped()).isEqualTo(chunks(m));
        assertSame(source, target, s);
    }

    @Test
    void sqlFormatChunksAndTheInsertFallbackLoadTheSameContent(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String sql = sourceWithView(source, "dl_sql");
        dump(source, sql, dir.resolve("sql"), DumpFormat.SQL);
        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir.resolve("sql"))))
                .build().run();
        assertThat(r.rowsLoaded()).isEqualTo(4500);
        assertSame(source, target, sql);

        String flat = sourceWithView(source, "dl_ins");
        dump(source, flat, dir.resolve("flat"), DumpFormat.FLAT);
        LoadResult i = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir.resolve("flat"))))
                .method(LoadMethod.INSERT).threads(2).build().run();
        assertThat(i.method()).isEqualTo(LoadMethod.INSERT);
        assertSame(source, target, flat);
    }

    @Test
    void aCorruptDumpChunkIsRejectedWithNothingCommittedAndTheRepairedDumpResumes(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = sourceWithView(source, "dl_corrupt");
        Manifest m = dump(source, s, dir, DumpFormat.FLAT);
        TableEntry pk = m.table(s, "t_pk").orElseThrow();
        ChunkEntry second = pk.chunks().get(1);
        Path file = dir.resolve(second.file());
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5A;
        Files.write(file, bad);

        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE);
        assertThat(e.chunkId()).contains(second.file());
        long lower = Long.parseLong(second.lower().get(0));
        long upper = Long.parseLong(second.upper().get(0));
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk WHERE id > " + lower + " AND id <= " + upper))
                .as("no row of the corrupt chunk").isZero();
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk WHERE id <= " + lower)).as("the first chunk")
                .isEqualTo(pk.chunks().get(0).rows());
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = 'dump-" + m.dumpId()
                + "' AND chunk_id = '" + second.file() + "'")).isZero();

        Files.write(file, good);
        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
        assertThat(r.chunksSkipped()).isEqualTo(1);
        assertThat(r.chunksLoaded()).isEqualTo(chunks(m) - 1);
        assertSame(source, target, s);
    }

    @Test
    void aDefinerViewStopsTheLoadOnAurora2AndAResumeWithStripDefinersFinishesIt(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer aurora2, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("dl_definer");
        LoadFixtures.createSourceTables(source, s, 1000);
        source.execute("CREATE DEFINER=`someuser`@`%` SQL SECURITY DEFINER VIEW " + q(s) + ".v1 AS SELECT id, name FROM "
                + q(s) + ".t_pk WHERE id < 10");
        Manifest m = dump(source, s, dir, DumpFormat.FLAT);

        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(aurora2))
                .from(LoadSources.dump(DumpStores.directory(dir))).build().run(), LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.SUPER_PRIVILEGE_REQUIRED);
        assertThat(e.diagnosis().sourceLocation().orElseThrow().file()).isEqualTo(m.views().get(0).ddlFile());
        assertThat(e.diagnosis().sourceLocation().orElseThrow().excerpt()).contains("someuser");
        for (String t : TABLES) {
            assertThat(content(aurora2, s, t)).as("data loaded before the view failed").isEqualTo(content(source, s, t));
        }

        LoadResult r = Load.into(TestEndpoints.of(aurora2)).from(LoadSources.dump(DumpStores.directory(dir)))
                .transform(Transforms.stripDefiners()).build().run();

        assertThat(r.chunksLoaded()).isZero();
        assertThat(r.chunksSkipped()).isEqualTo(chunks(m));
        assertThat(r.statementsSkipped()).isEqualTo(3);
        assertThat(r.statementsExecuted()).isEqualTo(1);
        assertThat(r.nothingToDo()).isFalse();
        assertThat(count(aurora2, "SELECT COUNT(*) FROM " + q(s) + ".v1")).isEqualTo(9);
        for (String t : TABLES) {
            assertThat(content(aurora2, s, t)).isEqualTo(content(source, s, t));
        }
    }
}
