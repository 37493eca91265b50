package io.github.auroramigrate.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DumpStores.of: local paths and file: URIs are directories; other schemes need their module, and core has none. */
class DumpStoresTest {
    @Test
    void aPathOrFileUriIsADirectoryStore(@TempDir Path dir) throws Exception {
        try (DumpStore a = DumpStores.of(dir.toUri()); DumpStore b = DumpStores.of(URI.create(dir.toString()))) {
            a.put("x.txt", "1".getBytes());
            assertThat(b.exists("x.txt")).isTrue();
            assertThat(b.describe()).contains(dir.toString());
        }
    }

    @Test
    void withOnlyCoreOnTheClassPathThereIsNoAwsClassAndAnS3UriNamesTheModuleToAdd() {
        for (String awsClass : new String[] {"software.amazon.awssdk.core.SdkBytes",
                "software.amazon.awssdk.services.s3.S3AsyncClient", "io.github.auroramigrate.aws.s3.S3DumpStore"}) {
            assertThatThrownBy(() -> Class.forName(awsClass)).as(awsClass).isInstanceOf(ClassNotFoundException.class);
        }
        assertThatThrownBy(() -> DumpStores.of(URI.create("s3://bucket/prefix?secret=hunter2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aurora-migrate-aws")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DumpStores.of(URI.create("gs://bucket/x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gs:'").hasMessageContaining("known: file");
    }
}
