package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierTransaction;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import io.github.auroramigrate.replication.stuck.Verdict;
import io.github.auroramigrate.testkit.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * stuckOrBusy() on a multi-threaded Aurora-like 3 replica (GTIDs on) of a MySQL 8.0 source with a concurrent writer:
 * judged from what the applier does across the whole window - a transaction that starts inside it, one that spans
 * several windows, one that finishes inside it, a lock wait and a stopped replica. Each ends with the rows compared.
 */
class StuckOrBusyWindowIT {
    private static final Logger LOG = LoggerFactory.getLogger(StuckOrBusyWindowIT.class);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int ROWS = 1500;
    TestServer src;
    TestServer tgt;
    String db;
    Writer writer;
    Replication repl;

    @BeforeEach
    void replicate() throws Exception {
        GtidServers.Pair p = GtidServers.aurora3();
        src = p.source();
        tgt = p.target();
        Fixtures.resetReplicaAsRoot(tgt);
        db = src.createSchema("window");
        src.execute(Writer.ddl(db, 50));
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB",
                "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO `" + db + "`.t WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < "
                        + ROWS + ") SELECT n, 0 FROM r");
        ReplicationUser user = ReplicationUser.create(Fixtures.rootEndpoint(src), "repl", "Repl-pw-1", Fixtures.endpoint(tgt));
        writer = new Writer(src, db).start();
        Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
        Fixtures.markAppliedAsRoot(tgt, at.gtids());
        repl = Replication.of(Fixtures.endpoint(tgt)).source(Fixtures.rootEndpoint(src), user)
                .startAt(GtidSet.of(at.gtids())).pollInterval(Duration.ofMillis(100)).build();
        repl.configure();
        repl.start();
        repl.awaitCaughtUp(WAIT);
    }

    @AfterEach
    void compareAndReset() throws Exception {
        try {
            writer.start();
            Fixtures.awaitWrites(writer, 50, WAIT);
            writer.stop();
            repl.awaitCaughtUp(WAIT);
            Fixtures.assertSameRows(src, tgt, db);
        } finally {
            writer.stop();
            repl.reset();
            repl.close();
        }
    }

    /** Starts the long UPDATE on the source (statement-logged: the replica runs it row by row, ~3 s) and returns once
     *  it runs there; the replica begins it only after the source commits it. */
    CompletableFuture<Void> longUpdateOnTheSource(double sleepPerRow) {
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
            try (Connection c = src.rootConnection(); Statement st = c.createStatement()) {
                st.execute("SET SESSION binlog_format = 'STATEMENT'");
                st.execute("UPDATE `" + db + "`.t SET v = v + 1 WHERE SLEEP(" + sleepPerRow + ") = 0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (src.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE `"
                + db + "`.t SET v%'").orElse("0").equals("0")) {
            assertThat(f).as("the UPDATE ended before it was seen running").isNotDone();
            assertThat(System.nanoTime()).as("the UPDATE never ran on the source").isLessThan(deadline);
            Fixtures.sleep(20);
        }
        return f;
    }

    static boolean isTheUpdate(ApplierTransaction t) {
        return t.query().contains("SLEEP(");
    }

    static Optional<ApplierTransaction> theUpdate(ApplierSample s) {
        return s.transactions().stream().filter(StuckOrBusyWindowIT::isTheUpdate).findFirst();
    }

    /** Samples (in short windows) until the replica's applier runs a transaction matching {@code p}. */
    ApplierTransaction awaitApplier(Predicate<ApplierTransaction> p) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ApplierSample s = repl.stuckOrBusy(Duration.ofMillis(100)).samples().get(0);
            Optional<ApplierTransaction> t = s.transactions().stream().filter(p).findFirst();
            if (t.isPresent()) {
                return t.get();
            }
            assertThat(System.nanoTime()).as("the applier never ran the expected transaction").isLessThan(deadline);
            Fixtures.sleep(30);
        }
    }

    static String evidence(StuckOrBusyReport r) {
        return String.join("\n", r.evidence());
    }

    @Test
    void aTransactionStartedInsideAQuietWindowIsBusy() throws Exception {
        writer.stop(); // a quiet replica: the position stands still until the long transaction commits
        repl.awaitCaughtUp(WAIT);
        CompletableFuture<Void> update = longUpdateOnTheSource(0.002);
        StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofMillis(4500));
        LOG.info("quiet window, transaction started inside: {}", r);
        assertThat(theUpdate(r.samples().get(0))).as("not yet started when the window opened").isEmpty();
        assertThat(theUpdate(r.samples().get(r.samples().size() - 1))).as("running when it closed").isPresent();
        assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
        assertThat(evidence(r)).doesNotContain("did not grow");
        update.get();
    }

    @Test
    void aTransactionStartedInsideAWindowWithAWriterIsBusy() throws Exception {
        CompletableFuture<Void> update = longUpdateOnTheSource(0.002);
        StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofMillis(4500));
        LOG.info("window with a writer, transaction started inside: {}", r);
        assertThat(theUpdate(r.samples().get(0))).isEmpty();
        assertThat(theUpdate(r.samples().get(r.samples().size() - 1))).isPresent();
        assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
        assertThat(evidence(r)).doesNotContain("did not grow");
        update.get();
    }

    @Test
    void aTransactionSpanningSeveralWindowsIsBusyInEach() throws Exception {
        CompletableFuture<Void> update = longUpdateOnTheSource(0.004); // ~6 s on the replica
        update.get();
        ApplierTransaction t = awaitApplier(StuckOrBusyWindowIT::isTheUpdate);
        long undo = -1;
        for (int i = 0; i < 3; i++) {
            StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofMillis(1200));
            LOG.info("window {} of a long transaction: {}", i + 1, r);
            assertThat(r.verdict()).as("window %s: %s", i + 1, r).isEqualTo(Verdict.BUSY);
            ApplierTransaction last = theUpdate(r.samples().get(r.samples().size() - 1)).orElseThrow();
            assertThat(last.trxId()).as("the same transaction in every window").isEqualTo(t.trxId());
            assertThat(last.undoEntries()).as("undo entries grow window after window").isGreaterThan(undo);
            undo = last.undoEntries();
            assertThat(evidence(r)).contains(t.trxId());
        }
    }

    @Test
    void aTransactionFinishingInsideTheWindowIsProgress() throws Exception {
        CompletableFuture<Void> update = longUpdateOnTheSource(0.002);
        update.get();
        awaitApplier(tr -> isTheUpdate(tr) && tr.undoEntries() >= ROWS * 2L / 3);
        StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofMillis(3000));
        LOG.info("window in which the long transaction finishes: {}", r);
        assertThat(theUpdate(r.samples().get(0))).isPresent();
        assertThat(theUpdate(r.samples().get(r.samples().size() - 1))).as("finished inside the window").isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.PROGRESSING);
        assertThat(tgt.queryString("SELECT SUM(v) FROM `" + db + "`.t")).contains(Integer.toString(ROWS));
    }

    @Test
    void aLockWaitIsWaitingForLockAndAStoppedReplicaIsStopped() throws Exception {
        try (Connection holder = tgt.rootConnection(); Statement st = holder.createStatement()) {
            st.execute("BEGIN");
            st.executeQuery("SELECT * FROM `" + db + "`.t WHERE id = 5 FOR UPDATE").close();
            src.execute("UPDATE `" + db + "`.t SET v = v + 100 WHERE id = 5");
            awaitApplier(ApplierTransaction::waitingForLock);
            StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofMillis(2000));
            LOG.info("lock wait: {}", r);
            assertThat(r.verdict()).isEqualTo(Verdict.WAITING_FOR_LOCK);
            assertThat(evidence(r)).contains("LOCK WAIT");
            st.execute("COMMIT");
        }
        repl.awaitCaughtUp(WAIT);
        repl.stop();
        StuckOrBusyReport stopped = repl.stuckOrBusy(Duration.ofMillis(500));
        assertThat(stopped.verdict()).isEqualTo(Verdict.STOPPED);
        repl.start();
    }
}
