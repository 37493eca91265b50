package io.github.auroramigrate.replication.preflight;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.internal.Jdbc;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the source keep binary logs at least as long as a migration needs: {@code CALL
 * mysql.rds_set_configuration('binlog retention hours', N)} on RDS/Aurora, {@code binlog_expire_logs_seconds} on
 * MySQL 8.0+ and MariaDB 10.6+, {@code expire_logs_days} on older servers. Never shortens a longer retention.
 *
 * <pre>{@code
 * Optional<Duration> kept = BinlogRetention.ensureAtLeast(source, Duration.ofHours(48));
 * }</pre>
 *
 * <p>{@code SET GLOBAL} lasts until the server restarts: put the value in the configuration file (or the DB
 * parameter group) too. Stateless and thread-safe.
 */
public final class BinlogRetention {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogRetention.class);

    private BinlogRetention() {
    }

    /**
     * @param source  the source, as a user allowed to change the setting (SUPER / SYSTEM_VARIABLES_ADMIN, or the
     *                RDS master user)
     * @param atLeast the retention wanted
     * @return the retention now in force; empty when binary logs are never purged by age
     * @throws ReplicationException diagnosed (e.g. SUPER_PRIVILEGE_REQUIRED) when the setting cannot be changed
     */
    public static Optional<Duration> ensureAtLeast(Endpoint source, Duration atLeast) {
        if (atLeast.isNegative() || atLeast.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        String where = source.describe();
        try (Connection c = source.connect()) {
            ServerFacts f = ServerFacts.probe(c, where);
            Optional<Duration> now = SourceSettings.retention(c, f);
            if (now.isEmpty() || now.get().compareTo(atLeast) >= 0) {
                LOG.info("{}: binary logs already {}", where, now.map(d -> "kept " + d).orElse("never purged by age"));
                return now;
            }
            for (SqlStatement s : statements(f, atLeast)) {
                LOG.info("{}: {}", where, s.display());
                Jdbc.execute(c, s, where);
            }
            Optional<Duration> after = SourceSettings.retention(c, f);
            if (after.isPresent() && after.get().compareTo(atLeast) < 0) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT,
                        "Retention on " + where + " is still " + after.get() + " after setting it to " + atLeast));
            }
            return after;
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("binlog retention"), where);
        }
    }

    /** The statements that set the retention to at least {@code d} on a server like {@code f}. */
    static List<SqlStatement> statements(ServerFacts f, Duration d) {
        if (f.managed()) {
            long hours = (d.toSeconds() + 3599) / 3600;
            return List.of(new SqlStatement("CALL mysql.rds_set_configuration('binlog retention hours', ?)",
                    List.of(hours), "CALL mysql.rds_set_configuration('binlog retention hours', " + hours + ")", null));
        }
        boolean seconds = f.mariaDb() ? f.atLeast(10, 6, 1) : f.atLeast(8, 0, 1);
        if (seconds) {
            return List.of(SqlStatement.of("SET GLOBAL binlog_expire_logs_seconds = " + d.toSeconds()));
        }
        long days = (d.toSeconds() + 86_399) / 86_400;
        return List.of(SqlStatement.of("SET GLOBAL expire_logs_days = " + days));
    }

    /** @return the statement text a person would run, for advice */
    static String statementFor(ServerFacts f, Duration d) {
        return statements(f, d).get(0).display();
    }
}
