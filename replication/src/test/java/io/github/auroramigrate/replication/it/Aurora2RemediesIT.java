package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MySQL 5.7 into Aurora-like MySQL 2 as the master user, by binlog position, under a concurrent writer: the remedies
 * verify their effect, refuse what cannot help, and a GTID start says why it is not possible there. Every test ends
 * with source and target compared row by row.
 */
@ExtendWith(TestServersExtension.class)
class Aurora2RemediesIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    static ReplicationUser user(TestServer src, TestServer tgt) {
        return ReplicationUser.create(Fixtures.rootEndpoint(src), "repl", "Repl-pw-1", Fixtures.endpoint(tgt));
    }

    static Replication.Builder builder(TestServer src, TestServer tgt) {
        return Replication.of(Fixtures.endpoint(tgt)).source(Fixtures.rootEndpoint(src), user(src, tgt))
                .pollInterval(Duration.ofMillis(100));
    }

    static String schema(TestServer src, String prefix) {
        String db = src.createSchema(prefix);
        src.execute(Writer.ddl(db, 50));
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB",
                "INSERT INTO `" + db + "`.t VALUES (1, 0), (2, 0), (3, 0)");
        return db;
    }

    static void finish(Writer writer, Replication repl, TestServer src, TestServer tgt, String db) throws Exception {
        Fixtures.awaitWrites(writer, 100, WAIT);
        writer.stop();
        repl.awaitCaughtUp(WAIT);
        Fixtures.assertSameRows(src, tgt, db);
    }

    @Test
    void skipTransactionByPositionIsVerified(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer tgt) throws Exception {
        String db = schema(src, "a2skip");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            try (Replication repl = builder(src, tgt).startAt(at.position()).build()) {
                try {
                    assertThat(repl.dialect()).isEqualTo(Dialect.RDS);
                    repl.configure();
                    repl.start();
                    repl.awaitCaughtUp(WAIT);
                    tgt.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    src.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    ReplicaStatus failed = Fixtures.awaitStatus(repl, WAIT, s -> s.lastSqlErrno() != 0);
                    assertThat(failed.lastSqlErrno()).isEqualTo(1062);
                    assertThat(failed.usesGtid()).isFalse();
                    SkipReport r = repl.skipTransaction(); // CALL mysql.rds_skip_repl_error
                    assertThat(r.errno()).isEqualTo(1062);
                    assertThat(r.from()).isEqualTo(failed.executed().orElseThrow());
                    assertThat(r.skippedGtid()).isEmpty();
                    assertThat(r.outcome()).isEqualTo(SkipReport.Outcome.RESUMED);
                    assertThat(String.join("\n", r.verification())).contains("moved from " + r.from(), "the applier runs");
                    assertThat(String.join("\n", r.skippedEvents())).contains("Write_rows", "Xid");
                    ReplicaStatus after = repl.status();
                    assertThat(after.lastSqlErrno()).isZero();
                    assertThat(after.executed().orElseThrow()).isGreaterThan(r.from());
                    finish(writer, repl, src, tgt, db);
                } finally {
                    repl.reset();
                }
            }
        }
    }

    @Test
    void aGtidStartSaysWhyItIsNotAvailableAndThePositionPathWorks(
            @Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer tgt) throws Exception {
        String db = schema(src, "a2gtid");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            GtidSet someSet = GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-23");
            try (Replication repl = builder(src, tgt).startAt(someSet).build()) {
                assertThatThrownBy(repl::configure).isInstanceOfSatisfying(ReplicationException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("mysql.rds_gtid_purged", "Aurora MySQL 3");
                    assertThat(e.diagnosis().remedy()).contains("startAt(BinlogPosition)");
                });
                assertThat(repl.status().configured()).isFalse();
            }
            try (Replication repl = builder(src, tgt).startAt(at.position()).build()) {
                Fixtures.replicateToTheEnd(repl, writer, src, tgt, db);
            }
        }
    }

    @Test
    void skipToNextLogFileIsRefusedWhenTheNextFileIsGoneToo(
            @Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer tgt) throws Exception {
        String db = schema(src, "a2gap");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            src.execute("FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
            BinlogPosition now = ReplicationErrorsIT.masterStatus(src);
            assertThat(now.fileIndex()).isEqualTo(at.position().fileIndex() + 2);
            src.execute("PURGE BINARY LOGS TO '" + now.file() + "'");
            try (Replication repl = builder(src, tgt).startAt(at.position()).build()) {
                try {
                    repl.configure();
                    repl.start();
                    Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                    assertThat(repl.diagnose().problems().get(0).code()).isEqualTo(DiagnosisCode.REPLICATION_BINLOG_PURGED);
                    assertThatThrownBy(repl::skipToNextLogFile).isInstanceOfSatisfying(ReplicationException.class, e -> {
                        assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                        assertThat(e.getMessage()).contains(at.position().nextFile().file(), now.file());
                    });
                    ReplicaStatus still = repl.status();
                    assertThat(still.received().orElseThrow().file()).as("nothing moved").isEqualTo(at.position().file());
                    // without a source connection nothing can be checked first: the remedy runs, and says it failed
                    try (Replication monitor = Replication.of(Fixtures.endpoint(tgt)).pollInterval(Duration.ofMillis(100))
                            .remedyTimeout(Duration.ofSeconds(10)).build()) {
                        assertThatThrownBy(monitor::skipToNextLogFile).isInstanceOfSatisfying(ReplicationException.class,
                                e -> {
                                    assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_REMEDY_FAILED);
                                    assertThat(e.getMessage()).contains(at.position().nextFile().file(), "failed again",
                                            "before: ", "after ");
                                });
                    }

                    // the way out: a new dump, replication from its coordinates
                    repl.reset();
                    tgt.execute("DROP DATABASE `" + db + "`");
                } finally {
                    Fixtures.resetReplicaAsRoot(tgt);
                }
            }
            Fixtures.SnapshotPoint again = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            try (Replication repl = builder(src, tgt).startAt(again.position()).build()) {
                Fixtures.replicateToTheEnd(repl, writer, src, tgt, db);
            }
        }
    }

    @Test
    void skipToNextLogFileIsVerified(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer tgt) throws Exception {
        String db = schema(src, "a2next");
        // the rest of the dump's file holds nothing (the writer starts after the purge), so nothing is lost with it
        Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition next = ReplicationErrorsIT.masterStatus(src);
        assertThat(next.fileIndex()).isEqualTo(at.position().fileIndex() + 1);
        src.execute("PURGE BINARY LOGS TO '" + next.file() + "'");
        try (Writer writer = new Writer(src, db).start();
                Replication repl = builder(src, tgt).startAt(at.position()).build()) {
            try {
                repl.configure();
                repl.start();
                Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                SkipReport r = repl.skipToNextLogFile(); // CALL mysql.rds_next_master_log(N)
                assertThat(r.resumedAt()).contains(BinlogPosition.startOf(next.file()));
                assertThat(r.outcome()).isEqualTo(SkipReport.Outcome.RESUMED);
                assertThat(String.join("\n", r.verification())).contains("both threads run");
                ReplicaStatus after = repl.status();
                assertThat(after.lastIoErrno()).as("after skipToNextLogFile(): %s", after).isZero();
                assertThat(after.ioThread()).isEqualTo(ThreadState.RUNNING);
                assertThat(after.received().orElseThrow().file()).isEqualTo(next.file());
                finish(writer, repl, src, tgt, db);
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void aPositionChannelOnAGtidServerSkipsByGtidToo() throws Exception {
        GtidServers.Pair p = GtidServers.aurora2();
        TestServer src = p.source();
        TestServer tgt = p.target();
        Fixtures.resetReplicaAsRoot(tgt);
        String db = schema(src, "a2posgtid");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            try (Replication repl = builder(src, tgt).startAt(at.position()).build()) {
                try {
                    repl.configure();
                    repl.start();
                    repl.awaitCaughtUp(WAIT);
                    assertThat(repl.status().usesGtid()).isFalse();
                    tgt.execute("SET SESSION sql_log_bin = 0", "INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    src.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    Fixtures.awaitStatus(repl, WAIT, s -> s.lastSqlErrno() != 0);
                    // 5.7 refuses the skip counter while gtid_mode is ON (1858): rds_skip_repl_error cannot work here
                    SkipReport r = repl.skipTransaction();
                    String gtid = r.skippedGtid().orElseThrow();
                    assertThat(tgt.queryString("SELECT GTID_SUBSET('" + gtid + "', @@GLOBAL.gtid_executed)")).contains("1");
                    assertThat(r.outcome()).isEqualTo(SkipReport.Outcome.RESUMED);
                    finish(writer, repl, src, tgt, db);
                } finally {
                    repl.reset();
                }
            }
        }
    }

    @Test
    void onAGtidChannelSkipTransactionGoesByGtid() throws Exception {
        GtidServers.Pair p = GtidServers.aurora2();
        TestServer src = p.source();
        TestServer tgt = p.target();
        Fixtures.resetReplicaAsRoot(tgt);
        String db = schema(src, "a2gtidskip");
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, Fixtures.endpoint(tgt), db);
            // 5.7 sets gtid_purged only while gtid_executed is empty: the target's own history goes first
            tgt.execute("RESET MASTER", "SET GLOBAL gtid_purged = '" + at.gtids() + "'");
            try (Replication repl = builder(src, tgt).startAt(GtidSet.of(at.gtids())).build()) {
                try {
                    repl.configure(); // already applied: rds_set_external_master_with_auto_position
                    repl.start();
                    repl.awaitCaughtUp(WAIT);
                    assertThat(repl.status().usesGtid()).isTrue();
                    tgt.execute("SET SESSION sql_log_bin = 0", "INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    src.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                    Fixtures.awaitStatus(repl, WAIT, s -> s.lastSqlErrno() != 0);
                    SkipReport r = repl.skipTransaction(); // CALL mysql.rds_skip_transaction_with_gtid, as on Aurora 2
                    assertThat(r.errno()).isEqualTo(1062);
                    assertThat(r.skippedGtid()).isPresent();
                    assertThat(r.outcome()).isEqualTo(SkipReport.Outcome.RESUMED);
                    ReplicaStatus after = repl.status();
                    assertThat(after.lastSqlErrno()).as("after skipTransaction(): %s", after).isZero();
                    finish(writer, repl, src, tgt, db);
                    Fixtures.assertEverySourceGtidExecuted(src, tgt);
                } finally {
                    repl.reset();
                }
            }
        }
    }
}
