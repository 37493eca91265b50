package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.Consistency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.store.StoreOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ManifestIOTest {
    /** A manifest with every field set: one schema `a` with one COMPLETE table `t` of two chunks. */
    public static Manifest sample(DumpStatus status) {
        Instant t0 = Instant.parse("2026-11-24T23:00:00.123456Z");
        ColumnEntry id = new ColumnEntry("id", "int", "int unsigned", null, ValueEncoding.TEXT);
        ColumnEntry name = new ColumnEntry("näme", "varchar", "varchar(20)", "utf8mb4", ValueEncoding.TEXT);
        Checksum cs = new Checksum(2, 0xFFFF_FFFFL, 123456789012L);
        ChunkEntry c1 = new ChunkEntry(1, "data/a/t/t.000001.tsv.zst", null, List.of("10"), 1, 10, 20, "0badf00d",
                new Checksum(1, 7, 7), 5);
        ChunkEntry c2 = new ChunkEntry(2, "data/a/t/t.000002.tsv.zst", List.of("10"), null, 1, 10, 20, "deadbeef",
                new Checksum(1, 0xFFFF_FFF8L, 123456789005L), 5);
        TableEntry t = new TableEntry("t", "schema/a/table/t.sql", "InnoDB", TableStatus.COMPLETE, List.of(id, name),
                List.of("gen"), new Chunking("PRIMARY", ChunkingMethod.INTEGER_RANGE, List.of(new KeyColumn("id", KeyKind.NUMBER, null))),
                "id > 5", "(`id`,`näme`)", List.of(c1, c2), 2L, cs, new SizeEstimate(2, 16384));
        ObjectEntry trigger = new ObjectEntry("a", "trg", ObjectType.TRIGGER, "schema/a/trigger/trg.sql", "t",
                "STRICT_TRANS_TABLES", "utf8mb4", "utf8mb4_0900_ai_ci", "utf8mb4_0900_ai_ci", null);
        ObjectEntry view = new ObjectEntry("a", "v", ObjectType.VIEW, "schema/a/view/v.sql", null, null, "utf8mb4", "utf8mb4_general_ci", null, null);
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "id-1", status, t0, t0.plusSeconds(5), 10,
                status == DumpStatus.COMPLETE ? t0.plusSeconds(9) : null, null, "aurora-migrate test",
                new SourceServer("root@h:3306", "MYSQL", "8.0.31", "8.0.31-log", "MySQL Community Server", 1, "uuid", 0,
                        67108864L, "utf8mb4", "STRICT_TRANS_TABLES", "SYSTEM"),
                new DumpSettings("FLAT", "ZSTD", 4, 64L << 20, List.of("a"), List.of(), List.of(), List.of("a.x*"),
                        Map.of("a.t", "id > 5"), true, true, true, true, true, true, false, "AUTO"),
                SessionSettings.DEFAULT, ConsistencyEntry.of(Consistency.TABLE_LOCKS, "no RELOAD"),
                new Coordinates(true, "binlog.000003", 1234L, "uuid:1-5", "MYSQL", "ON"),
                List.of(new SchemaEntry("a", "schema/a/schema.sql", List.of(t), List.of(), List.of(trigger), List.of())),
                List.of(view), List.of(new UserEntry("'u'@'%'", List.of("users/u.0.sql"))),
                new Limits(5, 3, 0, 1029), new Totals(1, 1, 2, 2, 20, 40), List.of("a warning"));
    }

    @Test
    void roundTripsEveryField() {
        Manifest m = sample(DumpStatus.COMPLETE);
        byte[] json = ManifestIO.toJson(m);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"formatVersion\" : 1", "\"status\" : \"COMPLETE\"",
                "\"startedAt\" : \"2026-11-24T23:00:00.123456Z\"", "\"level\" : \"TABLE_LOCKS\"").doesNotContain("\"failure\"");
        assertThat(ManifestIO.fromJson(json)).isEqualTo(m);
    }

    @Test
    void ignoresUnknownFieldsButRejectsNewerVersionsAndOtherFiles() {
        String json = new String(ManifestIO.toJson(sample(DumpStatus.IN_PROGRESS)), StandardCharsets.UTF_8);
        String extra = json.replaceFirst("\\{", "{ \"someFutureField\" : [1,2],");
        assertThat(ManifestIO.fromJson(extra.getBytes(StandardCharsets.UTF_8)).dumpId()).isEqualTo("id-1");

        String newer = json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> ManifestIO.fromJson(newer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
        assertThatThrownBy(() -> ManifestIO.fromJson("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
        assertThatThrownBy(() -> ManifestIO.fromJson("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
    }

    @Test
    void tellsInterruptedFromRunningAndFinished() {
        Manifest running = sample(DumpStatus.IN_PROGRESS);
        assertThat(running.looksInterrupted(running.updatedAt().plusSeconds(29))).isFalse();
        assertThat(running.looksInterrupted(running.updatedAt().plusSeconds(31))).isTrue();
        Manifest done = sample(DumpStatus.COMPLETE);
        assertThat(done.looksInterrupted(done.updatedAt().plusSeconds(3600))).isFalse();
    }

    @Test
    void readsFromAStoreAndDiagnosesAMissingManifest(@TempDir Path dir) throws Exception {
        DumpStore store = DumpStores.directory(dir);
        // a missing manifest is a wrong path, not a corrupt file
        assertThatThrownBy(() -> ManifestIO.read(store))
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND));
        Manifest m = sample(DumpStatus.FAILED);
        try (StoreOutputStream out = store.create(Manifest.KEY)) {
            ManifestIO.write(m, out);
        }
        assertThat(ManifestIO.read(store)).isEqualTo(m);
        assertThat(m.table("a", "t")).isPresent();
        assertThat(m.table("a", "nope")).isEmpty();
    }
}
