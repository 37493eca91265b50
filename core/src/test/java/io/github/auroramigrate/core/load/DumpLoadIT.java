package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.format.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.manifest.ChunkEntry;
import io.github.auroramigrate.core.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
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

/** Loading dumps in the project's dump format (zstd chunks, verified while streamed) from MySQL 5.7 into MySQL 8.0. */
@ExtendWith(TestServersExtension.class)
class DumpLoadIT {
    private static final List<String> TABLES = List.of("t_pk", "t_nopk");

    private static String sourceWithView(TestServer source, String name) throws Exception {
        String s = source.createSchema(name);
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("CREATE VIEW " + q(s) + ".v1 AS SELECT id, name FROM " + q(s) + ".t_pk WHERE id < 10");
        return s;
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
        Manifest m = MiniDump.write(source, s, TABLES, "v1", DumpStores.directory(dir), DumpFormat.FLAT, 700);

        LoadResult r = Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir))).threads(2)
                .build().run();

        assertThat(r.jobId()).isEqualTo("dump-" + m.dumpId());
        assertThat(r.chunksLoaded()).isEqualTo(8);
        assertThat(r.statementsExecuted()).isEqualTo(4); // database, two tables, view
        assertSame(source, target, s);

        LoadResult again = Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir))).build().run();
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.statementsSkipped()).isEqualTo(4);
        assertThat(again.chunksSkipped()).isEqualTo(8);
        assertSame(source, target, s);
    }

    @Test
    void sqlFormatChunksAndTheInsertFallbackLoadTheSameContent(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String sql = sourceWithView(source, "dl_sql");
        MiniDump.write(source, sql, TABLES, "v1", DumpStores.directory(dir.resolve("sql")), DumpFormat.SQL, 1000);
        LoadResult r = Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir.resolve("sql"))))
                .build().run();
        assertThat(r.rowsLoaded()).isEqualTo(4500);
        assertSame(source, target, sql);

        String flat = sourceWithView(source, "dl_ins");
        MiniDump.write(source, flat, TABLES, "v1", DumpStores.directory(dir.resolve("flat")), DumpFormat.FLAT, 1000);
        LoadResult i = Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir.resolve("flat"))))
                .method(LoadMethod.INSERT).threads(2).build().run();
        assertThat(i.method()).isEqualTo(LoadMethod.INSERT);
        assertSame(source, target, flat);
    }

    @Test
    void aCorruptDumpChunkIsRejectedWithNothingCommittedAndTheRepairedDumpResumes(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = sourceWithView(source, "dl_corrupt");
        Manifest m = MiniDump.write(source, s, TABLES, "v1", DumpStores.directory(dir), DumpFormat.FLAT, 1000);
        ChunkEntry second = m.schemas().get(0).tables().get(0).chunks().get(1);
        Path file = dir.resolve(second.file());
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5A;
        Files.write(file, bad);

        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                .from(DumpLoadSource.of(DumpStores.directory(dir))).build().run(), LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE);
        assertThat(e.chunkId()).contains(second.file());
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk WHERE id > 1000 AND id <= 2000")).isZero();
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk WHERE id <= 1000")).isEqualTo(1000);
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = 'dump-" + m.dumpId()
                + "' AND chunk_id = '" + second.file() + "'")).isZero();

        Files.write(file, good);
        LoadResult r = Load.into(TestEndpoints.of(target)).from(DumpLoadSource.of(DumpStores.directory(dir))).build().run();
        assertThat(r.chunksSkipped()).isEqualTo(1);
        assertThat(r.chunksLoaded()).isEqualTo(4);
        assertSame(source, target, s);
    }
}
