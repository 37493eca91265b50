package io.github.auroramigrate.replication.preflight;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.internal.Jdbc;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SqlStatement;
import io.github.auroramigrate.replication.internal.SqlLiterals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-flight checks on the source before binary log replication: binary logging on, {@code binlog_format=ROW},
 * a non-zero server_id different from the target's (and distinct server_uuids), binary logs kept at least as long
 * as the planned migration (with the growth rate measured and the volume estimated), and the replication user's
 * privileges and authentication plugin. Each failure carries a diagnosis with the fix.
 *
 * <pre>{@code
 * PreflightReport r = SourcePreflight.of(source)
 *     .target(target)
 *     .replicationUser(ReplicationUser.of("repl", pw))
 *     .plannedDuration(Duration.ofHours(12))
 *     .build().run();
 * r.throwIfFailed();
 * }</pre>
 *
 * <p>Read-only: changes nothing on the servers. Immutable and thread-safe.
 */
public final class SourcePreflight {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePreflight.class);

    private final Endpoint source;
    private final Endpoint target;
    private final ReplicationUser user;
    private final Duration plannedDuration;
    private final Duration growthSample;
    private final boolean gtid;

    private SourcePreflight(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.user = b.user;
        this.plannedDuration = b.plannedDuration;
        this.growthSample = b.growthSample;
        this.gtid = b.gtid;
    }

    /**
     * Starts configuring the checks of {@code source}.
     *
     * @param source the source, as a user that may read global variables and SHOW BINARY LOGS
     * @throws NullPointerException for a null source
     */
    public static Builder of(Endpoint source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /**
     * Runs every check.
     *
     * @return the report (failures are in it, not thrown; see {@link PreflightReport#throwIfFailed()})
     * @throws io.github.auroramigrate.core.diagnose.MigrationException when the source cannot be reached at all
     */
    public PreflightReport run() {
        List<PreflightCheck> checks = new ArrayList<>();
        ServerFacts targetFacts = null;
        long targetServerId = -1;
        String targetUuid = null;
        if (target != null) {
            try (Connection t = target.connect()) {
                targetFacts = ServerFacts.probe(t, target.describe());
                targetServerId = targetFacts.serverId();
                targetUuid = targetFacts.serverUuid();
            } catch (SQLException e) {
                throw Jdbc.failure(e, SqlStatement.of("probe"), target.describe());
            }
        }
        String where = source.describe();
        try (Connection c = source.connect()) {
            ServerFacts facts = ServerFacts.probe(c, where);
            checks.add(binlogOn(facts, where));
            checks.add(binlogFormat(facts, where));
            checks.add(serverId(facts, targetServerId, targetUuid, where));
            if (gtid) {
                checks.add(gtidMode(facts, where));
            }
            Optional<Duration> retention = SourceSettings.retention(c, facts);
            double rate = growthRate(c);
            long estimate = rate < 0 ? -1 : (long) (rate * plannedDuration.toSeconds());
            checks.add(retentionCheck(c, facts, retention, rate, estimate, where));
            if (user != null) {
                checks.add(userPrivileges(c, facts, where));
                if (targetFacts != null && !facts.mariaDb()) {
                    checks.add(userPlugin(c, targetFacts, where));
                }
            }
            PreflightReport r = new PreflightReport(checks, plannedDuration, retention, rate, estimate);
            LOG.info("source pre-flight on {}: {}", where, r.passed() ? "passed" : "FAILED " + r.failures().stream()
                    .map(d -> d.code().name()).toList());
            return r;
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("source pre-flight"), where);
        }
    }

    private static PreflightCheck binlogOn(ServerFacts f, String where) {
        if (f.info().binlog().enabled()) {
            return PreflightCheck.ok("log_bin", "log_bin=ON");
        }
        return PreflightCheck.fail("log_bin", "log_bin=OFF", parameterGroup(f, diag(DiagnosisCode.BINLOG_DISABLED,
                "Binary logging is off on " + where, where)));
    }

    private static PreflightCheck binlogFormat(ServerFacts f, String where) {
        String v = f.info().binlog().format().toUpperCase(Locale.ROOT);
        if (v.equals("ROW")) {
            return PreflightCheck.ok("binlog_format", "binlog_format=ROW");
        }
        return PreflightCheck.fail("binlog_format", "binlog_format=" + v, parameterGroup(f,
                diag(DiagnosisCode.BINLOG_FORMAT_NOT_ROW, "binlog_format is " + v + " on " + where, where)));
    }

    private static PreflightCheck serverId(ServerFacts f, long targetId, String targetUuid, String where) {
        String detail = "server_id=" + f.serverId() + (targetId >= 0 ? ", target server_id=" + targetId : "");
        if (f.serverId() == 0) {
            return PreflightCheck.fail("server_id", detail, diag(DiagnosisCode.REPLICATION_SERVER_ID_CONFLICT,
                    "server_id is 0 on " + where + ": a source with server_id 0 refuses replicas", where));
        }
        if (targetId >= 0 && targetId == f.serverId()) {
            return PreflightCheck.fail("server_id", detail, diag(DiagnosisCode.REPLICATION_SERVER_ID_CONFLICT,
                    "Source and target both have server_id " + f.serverId(), where));
        }
        if (targetUuid != null && targetUuid.equalsIgnoreCase(f.serverUuid())) {
            return PreflightCheck.fail("server_id", detail + ", server_uuid=" + targetUuid,
                    diag(DiagnosisCode.REPLICATION_SERVER_ID_CONFLICT,
                            "Source and target have the same server_uuid " + targetUuid + " (cloned data directory)", where));
        }
        return PreflightCheck.ok("server_id", detail);
    }

    private static PreflightCheck gtidMode(ServerFacts f, String where) {
        if (f.mariaDb()) {
            return PreflightCheck.ok("gtid_mode", "MariaDB GTIDs are always on");
        }
        String v = f.info().binlog().gtidMode().toUpperCase(Locale.ROOT);
        if (v.equals("ON")) {
            return PreflightCheck.ok("gtid_mode", "gtid_mode=ON");
        }
        return PreflightCheck.fail("gtid_mode", "gtid_mode=" + v, diag(DiagnosisCode.GTID_NOT_AVAILABLE,
                "gtid_mode is " + v + " on " + where, where));
    }

    /** Bytes per second the binary logs grew over the sample window; -1 when not measured or not readable. */
    private double growthRate(Connection c) {
        if (growthSample.isZero()) {
            return -1;
        }
        long before = SourceSettings.binlogBytes(c);
        long t0 = System.nanoTime();
        try {
            Thread.sleep(growthSample.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        long after = SourceSettings.binlogBytes(c);
        if (before < 0 || after < 0) {
            return -1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // A purge during the window makes the total shrink: report no growth rather than a negative rate.
        return Math.max(0, after - before) / seconds;
    }

    private PreflightCheck retentionCheck(Connection c, ServerFacts f, Optional<Duration> retention, double rate,
            long estimate, String where) {
        String growth = rate < 0 ? "growth not measured" : String.format(Locale.ROOT,
                "binary logs grow %.0f bytes/s, about %d MB over %s", rate, estimate / (1024 * 1024), plannedDuration);
        String kept = retention.map(d -> "kept " + d).orElse("never purged by age");
        long sizeCap = SourceSettings.totalSizeLimit(c, f);
        if (retention.isPresent() && retention.get().compareTo(plannedDuration) < 0) {
            return PreflightCheck.fail("binlog retention", kept + "; " + growth,
                    diag(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT, "Binary logs on " + where + " are " + kept
                            + " but the migration is planned to need them for " + Human.duration(plannedDuration) + "; " + growth, where)
                            .withAdvice("Here: " + BinlogRetention.statementFor(f, plannedDuration) + "."));
        }
        if (sizeCap > 0 && estimate > sizeCap) {
            return PreflightCheck.fail("binlog retention", kept + ", capped at " + sizeCap + " bytes; " + growth,
                    diag(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT, "max_binlog_total_size=" + sizeCap + " on " + where
                            + " purges binary logs before the estimated " + estimate + " bytes are written", where)
                            .withAdvice("Raise max_binlog_total_size above the estimate, or set it to 0."));
        }
        return PreflightCheck.ok("binlog retention", kept + "; " + growth);
    }

    private PreflightCheck userPrivileges(Connection c, ServerFacts f, String where) throws SQLException {
        String account = SqlLiterals.literal(user.name(), f.noBackslashEscapes()) + "@"
                + SqlLiterals.literal(user.host(), f.noBackslashEscapes());
        List<String> grants = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS FOR " + account)) {
            while (rs.next()) {
                grants.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1141) {
                return PreflightCheck.fail("replication user", user.account() + " does not exist",
                        diag(DiagnosisCode.REPLICATION_PRIVILEGE_MISSING, "The replication user " + user.account()
                                + " does not exist on " + where, where));
            }
            throw e;
        }
        boolean slave = grants.stream().anyMatch(g -> g.contains(" ON *.* ") && (g.contains("REPLICATION SLAVE")
                || g.contains("ALL PRIVILEGES")));
        if (!slave) {
            return PreflightCheck.fail("replication user", String.join(" | ", grants),
                    diag(DiagnosisCode.REPLICATION_PRIVILEGE_MISSING, user.account() + " lacks REPLICATION SLAVE ON *.* on "
                            + where, where));
        }
        return PreflightCheck.ok("replication user", user.account() + " has REPLICATION SLAVE");
    }

    private PreflightCheck userPlugin(Connection c, ServerFacts target, String where) throws SQLException {
        String plugin;
        try (PreparedStatement ps = c.prepareStatement("SELECT plugin FROM mysql.user WHERE user = ? AND host = ?")) {
            ps.setString(1, user.name());
            ps.setString(2, user.host());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return PreflightCheck.ok("replication user plugin", "not readable");
                }
                plugin = rs.getString(1);
            }
        } catch (SQLException e) {
            return PreflightCheck.ok("replication user plugin", "not readable (" + e.getErrorCode() + ")");
        }
        boolean oldReplica = target.mariaDb() || !target.atLeast(8, 0, 0);
        if ("caching_sha2_password".equals(plugin) && oldReplica) {
            return PreflightCheck.fail("replication user plugin", plugin, diag(DiagnosisCode.REPLICATION_CHANNEL_SECURITY,
                    user.account() + " uses caching_sha2_password, which a " + target.describe() + " replica cannot use",
                    where).withAdvice("ALTER USER " + user.account() + " IDENTIFIED WITH mysql_native_password BY '...'."));
        }
        return PreflightCheck.ok("replication user plugin", plugin);
    }

    /**
     * Aurora and RDS take binary log settings from a parameter group only (SET GLOBAL is refused), and Aurora MySQL
     * writes a binary log at all only when the cluster parameter group sets binlog_format - which a source for reverse
     * replication from Aurora needs.
     */
    private static Diagnosis parameterGroup(ServerFacts f, Diagnosis d) {
        if (!f.managed()) {
            return d;
        }
        return d.withAdvice("This is Aurora/RDS: set binlog_format=ROW in the DB cluster parameter group (Aurora; the "
                + "DB parameter group on RDS), which also turns binary logging on, then reboot the writer instance; "
                + "SET GLOBAL is not allowed there.");
    }

    private static Diagnosis diag(DiagnosisCode code, String message, String where) {
        return Diagnosis.of(code, message).withEndpoint(where);
    }

    /** Builds a {@link SourcePreflight}. Not thread-safe. */
    public static final class Builder {
        private final Endpoint source;
        private Endpoint target;
        private ReplicationUser user;
        private Duration plannedDuration = Duration.ofHours(24);
        private Duration growthSample = Duration.ofSeconds(2);
        private boolean gtid;

        private Builder(Endpoint source) {
            this.source = source;
        }

        /** The target, to compare server ids and check the user's plugin against its version. Default none. */
        public Builder target(Endpoint target) {
            this.target = target;
            return this;
        }

        /** The replication user whose privileges to check. Default none (not checked). */
        public Builder replicationUser(ReplicationUser user) {
            this.user = user;
            return this;
        }

        /**
         * How long the migration needs the source's binary logs: dump, load and catch-up, with a margin. Default
         * 24 hours; must be positive.
         */
        public Builder plannedDuration(Duration d) {
            this.plannedDuration = d;
            return this;
        }

        /** How long to watch the binary logs grow to estimate their rate; zero skips it. Default 2 seconds. */
        public Builder growthSample(Duration d) {
            this.growthSample = d;
            return this;
        }

        /** Whether replication will use GTIDs (then gtid_mode must be ON). Default false. */
        public Builder gtid(boolean gtid) {
            this.gtid = gtid;
            return this;
        }

        /**
         * @throws NullPointerException     for a null planned duration or growth sample
         * @throws IllegalArgumentException for a non-positive planned duration or a negative sample
         */
        public SourcePreflight build() {
            Objects.requireNonNull(plannedDuration, "plannedDuration");
            Objects.requireNonNull(growthSample, "growthSample");
            if (plannedDuration.isNegative() || plannedDuration.isZero()) {
                throw new IllegalArgumentException("plannedDuration must be positive");
            }
            if (growthSample.isNegative()) {
                throw new IllegalArgumentException("growthSample must not be negative");
            }
            return new SourcePreflight(this);
        }
    }
}
