package io.github.auroramigrate.replication.preflight;

import io.github.auroramigrate.replication.internal.ServerFacts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reads the source's binary log retention, in whichever variable or RDS setting holds it. Package-private helper. */
final class SourceSettings {
    private SourceSettings() {
    }

    /**
     * @return how long binary logs are kept; empty when they are never purged by age. On RDS/Aurora an unset
     *         'binlog retention hours' means "purge as soon as possible", reported as zero.
     */
    static Optional<Duration> retention(Connection c, ServerFacts facts) throws SQLException {
        if (facts.managed() && facts.rdsProcedures().containsKey("rds_show_configuration")) {
            Optional<String> hours = rdsConfiguration(c, "binlog retention hours");
            return Optional.of(hours.filter(h -> !h.isBlank() && !h.equalsIgnoreCase("NULL"))
                    .map(h -> Duration.ofHours(Long.parseLong(h.trim()))).orElse(Duration.ZERO));
        }
        Optional<Long> seconds = number(c, "binlog_expire_logs_seconds");
        Optional<Long> days = number(c, "expire_logs_days");
        if (facts.mariaDb()) {
            // MariaDB keeps the two in sync; either is the retention.
            long s = seconds.orElse(days.orElse(0L) * 86_400L);
            return s == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        }
        if (seconds.isPresent() && seconds.get() > 0) {
            return Optional.of(Duration.ofSeconds(seconds.get()));
        }
        if (days.isPresent() && days.get() > 0) {
            return Optional.of(Duration.ofDays(days.get()));
        }
        return Optional.empty();
    }

    /** @return MariaDB's size cap on all binary logs (max_binlog_total_size / binlog_space_limit), 0 when none */
    static long totalSizeLimit(Connection c, ServerFacts facts) {
        if (!facts.mariaDb()) {
            return 0;
        }
        return number(c, "max_binlog_total_size").or(() -> number(c, "binlog_space_limit")).orElse(0L);
    }

    static Optional<Long> number(Connection c, String variable) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@GLOBAL." + variable)) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty(); // variable does not exist in this version
        }
    }

    static Optional<String> rdsConfiguration(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            boolean rsNext = st.execute("CALL mysql.rds_show_configuration");
            while (true) {
                if (rsNext) {
                    try (ResultSet rs = st.getResultSet()) {
                        while (rs.next()) {
                            if (name.equalsIgnoreCase(rs.getString(1).trim())) {
                                return Optional.ofNullable(rs.getString(2));
                            }
                        }
                    }
                } else if (st.getUpdateCount() == -1) {
                    return Optional.empty();
                }
                rsNext = st.getMoreResults();
            }
        }
    }

    /** @return the total size of the binary logs now (SHOW BINARY LOGS), or -1 when not readable */
    static long binlogBytes(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            long total = 0;
            while (rs.next()) {
                total += rs.getLong("File_size");
            }
            return total;
        } catch (SQLException e) {
            return -1;
        }
    }

    static String variable(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@GLOBAL." + name)) {
            rs.next();
            String v = rs.getString(1);
            return v == null ? "" : v.toUpperCase(Locale.ROOT);
        }
    }
}
