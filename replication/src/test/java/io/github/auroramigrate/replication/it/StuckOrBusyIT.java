package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationLag;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import io.github.auroramigrate.replication.stuck.Verdict;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handbook's "Replication appears stuck" procedure on a real replica, and lag: the heartbeat against
 * Seconds_Behind_Master.
 */
@ExtendWith(TestServersExtension.class)
class StuckOrBusyIT {
    private static final Logger LOG = LoggerFactory.getLogger(StuckOrBusyIT.class);
    static final int ROWS = 1500;

    static Replication.Builder builder(TestServer src, Endpoint target, Endpoint source) {
        ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", target);
        return Replication.of(target).source(source, user).pollInterval(Duration.ofMillis(100))
                .heartbeat(Duration.ofMillis(200)).connectRetry(Duration.ofSeconds(1));
    }

    static String seed(TestServer src) {
        String db = src.createSchema("busy");
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB",
                "SET SESSION cte_max_recursion_depth = 100000; ",
                "INSERT INTO `" + db + "`.t WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < "
                        + ROWS + ") SELECT n, 0 FROM r");
        return db;
    }

    @Test
    void longUpdateIsBusyAndAStoppedSqlThreadIsStopped(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = seed(src);
        Endpoint target = Fixtures.endpoint(tgt);
        Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
        try (Replication repl = builder(src, target, Fixtures.rootEndpoint(src)).startAt(at.position()).build()) {
            try {
                repl.configure();
                repl.start();
                repl.awaitCaughtUp(Duration.ofSeconds(30));

                // A long-running UPDATE: logged as a statement, so the replica re-executes it row by row (~3 s).
                CompletableFuture<Void> update = CompletableFuture.runAsync(() -> {
                    try (Connection c = src.rootConnection(); Statement st = c.createStatement()) {
                        st.execute("SET SESSION binlog_format = 'STATEMENT'");
                        st.execute("UPDATE `" + db + "`.t SET v = v + 1 WHERE SLEEP(0.002) = 0");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                update.get();
                // wait until the replica's applier runs it: a replication thread with an InnoDB transaction
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (true) {
                    ApplierSample s = repl.stuckOrBusy(Duration.ofMillis(100)).samples().get(0);
                    if (s.transactions().stream().anyMatch(t -> t.query().contains("SLEEP"))) {
                        break;
                    }
                    assertThat(System.nanoTime()).as("applier never started the UPDATE").isLessThan(deadline);
                    Fixtures.sleep(50);
                }
                StuckOrBusyReport busy = repl.stuckOrBusy(Duration.ofMillis(1500));
                ReplicationLag during = repl.lag();
                LOG.info("during the long UPDATE: {}; lag {}", busy, during);
                assertThat(busy.verdict()).isEqualTo(Verdict.BUSY);
                assertThat(String.join(" ", busy.evidence())).contains("Exec_Master_Log_Pos stayed at", "row locks",
                        "undo log entries", "UPDATE");
                ApplierSample first = busy.samples().get(0);
                ApplierSample last = busy.samples().get(busy.samples().size() - 1);
                assertThat(last.status().executed()).isEqualTo(first.status().executed());
                assertThat(last.transactions().get(0).undoEntries()).isGreaterThan(first.transactions().get(0).undoEntries());
                // the true lag: heartbeats written after the UPDATE committed wait behind it
                assertThat(during.heartbeat()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(1)));

                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(tgt.queryString("SELECT SUM(v) FROM `" + db + "`.t")).contains(Integer.toString(ROWS));
                assertThat(repl.stuckOrBusy(Duration.ofMillis(1500)).verdict())
                        .isIn(Verdict.CAUGHT_UP, Verdict.PROGRESSING); // heartbeats keep arriving

                repl.stopApplier();
                StuckOrBusyReport stopped = repl.stuckOrBusy(Duration.ofMillis(500));
                assertThat(stopped.verdict()).isEqualTo(Verdict.STOPPED);
                assertThat(stopped.evidence().get(0)).contains("SQL thread is not running", "no error");
                assertThat(repl.status().ioThread()).isEqualTo(ThreadState.RUNNING);
                assertThat(repl.lag().secondsBehindSource()).as("Seconds_Behind_Master is NULL when stopped").isEmpty();
                repl.startApplier();
                repl.awaitCaughtUp(Duration.ofSeconds(30));
            } finally {
                repl.reset();
            }
        }
    }

    /**
     * The documented blind spot of Seconds_Behind_Master: it compares the applier with the I/O thread, so when the
     * I/O thread receives nothing (a stalled link, as while a large transaction crawls over a slow network) it reads 0
     * while the target falls behind. The heartbeat shows the real lag.
     */
    @Test
    void heartbeatMeasuresLagWhileSecondsBehindMasterReadsZero(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("lag");
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Endpoint target = Fixtures.endpoint(tgt);
        Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
        try (StallableRelay relay = new StallableRelay(src.host(), src.port());
                Replication repl = builder(src, target, Fixtures.rootEndpoint(src))
                        .sourceAddress("127.0.0.1", relay.port()).startAt(at.position()).build()) {
            try {
                repl.configure();
                repl.start();
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(repl.status().sourcePort()).isEqualTo(relay.port());

                relay.pause();
                // a long transaction on the source, committed while the link is stalled
                try (Connection c = src.rootConnection(); Statement st = c.createStatement()) {
                    st.execute("BEGIN");
                    for (int i = 1; i <= 200; i++) {
                        st.execute("INSERT INTO `" + db + "`.t VALUES (" + i + ", " + i + ")");
                    }
                    st.execute("COMMIT");
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                ReplicationLag lag;
                ReplicaStatus s;
                while (true) {
                    s = repl.status();
                    lag = repl.lag();
                    if (lag.heartbeat().orElse(Duration.ZERO).compareTo(Duration.ofSeconds(2)) >= 0
                            && lag.secondsBehindSource().map(Duration::isZero).orElse(false)) {
                        break;
                    }
                    assertThat(System.nanoTime()).as("no moment with SBM 0 and heartbeat lag >= 2 s; last %s %s", lag, s)
                            .isLessThan(deadline);
                    Fixtures.sleep(100);
                }
                LOG.info("stalled link: Seconds_Behind_Master {} while the heartbeat lag is {}",
                        lag.secondsBehindSource().orElse(null), lag.heartbeat().orElse(null));
                assertThat(s.ioThread()).isEqualTo(ThreadState.RUNNING);
                assertThat(s.failed()).isFalse();
                assertThat(tgt.queryString("SELECT COUNT(*) FROM `" + db + "`.t")).contains("0");

                relay.resume();
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(tgt.queryString("SELECT COUNT(*) FROM `" + db + "`.t")).contains("200");
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (repl.lag().heartbeat().orElseThrow().compareTo(Duration.ofSeconds(1)) > 0) {
                    assertThat(System.nanoTime()).as("heartbeat lag did not fall after the link resumed").isLessThan(until);
                    Fixtures.sleep(100);
                }
            } finally {
                relay.resume();
                repl.reset();
            }
        }
    }
}
