package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.ManifestIOTest;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batches a load gets while following a dump: every table is reported complete exactly once. */
class FollowerTest {
    private static void write(DumpStore store, Manifest m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ManifestIO.write(m, out);
        store.put(Manifest.KEY, out.toByteArray());
    }

    @Test
    void aTableReportedCompleteWhileTheDumpRunsIsNotReportedAgainWhenItEnds(@TempDir Path dir) throws Exception {
        DumpStore store = DumpStores.directory(dir);
        write(store, ManifestIOTest.sample(DumpStatus.IN_PROGRESS));
        LoadFeed feed = LoadSources.following(store, Duration.ofSeconds(30)).feed(DeferIndexes.ALWAYS);

        LoadFeed.Batch first = feed.next(() -> false);
        assertThat(first.last()).isFalse();
        assertThat(first.tables()).containsOnlyKeys("a.t");
        assertThat(first.deferred()).extracting(LoadFeed.DeferredTable::table).containsExactly("t");
        assertThat(first.complete()).containsExactly("a.t");
        assertThat(first.chunks()).hasSize(2);

        write(store, ManifestIOTest.sample(DumpStatus.COMPLETE));
        LoadFeed.Batch last = feed.next(() -> false);
        assertThat(last.last()).isTrue();
        assertThat(last.tables()).isEmpty();
        assertThat(last.chunks()).isEmpty();
        assertThat(last.complete()).as("a second 'complete' would build the table's indexes twice").isEmpty();
    }
}
