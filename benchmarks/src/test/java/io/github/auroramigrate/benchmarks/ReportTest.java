package io.github.auroramigrate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final Machine MACHINE = new Machine("2026-01-01 00:00 UTC", 2, 23.5, "cpu", "1.0", "tools");
    private static final Map<String, long[]> SIZES = Map.of("dump", new long[] {1000, 1_000_000}, "load", new long[] {1000, 1_000_000},
            "copy", new long[] {1000, 1_000_000}, "load-big", new long[] {800, 800_000}, "memory", new long[] {10, 100_000});

    private static Result run(String suite, String tool, int rep, double s, boolean ok) {
        return new Result(suite, tool, rep, s, 100, ok, ok ? "" : "target differs", Double.NaN);
    }

    @Test
    void medianOfRepetitionsAndRatioIsOtherTimeOverOurs() {
        Report r = new Report(List.of(
                run("load", BenchMain.OURS_LOAD, 1, 10, true), run("load", BenchMain.MYLOADER, 1, 30, true),
                run("load", BenchMain.OURS_LOAD, 2, 14, true), run("load", BenchMain.MYLOADER, 2, 34, true)),
                SIZES, MACHINE, "cmd", 1);

        assertThat(r.row("load", BenchMain.OURS_LOAD).orElseThrow().median()).isEqualTo(12.0);
        assertThat(r.ratios()).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(32.0 / 12.0));
        assertThat(r.targets()).filteredOn(t -> t[0].startsWith("load >= 1.3x myloader")).singleElement()
                .satisfies(t -> assertThat(t[2]).isEqualTo("yes"));
    }

    @Test
    void aFastWrongResultIsAFailureAndMeetsNoTarget() {
        Report r = new Report(List.of(run("load", BenchMain.OURS_LOAD, 1, 1, false), run("load", BenchMain.MYLOADER, 1, 30, true)),
                SIZES, MACHINE, "cmd", 1);

        assertThat(r.markdown()).contains("**FAILED** target differs");
        assertThat(r.targets()).filteredOn(t -> t[0].startsWith("load >= 1.3x myloader")).singleElement()
                .satisfies(t -> assertThat(t[2]).startsWith("no ("));
    }

    @Test
    void missingSuitesAreReportedAsNotRun(@TempDir Path dir) throws Exception {
        Report r = new Report(List.of(run("dump", BenchMain.OURS_TUNED, 1, 5, true), run("dump", BenchMain.MYDUMPER, 1, 4, true)),
                SIZES, MACHINE, "cmd", 1);

        assertThat(r.targets()).filteredOn(t -> t[0].startsWith("dump >= 1.0x")).singleElement()
                .satisfies(t -> assertThat(t[2]).isEqualTo("**no**"));
        assertThat(r.targets()).filteredOn(t -> t[0].startsWith("one-step copy <= 1.1x")).singleElement()
                .satisfies(t -> assertThat(t[2]).startsWith("not run"));
        r.chart(dir.resolve("c.png"));
        assertThat(Files.size(dir.resolve("c.png"))).isPositive();
    }

    @Test
    void checksumQueryHashesEveryColumnWithNullFlags() {
        assertThat(TableSums.query("bench", "t", List.of("a", "b"))).isEqualTo("SELECT COUNT(*), COALESCE(BIT_XOR(h), 0),"
                + " COALESCE(SUM(h), 0) FROM (SELECT CRC32(CONCAT_WS('#',CAST(`a` AS BINARY),CAST(`b` AS BINARY),"
                + "CONCAT(ISNULL(`a`),ISNULL(`b`)))) AS h FROM `bench`.`t`) x");
        assertThat(TableSums.diff(Map.of("t", new TableSums.Sum(1, 2, "3")), Map.of("t", new TableSums.Sum(1, 2, "4"), "u",
                new TableSums.Sum(0, 0, "0")))).hasSize(2);
    }
}
