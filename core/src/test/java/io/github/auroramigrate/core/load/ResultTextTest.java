package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.dump.DumpProgress;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Summaries and toString()s of results are for people: 2.4 s and 315 MiB, never PT2.4S or Optional[...]. */
class ResultTextTest {
    private static void forPeople(String text) {
        assertThat(text).doesNotContain("PT").doesNotContain("Optional").doesNotContain("@");
    }

    @Test
    void loadImportTableAndVerifyResults() {
        VerifyResult v = new VerifyResult(List.of(), List.of(), 0, Duration.ofMillis(763));
        LoadResult load = new LoadResult("job-1", LoadMethod.LOAD_DATA_LOCAL,
                List.of(new TableLoadResult("shop.orders", 1000, 3, 0, Duration.ofMillis(2440))), 3, 0, 1000, 12, 0,
                Duration.ofMillis(2440), List.of(), v);
        assertThat(load.toString()).contains("2.4 s").contains("763 ms");
        forPeople(load.toString());
        assertThat(load.tables().get(0).toString()).isEqualTo("shop.orders: 1,000 rows in 3 chunks (0 skipped), 2.4 s");
        LoadResult imp = new LoadResult("sql-dump.sql-x", LoadMethod.INSERT, List.of(), 0, 0, 12_345, 412, 0,
                Duration.ofSeconds(192), List.of());
        assertThat(imp.toString()).isEqualTo("load sql-dump.sql-x: 12,345 rows by 412 statements (0 skipped as already run)"
                + " in 3 min 12 s, 0 warnings");
        forPeople(v.summary());
    }

    @Test
    void dumpProgress() {
        DumpProgress p = new DumpProgress(10, 3, 7, 1234, 330_301_440, 12L << 20, 0, Duration.ofMillis(2440),
                128.0 * (1 << 20), 500, null);
        assertThat(p.toString()).isEqualTo("3/10 tables, 1,234 rows, 315 MiB (12 MiB stored) in 2.4 s, 128 MiB/s, eta unknown");
        forPeople(p.toString());
    }
}
