package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.internal.RemedyWatch.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code skipToNextLogFile()}: after I/O error 1236 on a channel that replicates by file and position, moves it to
 * the start of the next binary log file - refused up front when that cannot help (GTID auto-positioning, the next
 * file gone too, the wanted file still present) - then watches until the I/O thread reads the new file. Stateless.
 */
public final class LogFileSkip {
    private LogFileSkip() {
    }

    /**
     * @return what was skipped and what followed
     * @throws ReplicationException INVALID_INPUT without a 1236 error; REPLICATION_UNSUPPORTED when moving to the next
     *                              file cannot help; REPLICATION_REMEDY_FAILED when the I/O thread did not resume
     */
    public static SkipReport run(ReplicaChannel ch, Duration timeout, Duration poll) {
        ReplicaStatus before = ch.status();
        if (!StatusDiagnoser.isSourceError1236(before)) {
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                    "skipToNextLogFile() is only for I/O error 1236; the replica reports " + before
                            + (before.lastSqlErrno() != 0 ? "; the applier's error " + before.lastSqlErrno()
                            + " is what stops replication: see skipTransaction() and diagnose()" : "")));
        }
        if (before.usesGtid()) {
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                    "skipToNextLogFile() cannot help a channel with GTID auto-positioning: the source serves it by "
                            + "GTID, not by file, and the transactions it lacks are purged (" + before.lastIoError() + ")")
                    .withAdvice("Re-create the replica from a new dump and start from its GTID set, or re-sync the "
                            + "affected tables from the source; diagnose() names the missing GTIDs."));
        }
        BinlogPosition from = before.received().orElseThrow(() -> new ReplicationException(Diagnosis.of(
                DiagnosisCode.INVALID_INPUT, "The replica names no source binary log file (" + before + ")")));
        boolean impossible = before.lastIoError().toLowerCase(Locale.ROOT).contains("impossible position")
                || before.lastIoError().toLowerCase(Locale.ROOT).contains("position > file size");
        long skipped = -1;
        List<String> ev = new ArrayList<>();
        if (ch.source().isPresent()) {
            List<SourceLogs.BinaryLog> logs = ch.source().get().binaryLogs();
            PurgedLogs files = PurgedLogs.analyse(from, logs);
            Optional<String> why = files.whyNextFileCannotHelp(impossible);
            if (why.isPresent()) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                        "skipToNextLogFile() cannot help: " + why.get())
                        .withAdvice("Re-create the replica from a new dump and keep binary logs longer."));
            }
            skipped = logs.stream().filter(l -> l.name().equals(from.file()))
                    .mapToLong(l -> Math.max(0, l.size() - from.position())).findFirst().orElse(-1);
            ev.add(files.listing());
        }
        BinlogPosition next = from.nextFile();
        DialectSql sql = ch.sql();
        List<SqlStatement> move = sql.nextLogFile(from);
        if (!sql.remediesRestartThemselves()) {
            ch.run(sql.stop());
        }
        move.forEach(ch::run);
        if (!sql.remediesRestartThemselves()) {
            ch.run(sql.start());
        }

        RemedyWatch.Result r = RemedyWatch.await(ch, s -> judge(s, from), timeout, poll);
        ev.add("before: " + before);
        ev.add("ran: " + String.join("; ", move.stream().map(SqlStatement::display).toList()));
        ev.add("after " + r.waited() + ": " + r.status());
        if (r.state() == State.NOT_PAST || r.state() == State.PENDING) {
            throw new ReplicationException(new Diagnosis(DiagnosisCode.REPLICATION_REMEDY_FAILED, 0, "",
                    "skip to next log file did not get the I/O thread reading " + next.file() + " or later: "
                            + (r.state() == State.NOT_PAST ? "it failed again (" + r.status().lastIoErrno() + ": "
                            + r.status().lastIoError() + ")" : "not seen within " + Human.duration(timeout)) + ". " + String.join("; ", ev),
                    ch.target(), null, DiagnosisCode.REPLICATION_REMEDY_FAILED.remedy()));
        }
        ev.add("the I/O thread reads " + r.status().received().map(Object::toString).orElse("?") + (r.state() == State.RESUMED
                ? " and both threads run" : "; then replication stopped again: I/O " + r.status().ioThread() + ", SQL "
                + r.status().sqlThread() + (r.status().failed() ? ", " + r.status() : "")));
        return new SkipReport("skip to next log file", before.lastIoErrno(), before.lastIoError(), from,
                Optional.empty(), Optional.of(next), List.of(), skipped,
                r.state() == State.RESUMED ? SkipReport.Outcome.RESUMED : SkipReport.Outcome.STOPPED_AGAIN, ev);
    }

    private static State judge(ReplicaStatus s, BinlogPosition from) {
        boolean moved = s.received().map(p -> p.baseName().equals(from.baseName()) && p.fileIndex() > from.fileIndex())
                .orElse(false);
        if (!moved) {
            return s.lastIoErrno() != 0 ? State.NOT_PAST : State.PENDING;
        }
        if (s.lastIoErrno() != 0) {
            // still on the next file itself and failing: the move did not help (the file is not readable either)
            boolean stuckOnNext = s.received().map(p -> p.fileIndex() == from.fileIndex() + 1 && p.position() <= 4)
                    .orElse(true);
            return stuckOnNext ? State.NOT_PAST : State.STOPPED_AGAIN;
        }
        if (s.lastSqlErrno() != 0) {
            return State.STOPPED_AGAIN;
        }
        return s.ioThread() == ThreadState.RUNNING && s.sqlThread() == ThreadState.RUNNING ? State.RESUMED
                : State.PENDING;
    }
}
