package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.internal.RemedyWatch.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code skipTransaction()}: skips the transaction the applier stopped on, in the way that works on this channel
 * (the skip counter by position and on MariaDB; the failing GTID under MySQL auto-positioning, and on MySQL 5.7 with
 * gtid_mode ON, which refuses the skip counter), then watches the replica until that transaction is behind it.
 * Stateless.
 */
public final class TransactionSkip {
    private TransactionSkip() {
    }

    /**
     * @return what was skipped and what followed
     * @throws ReplicationException INVALID_INPUT without an applier error; REPLICATION_UNSUPPORTED when this channel
     *                              offers no way to skip; REPLICATION_REMEDY_FAILED when the replica did not get past
     *                              the transaction
     */
    public static SkipReport run(ReplicaChannel ch, Duration timeout, Duration poll) {
        ReplicaStatus before = ch.status();
        if (before.lastSqlErrno() == 0) {
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                    "skipTransaction() refuses to skip anything: the SQL thread reports no error (" + before + ")"
                            + (StatusDiagnoser.isSourceError1236(before) ? "; the I/O thread's error 1236 is what "
                            + "stops replication: see skipToNextLogFile() and diagnose()" : "")));
        }
        DialectSql sql = ch.sql();
        String error = before.lastSqlError();
        Optional<String> gtid = Optional.empty();
        boolean byGtid;
        try (Connection c = ch.connection()) {
            // MySQL ignores the skip counter under auto-positioning, and 5.7 refuses it (1858) whenever gtid_mode is ON
            byGtid = sql.dialect() != Dialect.MARIADB && (before.usesGtid()
                    || (!sql.facts().atLeast(8, 0, 0) && gtidModeOn(c, ch)));
            String worker = ApplierSampler.workerError(c, before); // the real message on a multi-threaded replica
            error = worker != null ? worker : error;
            if (byGtid) {
                gtid = FailingGtid.find(c, before, error);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("applier error lookup"), ch.target());
        }
        BinlogPosition from = before.executed().or(before::received).orElseThrow(() -> new ReplicationException(
                Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The replica reports no source position (" + before + ")")));
        List<SqlStatement> skip;
        if (byGtid) {
            String g = gtid.orElseThrow(() -> new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                    "This channel uses GTID auto-positioning, and neither the error text, nor performance_schema, nor "
                            + "the received and executed GTID sets tell which transaction failed (" + before + ")")
                    .withAdvice("Fix the row on the target and start() again.")));
            skip = sql.skipGtid(g); // refuses up front where this server cannot skip by GTID
        } else {
            skip = sql.skipOne();
        }
        ApplierError failing = ApplierError.parse(error);
        String skippedGtid = gtid.orElse(null);
        List<String> events = ch.source().map(s -> s.transactionEvents(from, skippedGtid, failing.eventEnd()))
                .orElse(List.of());

        if (byGtid && sql.dialect() != Dialect.RDS) {
            ch.runTogether(skip); // GTID_NEXT is session state; the applier is stopped by its error
            ch.run(sql.start());
        } else if (byGtid) {
            skip.forEach(ch::run);
            ch.run(sql.start()); // the procedure commits the empty transaction; the applier still stands on its error
        } else {
            if (!sql.remediesRestartThemselves()) {
                ch.run(sql.stop());
            }
            skip.forEach(ch::run);
            if (!sql.remediesRestartThemselves()) {
                ch.run(sql.start());
            }
        }

        Optional<String> g = gtid;
        RemedyWatch.Result r = RemedyWatch.await(ch, s -> judge(ch, s, from, g, before), timeout, poll);
        if (r.state() == State.PENDING && past(ch, r.status(), from, g)) {
            r = new RemedyWatch.Result(State.STOPPED_AGAIN, r.status(), r.waited()); // skipped; the applier did not start
        }
        List<String> ev = new ArrayList<>();
        ev.add("before: " + before);
        ev.add("ran: " + String.join("; ", skip.stream().map(SqlStatement::display).toList()));
        ev.add("after " + r.waited() + ": " + r.status());
        String remedy = byGtid ? "skip transaction by GTID" : "skip transaction";
        if (r.state() == State.NOT_PAST || r.state() == State.PENDING) {
            throw new ReplicationException(new Diagnosis(DiagnosisCode.REPLICATION_REMEDY_FAILED, 0, "",
                    remedy + " did not get the replica past " + g.map(x -> "GTID " + x).orElse("source position " + from)
                            + (r.state() == State.NOT_PAST ? ": the applier failed again on the same transaction, so "
                            + "nothing was skipped" : ": not seen within " + Human.duration(timeout)) + ". " + String.join("; ", ev),
                    ch.target(), null, DiagnosisCode.REPLICATION_REMEDY_FAILED.remedy()));
        }
        g.ifPresent(x -> ev.add("GTID " + x + " is in the target's gtid_executed"));
        r.status().executed().ifPresent(p -> ev.add("applied source position moved from " + from + " to " + p));
        ev.add(r.state() == State.RESUMED ? "the applier runs" : "the applier stopped again: SQL thread "
                + r.status().sqlThread() + (r.status().lastSqlErrno() == 0 ? "" : ", error " + r.status().lastSqlErrno()
                + ": " + r.status().lastSqlError()));
        return new SkipReport(remedy, before.lastSqlErrno(), error, from, gtid, Optional.empty(), events, -1,
                r.state() == State.RESUMED ? SkipReport.Outcome.RESUMED : SkipReport.Outcome.STOPPED_AGAIN, ev);
    }

    private static State judge(ReplicaChannel ch, ReplicaStatus s, BinlogPosition from, Optional<String> gtid,
            ReplicaStatus before) {
        boolean past = past(ch, s, from, gtid);
        if (s.lastSqlErrno() != 0) {
            boolean same = s.lastSqlErrno() == before.lastSqlErrno() && s.executed().equals(before.executed());
            return past && !same ? State.STOPPED_AGAIN : State.NOT_PAST;
        }
        return past && s.sqlThread() == ThreadState.RUNNING ? State.RESUMED : State.PENDING;
    }

    /** Whether the skipped transaction is behind the replica: its GTID executed, or the applied position beyond it. */
    private static boolean past(ReplicaChannel ch, ReplicaStatus s, BinlogPosition from, Optional<String> gtid) {
        return gtid.isPresent() ? executedOnTarget(ch, gtid.get())
                : s.executed().map(p -> p.compareTo(from) > 0).orElse(false);
    }

    private static boolean gtidModeOn(Connection c, ReplicaChannel ch) {
        return "ON".equalsIgnoreCase(Jdbc.firstRow(c, SqlStatement.of("SELECT @@GLOBAL.gtid_mode AS m"), ch.target())
                .get("m"));
    }

    private static boolean executedOnTarget(ReplicaChannel ch, String gtid) {
        try (Connection c = ch.connection();
                PreparedStatement ps = c.prepareStatement("SELECT GTID_SUBSET(?, @@GLOBAL.gtid_executed)")) {
            ps.setString(1, gtid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("SELECT GTID_SUBSET('" + gtid + "', @@GLOBAL.gtid_executed)"),
                    ch.target());
        }
    }
}
