package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierThread;
import io.github.auroramigrate.replication.stuck.ApplierTransaction;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the replication threads from the process list and their InnoDB transactions (both need the PROCESS
 * privilege; without it the lists come back empty and the verdict rests on the status alone). Stateless.
 */
public final class ApplierSampler {
    private static final Logger LOG = LoggerFactory.getLogger(ApplierSampler.class);

    private ApplierSampler() {
    }

    /**
     * The handbook's "Replication appears stuck" procedure: samples the status, the replication threads and their
     * InnoDB transactions about five times over {@code window} (at least 100 ms apart) and judges the series.
     *
     * @throws ReplicationException REPLICATION_NOT_CONFIGURED when there is no replication
     */
    public static StuckOrBusyReport observe(ReplicaChannel ch, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        long start = System.nanoTime();
        long step = Math.max(100_000_000L, window.toNanos() / 5);
        List<ApplierSample> samples = new ArrayList<>();
        while (true) {
            ApplierSample s = sample(ch, Duration.ofNanos(System.nanoTime() - start));
            if (!s.status().configured()) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_NOT_CONFIGURED,
                        "No replication on " + ch.target()));
            }
            samples.add(s);
            long left = start + window.toNanos() - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(step, left) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.CANCELLED, "interrupted while observing "
                        + ch.target()), e);
            }
        }
        ReplicaStatus end = samples.get(samples.size() - 1).status();
        String worker = null;
        if (end.lastSqlErrno() != 0) {
            try (Connection c = ch.connection()) {
                worker = workerError(c, end);
            } catch (SQLException e) {
                LOG.debug("worker error not readable: {}", e.toString());
            }
        }
        return StuckOrBusyJudge.judge(samples, window, worker);
    }

    private static ApplierSample sample(ReplicaChannel ch, Duration offset) {
        ReplicaStatus status = ch.status();
        try (Connection c = ch.connection()) {
            List<ApplierThread> threads = threads(c);
            return new ApplierSample(offset, status, threads, transactions(c, threads));
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("process list"), ch.target());
        }
    }

    /** @return the replication threads ({@code USER = 'system user'}) */
    public static List<ApplierThread> threads(Connection c) {
        List<ApplierThread> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID, COMMAND, TIME, STATE, INFO FROM information_schema.PROCESSLIST"
                        + " WHERE USER = 'system user' ORDER BY ID")) {
            while (rs.next()) {
                out.add(new ApplierThread(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            LOG.debug("process list not readable: {}", e.toString());
        }
        return out;
    }

    /** @return the InnoDB transactions of the given threads */
    public static List<ApplierTransaction> transactions(Connection c, List<ApplierThread> threads) {
        List<ApplierTransaction> out = new ArrayList<>();
        if (threads.isEmpty()) {
            return out;
        }
        String ids = threads.stream().map(t -> Long.toString(t.id())).collect(Collectors.joining(","));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT trx_id, trx_mysql_thread_id, trx_state,"
                        + " TIMESTAMPDIFF(SECOND, trx_started, NOW()), trx_lock_structs, trx_rows_locked,"
                        + " trx_rows_modified, trx_query FROM information_schema.INNODB_TRX"
                        + " WHERE trx_mysql_thread_id IN (" + ids + ")")) {
            while (rs.next()) {
                out.add(new ApplierTransaction(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
            }
        } catch (SQLException e) {
            LOG.debug("INNODB_TRX not readable: {}", e.toString());
        }
        return out;
    }

    /** @return the message of the most recent failing worker of a multi-threaded MySQL replica, or null */
    public static String workerError(Connection c, ReplicaStatus status) {
        if (status.lastSqlErrno() == 0 || !status.lastSqlError().startsWith("Coordinator stopped")) {
            return null;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT LAST_ERROR_MESSAGE FROM"
                        + " performance_schema.replication_applier_status_by_worker WHERE LAST_ERROR_NUMBER <> 0"
                        + " ORDER BY LAST_ERROR_TIMESTAMP DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            LOG.debug("worker status not readable: {}", e.toString());
            return null;
        }
    }
}
