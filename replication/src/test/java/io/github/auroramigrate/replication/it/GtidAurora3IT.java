package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.testkit.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GTID replication from MySQL 8.0 into Aurora-like MySQL 3 as the master user, under a concurrent writer: the start
 * from a dump's GTID set (mysql.rds_gtid_purged), a skip by GTID (mysql.rds_skip_transaction_with_gtid) that is
 * verified, and purged GTIDs diagnosed as such. Every test ends with source and target compared row by row.
 */
class GtidAurora3IT {
    static final Duration WAIT = Duration.ofSeconds(60);
    TestServer src;
    TestServer tgt;
    ReplicationUser user;

    @BeforeEach
    void servers() {
        GtidServers.Pair p = GtidServers.aurora3();
        src = p.source();
        tgt = p.target();
        Fixtures.resetReplicaAsRoot(tgt);
        user = ReplicationUser.create(Fixtures.rootEndpoint(src), "repl", "Repl-pw-1", Fixtures.endpoint(tgt));
    }

    /** A schema with the writer's tables and a table t(id, v) of three rows. */
    String schema(String prefix) {
        String db = src.createSchema(prefix);
        src.execute(Writer.ddl(db, 50));
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB",
                "INSERT INTO `" + db + "`.t VALUES (1, 0), (2, 0), (3, 0)");
        return db;
    }

    Replication.Builder builder() {
        return Replication.of(Fixtures.endpoint(tgt)).source(Fixtures.rootEndpoint(src), user)
                .pollInterval(Duration.ofMillis(100));
    }

    @Test
    void startsFromTheDumpsGtidSetThroughRdsGtidPurged() throws Exception {
        String db = schema("g3start");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            GtidSet gtids = GtidSet.of(at.gtids());
            try (Replication repl = builder().startAt(gtids).build()) {
                try {
                    assertThat(repl.dialect()).isEqualTo(Dialect.RDS);
                    repl.configure(); // CALL mysql.rds_gtid_purged('+...') as the master user
                    assertThat(tgt.queryString("SELECT GTID_SUBSET('" + gtids.text() + "', @@GLOBAL.gtid_executed)"))
                            .contains("1");
                    repl.start();
                    Fixtures.awaitWrites(writer, 150, WAIT);
                    writer.stop();
                    repl.awaitCaughtUp(WAIT);
                    assertThat(repl.status().usesGtid()).isTrue();
                    Fixtures.assertEverySourceGtidExecuted(src, tgt);
                    Fixtures.assertSameRows(src, tgt, db);
                } finally {
                    repl.reset();
                }
            }
        }
    }

    /** The emulated procedures take the argument lists AWS documents, and reject bad ones as the server does. */
    @Test
    void theEmulatedGtidProceduresTakeAwsArgumentListsAndCheckThem() throws Exception {
        assertThat(tgt.queryString("SELECT GROUP_CONCAT(CONCAT(SPECIFIC_NAME, '(', PARAMETER_NAME, ')') ORDER BY"
                + " SPECIFIC_NAME) FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = 'mysql' AND SPECIFIC_NAME IN"
                + " ('rds_gtid_purged', 'rds_skip_transaction_with_gtid')"))
                .contains("rds_gtid_purged(gtid_set),rds_skip_transaction_with_gtid(gtid_to_skip)");
        tgt.execute("CREATE DATABASE IF NOT EXISTS g3_emulation"); // at least one GTID executed on the target
        String executed = tgt.queryString("SELECT GTID_SUBTRACT(@@GLOBAL.gtid_executed, '')").orElseThrow()
                .replaceAll("\\s+", "");
        try (Connection c = tgt.connection(); Statement st = c.createStatement()) { // the master user
            assertThatThrownBy(() -> st.execute("CALL mysql.rds_gtid_purged(NULL)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("CALL mysql.rds_gtid_purged('+" + executed + "')"))
                    .as("GTIDs the target has executed cannot be purged again").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("CALL mysql.rds_skip_transaction_with_gtid(NULL)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("CALL mysql.rds_skip_transaction_with_gtid('not-a-uuid:1')"))
                    .isInstanceOf(SQLException.class);
            try (ResultSet rs = st.executeQuery("SELECT @@SESSION.gtid_next")) {
                rs.next();
                assertThat(rs.getString(1)).as("a failed call leaves the session's GTID_NEXT alone").isEqualTo("AUTOMATIC");
            }
            String fresh = "3e11fa47-71ca-11e1-9e33-c80aa9429562:" + (1 + (System.nanoTime() & 0xffffff));
            st.execute("CALL mysql.rds_skip_transaction_with_gtid('" + fresh + "')");
            st.execute("CALL mysql.rds_gtid_purged('+3e11fa47-71ca-11e1-9e33-c80aa9429562:" + (1L << 40) + "')");
        }
        assertThat(tgt.queryString("SELECT GTID_SUBSET('3e11fa47-71ca-11e1-9e33-c80aa9429562:" + (1L << 40)
                + "', @@GLOBAL.gtid_purged)")).contains("1");
    }

    @Test
    void skipTransactionSkipsTheFailingGtidAndTheApplierRunsAgain() throws Exception {
        String db = schema("g3skip");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            Fixtures.markAppliedAsRoot(tgt, at.gtids()); // independent of the rds_gtid_purged path
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).build()) {
                try {
                    repl.configure();
                    repl.start();
                    repl.awaitCaughtUp(WAIT);
                    // the same row arrives on the target first (say, from an overlapping load): the source's insert fails
                    tgt.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    src.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    ReplicaStatus failed = Fixtures.awaitStatus(repl, WAIT, s -> s.lastSqlErrno() != 0);
                    assertThat(failed.lastSqlErrno()).isEqualTo(1062);
                    assertThat(failed.usesGtid()).isTrue();

                    SkipReport r = repl.skipTransaction(); // CALL mysql.rds_skip_transaction_with_gtid('uuid:n')
                    assertThat(r.errno()).isEqualTo(1062);
                    assertThat(r.remedy()).isEqualTo("skip transaction by GTID");
                    assertThat(r.outcome()).isEqualTo(SkipReport.Outcome.RESUMED);
                    String gtid = r.skippedGtid().orElseThrow();
                    assertThat(tgt.queryString("SELECT GTID_SUBSET('" + gtid + "', @@GLOBAL.gtid_executed)")).contains("1");
                    assertThat(String.join("\n", r.skippedEvents())).contains(gtid, "Write_rows", "Xid");
                    assertThat(String.join("\n", r.verification())).contains("GTID " + gtid + " is in the target's",
                            "the applier runs");
                    // the skip took effect: the applier runs and nothing fails again on the same transaction
                    ReplicaStatus after = repl.status();
                    assertThat(after.lastSqlErrno()).as("after skipTransaction(): %s", after).isZero();
                    assertThat(after.sqlThread()).isEqualTo(ThreadState.RUNNING);
                    Fixtures.awaitWrites(writer, 100, WAIT);
                    writer.stop();
                    repl.awaitCaughtUp(WAIT);
                    Fixtures.assertEverySourceGtidExecuted(src, tgt); // the skipped one too
                    Fixtures.assertSameRows(src, tgt, db);
                } finally {
                    repl.reset();
                }
            }
        }
    }

    @Test
    void purgedGtidsAreDiagnosedAsSuchAndSkipToNextLogFileIsRefused() throws Exception {
        String db = schema("g3purged");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            Fixtures.markAppliedAsRoot(tgt, at.gtids());
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).build()) {
                try {
                    repl.configure();
                    // while the replica is down, the source purges binary logs holding transactions it has not got
                    Fixtures.awaitWrites(writer, 50, WAIT);
                    src.execute("FLUSH BINARY LOGS");
                    String file = ReplicationErrorsIT.masterStatus(src).file();
                    src.execute("PURGE BINARY LOGS TO '" + file + "'");
                    String sourceUuid = src.queryString("SELECT @@server_uuid").orElseThrow();
                    repl.start();
                    ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT,
                            st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                    assertThat(s.lastIoError()).contains("1236");

                    Diagnosis d = repl.diagnose().problems().get(0);
                    assertThat(d.code().name()).isEqualTo("REPLICATION_GTIDS_PURGED");
                    assertThat(d.remedy()).contains(sourceUuid, "new dump");
                    assertThatThrownBy(repl::skipToNextLogFile).isInstanceOfSatisfying(ReplicationException.class,
                            e -> {
                                assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                                assertThat(e.getMessage()).contains("auto-position");
                            });
                    assertThat(repl.status().configured()).isTrue();

                    // the way out: a new dump of the schema, replication from its GTID set
                    repl.reset();
                    tgt.execute("DROP DATABASE `" + db + "`");
                    Fixtures.SnapshotPoint again = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
                    try (Replication fresh = builder().startAt(GtidSet.of(again.gtids())).build()) {
                        Fixtures.replicateToTheEnd(fresh, writer, src, tgt, db);
                    }
                } finally {
                    Fixtures.resetReplicaAsRoot(tgt);
                }
            }
        }
    }

    @Test
    void multiThreadedReplicaErrorsQuoteTheWorker() throws Exception {
        String db = schema("g3worker");
        assertThat(Integer.parseInt(tgt.queryString("SELECT @@GLOBAL.replica_parallel_workers").orElse("0")))
                .as("a multi-threaded replica").isGreaterThan(1);
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            Fixtures.markAppliedAsRoot(tgt, at.gtids());
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).build()) {
                try {
                    repl.configure();
                    repl.start();
                    repl.awaitCaughtUp(WAIT);
                    tgt.execute("INSERT INTO `" + db + "`.t VALUES (8, 80)"); // someone writes to the replica
                    src.execute("INSERT INTO `" + db + "`.t VALUES (8, 1)");
                    ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastSqlErrno() != 0);
                    assertThat(s.lastSqlError()).as("the coordinator's generic text").startsWith("Coordinator stopped");

                    String evidence = String.join("\n", repl.stuckOrBusy(Duration.ofMillis(300)).evidence());
                    assertThat(evidence).contains("Duplicate entry '8'");
                    assertThat(repl.diagnose().problems().get(0).message()).contains("Duplicate entry '8'");
                    assertThatThrownBy(() -> repl.awaitCaughtUp(Duration.ofSeconds(5)))
                            .isInstanceOfSatisfying(ReplicationException.class,
                                    e -> assertThat(e.getMessage()).contains("Duplicate entry '8'"));

                    // the handbook's remedy: remove the conflicting row, start again
                    tgt.execute("DELETE FROM `" + db + "`.t WHERE id = 8");
                    repl.start();
                    Fixtures.awaitWrites(writer, 100, WAIT);
                    writer.stop();
                    repl.awaitCaughtUp(WAIT);
                    Fixtures.assertSameRows(src, tgt, db);
                } finally {
                    repl.reset();
                }
            }
        }
    }

    @Test
    void startThatCannotReachTheSourceLeavesReplicationAsItWas() throws Exception {
        String db = schema("g3start_fail");
        int unused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        Endpoint unreachable = Endpoint.builder().host("127.0.0.1").port(unused).user("root")
                .connectTimeout(Duration.ofSeconds(2)).build();
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            Fixtures.markAppliedAsRoot(tgt, at.gtids());
            // the target reaches the source; the library (for the heartbeat) cannot
            try (Replication repl = Replication.of(Fixtures.endpoint(tgt)).source(unreachable, user)
                    .sourceAddress(src.host(), src.port()).startAt(GtidSet.of(at.gtids()))
                    .heartbeat(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(100)).build()) {
                repl.configure();
                assertThatThrownBy(repl::start).isInstanceOf(io.github.auroramigrate.core.diagnose.MigrationException.class);
                ReplicaStatus s = repl.status();
                assertThat(s.configured()).isTrue();
                assertThat(s.ioThread()).as("I/O thread after the failed start()").isEqualTo(ThreadState.STOPPED);
                assertThat(s.sqlThread()).as("SQL thread after the failed start()").isEqualTo(ThreadState.STOPPED);
            }
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).heartbeat(Duration.ofMillis(200)).build()) {
                Fixtures.replicateToTheEnd(repl, writer, src, tgt, db);
            }
        }
    }

    @Test
    void connectRetryIsRefusedInTheRdsDialectBeforeAnythingChanges() throws Exception {
        String db = schema("g3retry");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            Fixtures.markAppliedAsRoot(tgt, at.gtids());
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).connectRetry(Duration.ofSeconds(1)).build()) {
                assertThatThrownBy(repl::configure).isInstanceOfSatisfying(ReplicationException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("connectRetry");
                });
                assertThat(repl.status().configured()).as("nothing configured").isFalse();
            }
            try (Replication repl = builder().startAt(GtidSet.of(at.gtids())).build()) {
                Fixtures.replicateToTheEnd(repl, writer, src, tgt, db);
            }
        }
    }
}
