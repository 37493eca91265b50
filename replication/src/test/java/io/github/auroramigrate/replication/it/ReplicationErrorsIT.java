package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.ReplicationHealth;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each handbook replication error provoked for real, and diagnosed by code; the explicit remedies applied. */
@ExtendWith(TestServersExtension.class)
class ReplicationErrorsIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Source table db.t(id PK, v), copied to the target; replication configured, started and caught up. */
    static Replication replicate(TestServer src, TestServer tgt, String db, Replication.Builder extra) throws Exception {
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB",
                "INSERT INTO `" + db + "`.t VALUES (1, 0), (2, 0), (3, 0)");
        Endpoint target = Fixtures.endpoint(tgt);
        Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
        Replication repl = (extra != null ? extra : builder(src, tgt)).startAt(at.position()).build();
        repl.configure();
        repl.start();
        repl.awaitCaughtUp(WAIT);
        return repl;
    }

    static Replication.Builder builder(TestServer src, TestServer tgt) {
        Endpoint source = Fixtures.rootEndpoint(src);
        Endpoint target = Fixtures.endpoint(tgt);
        ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", target);
        Replication.Builder b = Replication.of(target).source(source, user).pollInterval(Duration.ofMillis(100));
        // the rds_* procedures take no connect-retry argument: the RDS dialect refuses the option
        return tgt.profile().isAurora() ? b : b.connectRetry(Duration.ofSeconds(1));
    }

    static long value(TestServer s, String db, int id) {
        return Long.parseLong(s.queryString("SELECT v FROM `" + db + "`.t WHERE id = " + id).orElse("-1"));
    }

    static BinlogPosition masterStatus(TestServer s) throws Exception {
        try (Connection c = s.rootConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return new BinlogPosition(rs.getString(1), rs.getLong(2));
        }
    }

    @Test
    void duplicateKey1062IsDiagnosedAndSkippedExplicitly(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("dup");
        try (Replication repl = replicate(src, tgt, db, null)) {
            try {
                tgt.execute("INSERT INTO `" + db + "`.t VALUES (7, 70)"); // someone writes to the replica
                src.execute("INSERT INTO `" + db + "`.t VALUES (7, 1)");
                ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastSqlErrno() != 0 && st.sqlThread() == ThreadState.STOPPED);
                assertThat(s.lastSqlErrno()).isEqualTo(1062);
                assertThat(s.sqlThread()).isEqualTo(ThreadState.STOPPED);

                ReplicationHealth h = repl.diagnose();
                assertThat(h.healthy()).isFalse();
                Diagnosis d = h.problems().get(0);
                assertThat(d.code()).isEqualTo(DiagnosisCode.REPLICATION_DUPLICATE_KEY);
                assertThat(d.vendorCode()).isEqualTo(1062);
                assertThat(d.remedy()).contains(db + ".t", "'7'", "IS present on the target");
                assertThatThrownBy(() -> repl.awaitCaughtUp(WAIT)).isInstanceOfSatisfying(ReplicationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_DUPLICATE_KEY));

                SkipReport skipped = repl.skipTransaction();
                assertThat(skipped.errno()).isEqualTo(1062);
                assertThat(skipped.from()).isEqualTo(s.executed().orElseThrow());
                assertThat(String.join("\n", skipped.skippedEvents())).contains("Write_rows", "Xid");
                src.execute("UPDATE `" + db + "`.t SET v = 5 WHERE id = 1");
                repl.awaitCaughtUp(WAIT);
                assertThat(value(tgt, db, 1)).isEqualTo(5);
                assertThat(value(tgt, db, 7)).as("the skipped insert left the target's row: drift").isEqualTo(70);
                assertThatThrownBy(repl::skipTransaction).isInstanceOfSatisfying(ReplicationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT));
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void rowNotFound1032IsDiagnosedAndFixedByRecreatingTheRow(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("nf");
        try (Replication repl = replicate(src, tgt, db, null)) {
            try {
                tgt.execute("DELETE FROM `" + db + "`.t WHERE id = 2"); // someone deletes on the replica
                src.execute("UPDATE `" + db + "`.t SET v = 9 WHERE id = 2");
                ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastSqlErrno() != 0 && st.sqlThread() == ThreadState.STOPPED);
                assertThat(s.lastSqlErrno()).isEqualTo(1032);
                Diagnosis d = repl.diagnose().problems().get(0);
                assertThat(d.code()).isEqualTo(DiagnosisCode.REPLICATION_ROW_NOT_FOUND);
                assertThat(d.message()).contains("Update_rows", db + ".t");
                // the handbook's first remedy: put the known row back, then resume
                tgt.execute("INSERT INTO `" + db + "`.t VALUES (2, 0)");
                repl.start();
                repl.awaitCaughtUp(WAIT);
                assertThat(value(tgt, db, 2)).isEqualTo(9);
                assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void purgedBinaryLog1236WithTheNextFileAvailableIsSkippedExplicitly(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("purge");
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Fixtures.copy(src, Fixtures.endpoint(tgt), db);
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition wanted = masterStatus(src);
        src.execute("INSERT INTO `" + db + "`.t VALUES (1, 1)"); // in the file that will be purged
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition next = masterStatus(src);
        assertThat(next.fileIndex()).isEqualTo(wanted.fileIndex() + 1);
        src.execute("PURGE BINARY LOGS TO '" + next.file() + "'");
        src.execute("INSERT INTO `" + db + "`.t VALUES (2, 2)");
        try (Replication repl = builder(src, tgt).startAt(wanted).build()) {
            try {
                repl.configure();
                repl.start();
                ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                assertThat(s.lastIoError()).contains("1236");
                Diagnosis d = repl.diagnose().problems().get(0);
                assertThat(d.code()).isEqualTo(DiagnosisCode.REPLICATION_BINLOG_PURGED);
                assertThat(d.remedy()).contains(next.file(), "exactly one later");

                SkipReport r = repl.skipToNextLogFile();
                assertThat(r.from()).isEqualTo(wanted);
                assertThat(r.resumedAt()).contains(BinlogPosition.startOf(next.file()));
                assertThat(r.skippedBytes()).isEqualTo(-1); // the file is gone: its size is unknown
                repl.awaitCaughtUp(WAIT);
                assertThat(value(tgt, db, 2)).isEqualTo(2);
                assertThat(value(tgt, db, 1)).as("lost with the purged file").isEqualTo(-1);
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void purgedBinaryLogsWithAGapSayReCreate(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition wanted = masterStatus(src);
        src.execute("FLUSH BINARY LOGS", "FLUSH BINARY LOGS");
        BinlogPosition now = masterStatus(src);
        src.execute("PURGE BINARY LOGS TO '" + now.file() + "'");
        try (Replication repl = builder(src, tgt).startAt(wanted).build()) {
            try {
                repl.configure();
                repl.start();
                ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                assertThat(s.lastIoError()).contains("Could not find first log file");
                Diagnosis d = repl.diagnose().problems().get(0);
                assertThat(d.code()).isEqualTo(DiagnosisCode.REPLICATION_BINLOG_PURGED);
                assertThat(d.remedy()).contains(now.file(), "2 files later", "Re-create");
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void impossiblePosition1236(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        BinlogPosition current = masterStatus(src);
        try (Replication repl = builder(src, tgt).startAt(new BinlogPosition(current.file(), 999_999_999L)).build()) {
            try {
                repl.configure();
                repl.start();
                Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                assertThat(repl.diagnose().problems()).extracting(Diagnosis::code)
                        .containsExactly(DiagnosisCode.REPLICATION_IMPOSSIBLE_POSITION);
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void wrongPort2003(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        BinlogPosition current = masterStatus(src);
        try (Replication repl = builder(src, tgt).sourceAddress("127.0.0.1", unused).startAt(current).build()) {
            try {
                repl.configure();
                repl.start();
                ReplicaStatus s = Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                assertThat(s.ioThread()).isEqualTo(ThreadState.CONNECTING);
                assertThat(s.sourcePort()).isEqualTo(unused);
                Diagnosis d = repl.diagnose().problems().get(0);
                assertThat(d.code()).isEqualTo(DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE);
                assertThat(d.vendorCode()).isEqualTo(2003);
                assertThat(d.isRetryable()).isTrue();
                assertThat(d.remedy()).contains("127.0.0.1:" + unused);
                assertThatThrownBy(() -> repl.awaitCaughtUp(Duration.ofSeconds(5)))
                        .isInstanceOfSatisfying(ReplicationException.class,
                                e -> assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE));
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void onAurora3TheRemediesGoThroughTheRdsProcedures(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer tgt) throws Exception {
        String db = src.createSchema("rdsdup");
        try (Replication repl = replicate(src, tgt, db, null)) {
            try {
                assertThat(repl.dialect()).isEqualTo(Dialect.RDS);
                assertThatThrownBy(repl::stopApplier).isInstanceOfSatisfying(ReplicationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED));
                tgt.execute("INSERT INTO `" + db + "`.t VALUES (8, 80)");
                src.execute("INSERT INTO `" + db + "`.t VALUES (8, 1)");
                Fixtures.awaitStatus(repl, WAIT, st -> st.lastSqlErrno() != 0 && st.sqlThread() == ThreadState.STOPPED);
                assertThat(repl.diagnose().problems().get(0).code()).isEqualTo(DiagnosisCode.REPLICATION_DUPLICATE_KEY);
                SkipReport r = repl.skipTransaction(); // CALL mysql.rds_skip_repl_error
                assertThat(r.errno()).isEqualTo(1062);
                src.execute("UPDATE `" + db + "`.t SET v = 4 WHERE id = 3");
                repl.awaitCaughtUp(WAIT);
                assertThat(value(tgt, db, 3)).isEqualTo(4);
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void onAurora2NextMasterLogResumesAfterAPurgedFile(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer tgt) throws Exception {
        String db = src.createSchema("rdsnext");
        src.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v INT NOT NULL)");
        Fixtures.copy(src, Fixtures.endpoint(tgt), db);
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition wanted = masterStatus(src);
        src.execute("FLUSH BINARY LOGS");
        BinlogPosition next = masterStatus(src);
        src.execute("PURGE BINARY LOGS TO '" + next.file() + "'", "INSERT INTO `" + db + "`.t VALUES (1, 1)");
        try (Replication repl = builder(src, tgt).startAt(wanted).build()) {
            try {
                repl.configure();
                repl.start();
                Fixtures.awaitStatus(repl, WAIT, st -> st.lastIoErrno() != 0 && st.ioThread() != ThreadState.RUNNING);
                assertThat(repl.diagnose().problems().get(0).code()).isEqualTo(DiagnosisCode.REPLICATION_BINLOG_PURGED);
                SkipReport r = repl.skipToNextLogFile(); // CALL mysql.rds_next_master_log(N)
                assertThat(r.resumedAt()).contains(BinlogPosition.startOf(next.file()));
                repl.awaitCaughtUp(WAIT);
                assertThat(value(tgt, db, 1)).isEqualTo(1);
            } finally {
                repl.reset();
            }
        }
    }
}
