package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.TableStatus;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChunkWriterReaderTest {
    @TempDir
    Path dir;

    private static final List<ColumnEntry> COLUMNS = List.of(
            new ColumnEntry("id", "int", "int", null, ValueEncoding.TEXT),
            new ColumnEntry("s", "varchar", "varchar(100)", "utf8mb4", ValueEncoding.TEXT),
            new ColumnEntry("b", "blob", "blob", null, ValueEncoding.TEXT),
            new ColumnEntry("bits", "bit", "bit(16)", null, ValueEncoding.HEX),
            new ColumnEntry("j", "json", "json", null, ValueEncoding.JSON));

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[][]> rows() {
        List<byte[][]> rows = new ArrayList<>();
        rows.add(new byte[][] {b("1"), b(""), new byte[0], new byte[] {0, 5}, b("{\"a\": 1}")});
        rows.add(new byte[][] {b("2"), null, null, null, null});
        rows.add(new byte[][] {b("3"), b("\\N"), b("tab\there\nnl\r\\ \u001a"), new byte[] {(byte) 0xFF, 0}, b("[]")});
        rows.add(new byte[][] {b("4"), b("😀 emoji ünïcödé"), new byte[] {0, 1, 2, (byte) 0x5C, (byte) 0xFF, 0x0A, 0x09}, new byte[] {0, 0}, b("\"\\\\\"")});
        byte[] random = new byte[300_000];
        new Random(42).nextBytes(random);
        rows.add(new byte[][] {b("5"), b("N"), random, new byte[] {1, 1}, null});
        return rows;
    }

    private static TableEntry table() {
        return new TableEntry("t", "schema/a/table/t.sql", "InnoDB", TableStatus.COMPLETE, COLUMNS, List.of(), null, null,
                LoadDataClause.columns(COLUMNS), List.of(), null, null, null);
    }

    private ChunkEntry write(DumpStore store, DumpFormat format, Compression compression) throws IOException {
        String key = "data/a/t/t.000001" + format.extension() + compression.extension();
        try (ChunkWriter w = ChunkWriter.create(store, key, format, compression, "t", COLUMNS)) {
            for (byte[][] r : rows()) {
                w.writeRow(r);
            }
            return w.finish(1, List.of("0"), null);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void flatChunkRoundTripsAndVerifies(Compression compression) throws IOException {
        DumpStore store = DumpStores.directory(dir);
        ChunkEntry entry = write(store, DumpFormat.FLAT, compression);
        assertThat(entry.rows()).isEqualTo(5);
        assertThat(entry.fileBytes()).isEqualTo(store.size(entry.file()));
        assertThat(entry.maxRowBytes()).isGreaterThan(300_000);

        byte[] data;
        try (ChunkReader r = ChunkReader.open(store, table(), entry)) {
            data = r.stream().readAllBytes();
            r.verify();
        }
        assertThat(entry.dataBytes()).isEqualTo(data.length);
        List<byte[][]> parsed = FlatTestParser.parse(data, COLUMNS);
        List<byte[][]> expected = rows();
        assertThat(parsed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(parsed.get(i)).as("row %d", i).isDeepEqualTo(expected.get(i));
        }
        // the checksum equals one computed independently from the canonical bytes
        Checksum independent = Checksum.EMPTY;
        for (byte[][] row : expected) {
            independent = independent.plusRow(canonicalCrc(row));
        }
        assertThat(entry.checksum()).isEqualTo(independent);
    }

    @Test
    void flatLinesAreEscapedAsLoadDataExpects() throws IOException {
        DumpStore store = DumpStores.directory(dir);
        ChunkEntry entry = write(store, DumpFormat.FLAT, Compression.NONE);
        String text = new String(Files.readAllBytes(dir.resolve(entry.file())), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo("1\t\t\t0005\t{\"a\": 1}");
        assertThat(lines[1]).isEqualTo("2\t\\N\t\\N\t\\N\t\\N");
        assertThat(lines[2]).isEqualTo("3\t\\\\N\ttab\\there\\nnl\\r\\\\ \\Z\tFF00\t[]");
        assertThat(lines[lines.length - 1]).isEmpty();
    }

    @Test
    void sqlChunkHoldsOneInsertPerLine() throws IOException {
        DumpStore store = DumpStores.directory(dir);
        ChunkEntry entry = write(store, DumpFormat.SQL, Compression.GZIP);
        String text;
        try (ChunkReader r = ChunkReader.open(store, table(), entry)) {
            text = new String(r.stream().readAllBytes(), StandardCharsets.UTF_8);
            r.verify();
        }
        String[] lines = text.split("\n");
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("INSERT INTO `t` (`id`,`s`,`b`,`bits`,`j`) VALUES (").endsWith(");"));
        assertThat(text).contains("(1,'',X'',X'0005','{\"a\": 1}')", "(2,NULL,NULL,NULL,NULL)",
                "(3,'\\\\N',X'", "'😀 emoji ünïcödé'");
    }

    @Test
    void corruptByteIsDetected() throws IOException {
        DumpStore store = DumpStores.directory(dir);
        ChunkEntry entry = write(store, DumpFormat.FLAT, Compression.NONE);
        Path file = dir.resolve(entry.file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[2] ^= 0x01; // same size, different content
        Files.write(file, bytes);
        try (ChunkReader r = ChunkReader.open(store, table(), entry)) {
            assertThatThrownBy(() -> r.stream().readAllBytes()).isInstanceOf(CorruptChunkException.class);
            assertThatThrownBy(r::verify).isInstanceOf(MigrationException.class)
                    .satisfies(e -> assertThat(((MigrationException) e).code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void truncatedChunkIsDetected(Compression compression) throws IOException {
        DumpStore store = DumpStores.directory(dir);
        ChunkEntry entry = write(store, DumpFormat.FLAT, compression);
        Path file = dir.resolve(entry.file());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (ChunkReader r = ChunkReader.open(store, table(), entry)) {
            assertThatThrownBy(r::verify).isInstanceOf(MigrationException.class)
                    .satisfies(e -> assertThat(((MigrationException) e).code()).isEqualTo(DiagnosisCode.CORRUPT_FILE));
        }
    }

    @Test
    void abortedChunkLeavesNoFile() throws IOException {
        DumpStore store = DumpStores.directory(dir);
        try (ChunkWriter w = ChunkWriter.create(store, "data/x.tsv.zst", DumpFormat.FLAT, Compression.ZSTD, "t", COLUMNS)) {
            w.writeRow(rows().get(0));
            w.abort();
        }
        assertThat(store.list("")).isEmpty();
        try (OutputStream o = Files.newOutputStream(dir.resolve("unrelated"))) {
            o.write(1);
        }
        assertThat(store.list("")).containsExactly("unrelated");
    }

    @Test
    void loadDataStatementUsesVariablesForHexAndJson() {
        assertThat(LoadDataClause.statement("target", table(), "f.tsv")).isEqualTo(
                "LOAD DATA LOCAL INFILE 'f.tsv' INTO TABLE `target`.`t` CHARACTER SET binary FIELDS TERMINATED BY '\\t' "
                        + "ENCLOSED BY '' ESCAPED BY '\\\\' LINES STARTING BY '' TERMINATED BY '\\n' "
                        + "(`id`,`s`,`b`,@c3,@c4) SET `bits`=UNHEX(@c3),`j`=CONVERT(@c4 USING utf8mb4)");
    }

    /** CONCAT_WS('#', non-null values..., flags) computed the obvious way. */
    static long canonicalCrc(byte[][] row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder flags = new StringBuilder();
        boolean first = true;
        for (byte[] v : row) {
            flags.append(v == null ? '1' : '0');
            if (v != null) {
                if (!first) {
                    bytes.write('#');
                }
                bytes.writeBytes(v);
                first = false;
            }
        }
        if (!first) {
            bytes.write('#');
        }
        bytes.writeBytes(flags.toString().getBytes(StandardCharsets.US_ASCII));
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        return crc.getValue();
    }

    /** Reads nothing; keeps the import of InputStream honest for readers of this test. */
    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
