package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.internal.SourceLogs.BinaryLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgedLogsTest {
    static final BinlogPosition WANTED = new BinlogPosition("mysql-bin-changelog.000009", 1234);

    static List<BinaryLog> files(int... indexes) {
        return java.util.Arrays.stream(indexes)
                .mapToObj(i -> new BinaryLog(String.format("mysql-bin-changelog.%06d", i), 1000)).toList();
    }

    @Test
    void nextFileAvailableCanHelp() {
        PurgedLogs p = PurgedLogs.analyse(WANTED, files(10, 11));
        assertThat(p.whyNextFileCannotHelp(false)).isEmpty();
        assertThat(p.purgedAdvice()).contains("exactly one later", "skipToNextLogFile()");
    }

    @Test
    void aGapOrNoLaterFileCannot() {
        PurgedLogs gap = PurgedLogs.analyse(WANTED, files(11, 12));
        assertThat(gap.whyNextFileCannotHelp(false)).hasValueSatisfying(w -> assertThat(w)
                .contains("mysql-bin-changelog.000010 is not on the source", "closest later file is mysql-bin-changelog.000011"));
        assertThat(gap.purgedAdvice()).contains("2 files later", "Re-create");
        PurgedLogs none = PurgedLogs.analyse(WANTED, files(3, 4));
        assertThat(none.whyNextFileCannotHelp(false)).hasValueSatisfying(w -> assertThat(w).contains("No later file"));
        assertThat(PurgedLogs.analyse(WANTED, List.of()).listing()).contains("no binary logs");
    }

    @Test
    void aPresentFileIsNotSkippedUnlessThePositionIsImpossible() {
        PurgedLogs present = PurgedLogs.analyse(WANTED, files(9, 10));
        assertThat(present.whyNextFileCannotHelp(false)).hasValueSatisfying(w -> assertThat(w).contains("still on the source"));
        assertThat(present.whyNextFileCannotHelp(true)).isEmpty();
        assertThat(present.purgedAdvice()).contains("purged in another way");
    }

    @Test
    void otherSeriesDoNotCount() {
        List<BinaryLog> mixed = List.of(new BinaryLog("binlog.000010", 1), new BinaryLog("mysql-bin-changelog.000012", 1));
        assertThat(PurgedLogs.analyse(WANTED, mixed).closestLater()).contains(BinlogPosition.startOf("mysql-bin-changelog.000012"));
    }
}
