package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.verify.Verify;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** build() validation of Copy, Verify, the imports and Load.verify; SQL literal escaping. */
class ImportConfigurationTest {
    private static final Endpoint E = Endpoint.builder().host("localhost").user("u").build();

    @Test
    void missingPartsAreNullPointerExceptions() {
        assertThatThrownBy(() -> Copy.from(E).dump(d -> d.schemas("s")).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Verify.manifest(DumpStores.directory(Path.of("x"))).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LoadSources.mydumper(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LoadSources.flatFiles(Path.of("x"), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void badValuesAreIllegalArgumentExceptions() {
        assertThatThrownBy(() -> Copy.from(E).to(E).threads(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Copy.from(E).to(E).dump(d -> d.schemas("s").chunkSize(DataSize.ofMegabytes(8)))
                .memoryLimit(DataSize.ofMegabytes(4)).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verify.between(E, E).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verify.between(E, E).schemas("s").chunkRows(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadSources.flatFiles(Path.of("x"), "s").nullMarker("NULL").build())
                .as("a custom NULL marker needs the header's column names").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadSources.flatFiles(Path.of("x"), "s").charset("utf8; DROP").build())
                .isInstanceOf(IllegalArgumentException.class);
        LoadSource plain = LoadSource.builder().jobId("j").build();
        assertThatThrownBy(() -> Load.into(E).from(plain).verify(true).build())
                .as("only a dump has checksums").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(FlatFiles.literal("a'b\\c\td\ne\r\0")).isEqualTo("'a\\'b\\\\c\\td\\ne\\r\\0'");
        assertThat(FlatFiles.literal(",")).isEqualTo("','");
    }
}
