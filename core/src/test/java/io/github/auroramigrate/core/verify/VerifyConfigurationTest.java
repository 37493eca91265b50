package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build() rejects what cannot work, at once. */
class VerifyConfigurationTest {
    private static final Endpoint E = Endpoint.builder().host("127.0.0.1").user("u").password("p").build();

    @Test
    void badOptionsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> Verify.manifest(DumpStores.directory(dir)).against(E).users(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users(true)");
        assertThatThrownBy(() -> Verify.between(E, E).schemas("s").transform(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Verify.between(E, E).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemas");
        assertThatThrownBy(() -> Verify.between(E, E).schemas("s").chunkRows(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
