package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a replica status to the handbook's diagnoses: I/O 1236 (purged log by position, purged GTIDs under
 * auto-positioning, impossible position), 2003 and
 * "Connecting", authentication and TLS failures, SQL 1062 and 1032, server_id clashes, a stopped replica, and the
 * two harmless states (relay log space, query cache invalidation). Pure; stateless and thread-safe.
 */
public final class StatusDiagnoser {
    /** Codes that describe a normal state rather than a problem. */
    public static final Set<DiagnosisCode> INFORMATIONAL = Set.of(DiagnosisCode.REPLICATION_RELAY_LOG_SPACE,
            DiagnosisCode.REPLICATION_QUERY_CACHE_INVALIDATION);

    private StatusDiagnoser() {
    }

    /**
     * @param status      the replica status
     * @param workerError the failing worker's message from performance_schema (multi-threaded replicas report only a
     *                    generic "Coordinator stopped" text in Last_SQL_Error), or null
     * @param endpoint    the target's description, for the diagnoses
     * @return findings, problems first; empty when replication runs normally
     */
    public static List<Diagnosis> diagnose(ReplicaStatus status, String workerError, String endpoint) {
        List<Diagnosis> out = new ArrayList<>();
        if (!status.configured()) {
            out.add(d(DiagnosisCode.REPLICATION_NOT_CONFIGURED, 0,
                    "SHOW REPLICA STATUS is empty: no replication source is configured", endpoint));
            return out;
        }
        if (status.lastIoErrno() != 0) {
            out.add(ioError(status, endpoint));
        } else if (status.ioThread() == ThreadState.CONNECTING) {
            out.add(d(DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE, 0, "The I/O thread is still connecting to "
                    + status.sourceUser() + "@" + status.sourceHost() + ":" + status.sourcePort() + " and reports no error "
                    + "yet", endpoint));
        }
        if (status.lastSqlErrno() != 0) {
            out.add(sqlError(status, workerError, endpoint));
        }
        if (!status.failed()) {
            if (status.sqlThread() == ThreadState.STOPPED || status.ioThread() == ThreadState.STOPPED) {
                out.add(d(DiagnosisCode.REPLICATION_STOPPED, 0, "I/O thread " + status.ioThread() + ", SQL thread "
                        + status.sqlThread() + ", no error reported", endpoint));
            }
        }
        String io = status.ioState().toLowerCase(Locale.ROOT);
        if (io.contains("free enough relay log space")) {
            out.add(d(DiagnosisCode.REPLICATION_RELAY_LOG_SPACE, 0, "I/O thread state: " + status.ioState(), endpoint));
        }
        if (status.sqlState().toLowerCase(Locale.ROOT).contains("invalidating query cache entries")) {
            out.add(d(DiagnosisCode.REPLICATION_QUERY_CACHE_INVALIDATION, 0, "SQL thread state: " + status.sqlState(),
                    endpoint));
        }
        return out;
    }

    private static Diagnosis ioError(ReplicaStatus s, String endpoint) {
        int errno = s.lastIoErrno();
        String text = s.lastIoError();
        String lower = text.toLowerCase(Locale.ROOT);
        String where = s.received().map(p -> " (replica wants " + p + ")").orElse("");
        DiagnosisCode code;
        boolean fatal1236 = isSourceError1236(s);
        if (fatal1236 && (lower.contains("impossible position") || lower.contains("position > file size"))) {
            code = DiagnosisCode.REPLICATION_IMPOSSIBLE_POSITION;
        } else if (fatal1236 && (lower.contains("could not find first log file") || lower.contains("purged"))) {
            // by mode: under auto-positioning the source looks transactions up by GTID, not by file
            code = s.usesGtid() ? DiagnosisCode.REPLICATION_GTIDS_PURGED : DiagnosisCode.REPLICATION_BINLOG_PURGED;
        } else if (errno == 1593 || lower.contains("server ids") || lower.contains("server uuids")
                || lower.contains("equal mysql server ids") || lower.contains("equal mariadb server ids")) {
            code = DiagnosisCode.REPLICATION_SERVER_ID_CONFLICT;
        } else if (errno == 1045) {
            code = DiagnosisCode.REPLICATION_SOURCE_AUTH;
        } else if (errno == 2026 || errno == 2061 || errno == 2059 || lower.contains("ssl connection error")
                || lower.contains("secure connection")) {
            code = DiagnosisCode.REPLICATION_CHANNEL_SECURITY;
        } else if (errno == 2003 || errno == 2005 || errno == 2002 || lower.contains("error connecting to")) {
            code = DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE;
        } else {
            code = DiagnosisCode.REPLICATION_IO_ERROR;
        }
        Diagnosis d = new Diagnosis(code, errno, "", "I/O thread error " + errno + where + ": " + text, endpoint, null,
                code.remedy());
        if (code == DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE) {
            d = d.withAdvice("The replica connects to " + s.sourceHost() + ":" + s.sourcePort() + ".");
        }
        return d;
    }

    /**
     * Whether the I/O thread stopped on the source's error 1236. MySQL 5.7 and MariaDB report Last_IO_Errno 1236;
     * MySQL 8.0 reports its own 13114 with "Got fatal error 1236 from source" in the text.
     */
    public static boolean isSourceError1236(ReplicaStatus s) {
        return s.lastIoErrno() == 1236 || (s.lastIoErrno() != 0
                && s.lastIoError().toLowerCase(Locale.ROOT).contains("fatal error 1236"));
    }

    private static Diagnosis sqlError(ReplicaStatus s, String workerError, String endpoint) {
        int errno = s.lastSqlErrno();
        String text = workerError != null && !workerError.isBlank() ? workerError : s.lastSqlError();
        DiagnosisCode code = switch (errno) {
            case 1062 -> DiagnosisCode.REPLICATION_DUPLICATE_KEY;
            case 1032 -> DiagnosisCode.REPLICATION_ROW_NOT_FOUND;
            default -> DiagnosisCode.REPLICATION_SQL_ERROR;
        };
        String where = s.executed().map(p -> " (applied up to source position " + p + ")").orElse("");
        Diagnosis d = new Diagnosis(code, errno, "", "SQL thread error " + errno + where + ": " + text, endpoint, null,
                code.remedy());
        ApplierError parts = ApplierError.parse(text);
        if (code == DiagnosisCode.REPLICATION_DUPLICATE_KEY && !parts.table().isEmpty()) {
            d = d.withAdvice("Conflict in table " + parts.table() + " on key " + parts.keyName() + " = '"
                    + parts.keyValue() + "'.");
        } else if (code == DiagnosisCode.REPLICATION_ROW_NOT_FOUND && !parts.table().isEmpty()) {
            d = d.withAdvice("Missing row in table " + parts.table() + ".");
        } else if (errno == 1396) {
            d = d.withAdvice("A CREATE/DROP USER from the source clashed with an account on the target: typically the "
                    + "replication user's own DDL replayed. Start after it, or create the user with sql_log_bin=0.");
        }
        return d;
    }

    private static Diagnosis d(DiagnosisCode code, int errno, String message, String endpoint) {
        return new Diagnosis(code, errno, "", message, endpoint, null, code.remedy());
    }
}
