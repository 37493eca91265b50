package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.endpoint.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadConfigurationTest {
    private static final Endpoint TARGET = Endpoint.builder().host("db.invalid").user("master").password("pw").build();
    private static final LoadSource EMPTY = LoadSource.builder().jobId("job").build();

    @Test
    void buildValidates() {
        assertThatThrownBy(() -> Load.into(TARGET).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Load.into(TARGET).from(EMPTY).threads(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Load.into(TARGET).from(EMPTY).maxRetries(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Load.into(TARGET).from(EMPTY).retryBackoff(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Load.into(TARGET).from(EMPTY).jobId("x".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Load.into(TARGET).from(EMPTY).build().jobId()).isEqualTo("job");
        assertThat(Load.into(TARGET).from(EMPTY).jobId("other").build().jobId()).isEqualTo("other");
        assertThatThrownBy(() -> LoadSources.sqlFile(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sourceBuilderRejectsDuplicateChunkIds(@TempDir Path dir) {
        FileChunk c = FileChunk.builder().id("a").schema("s").table("t").file(dir.resolve("f")).build();
        assertThatThrownBy(() -> LoadSource.builder().jobId("j").chunk(c).chunk(c).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadSource.builder().build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fileChunkVerifiesSizeAndCrcAtTheEnd(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("c.tsv"), "1\ta\n2\tb\n");
        String crc = FileChunk.crc32Of(f);
        FileChunk ok = FileChunk.builder().id("c").schema("s").table("t").file(f).crc32(crc).expectedBytes(8).build();
        try (InputStream in = ok.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("1\ta\n2\tb\n");
        }
        assertThat(ok.checksum()).isEqualTo("crc32:" + crc);
        FileChunk badCrc = FileChunk.builder().id("c").schema("s").table("t").file(f).crc32("00000000").build();
        try (InputStream in = badCrc.open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("CRC-32");
        }
        FileChunk badSize = FileChunk.builder().id("c").schema("s").table("t").file(f).expectedBytes(9).build();
        try (InputStream in = badSize.open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        }
        assertThatThrownBy(() -> FileChunk.builder().id("c").schema("s").table("t").file(f).crc32("XYZ").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadSqlModeDropsStrictAndZeroDateModesAndKeepsZeroIds() {
        assertThat(SessionSettings.loadSqlMode("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"))
                .isEqualTo("ONLY_FULL_GROUP_BY,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO,"
                        + "ALLOW_INVALID_DATES");
        assertThat(SessionSettings.loadSqlMode("")).isEqualTo("NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES");
    }

    @Test
    void statementJournalKeysStayWithinTheColumn() {
        assertThat(ScriptRunner.key("schema/a/table/t.sql", 1, 0)).isEqualTo("ddl:schema/a/table/t.sql:#1"); // by place in the script
        assertThat(ScriptRunner.key("x", 7, 2)).isEqualTo("ddl:x:#7.2");
        assertThat(ScriptRunner.key("y".repeat(300), 1, 0)).hasSizeLessThanOrEqualTo(190).startsWith("ddl:");
    }

    @Test
    void resultSaysNothingToDo() {
        LoadResult r = new LoadResult("j", LoadMethod.INSERT, java.util.List.of(), 0, 3, 0, 0, 2, Duration.ZERO,
                java.util.List.of());
        assertThat(r.nothingToDo()).isTrue();
        assertThat(r.summary()).contains("nothing to do");
    }
}
