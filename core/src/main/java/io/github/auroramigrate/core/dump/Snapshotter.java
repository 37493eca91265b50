package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.internal.manifest.ConsistencyEntry;
import io.github.auroramigrate.core.internal.manifest.Coordinates;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one consistent snapshot on every worker connection and reads the binlog coordinates that match it,
 * with the strongest method the user's privileges allow (docs/dump-format.md, section 6).
 */
final class Snapshotter {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);
    private static final int VERIFY_ATTEMPTS = 5;

    record Outcome(ConsistencyEntry consistency, Coordinates coordinates) {
    }

    private final Connection coordinator;
    private final List<Connection> workers;
    private final List<TableRef> tables;
    private final boolean mariadb;
    private final ServerVersion version;
    private final boolean binlogOn;
    private final String gtidMode;
    private final DumpOptions options;
    private final String job;
    private final List<String> failures = new ArrayList<>();
    private final List<String> coordinateNotes = new ArrayList<>();

    Snapshotter(Connection coordinator, List<Connection> workers, List<TableRef> tables, ServerInfo info, DumpOptions options,
            String job) {
        this.coordinator = coordinator;
        this.workers = workers;
        this.tables = tables;
        this.mariadb = info.flavor() == Flavor.MARIADB;
        this.version = info.version();
        this.binlogOn = info.binlog().enabled();
        this.gtidMode = info.binlog().gtidMode();
        this.options = options;
        this.job = job;
    }

    /** The methods AUTO tries, strongest and least intrusive first. */
    static List<Consistency> candidates(boolean mariadb, boolean binlogOn) {
        List<Consistency> order = new ArrayList<>();
        if (mariadb && binlogOn) {
            order.add(Consistency.VERIFIED_SNAPSHOT);
        }
        if (mariadb) {
            order.add(Consistency.BACKUP_STAGE);
        }
        order.add(Consistency.GLOBAL_READ_LOCK);
        order.add(Consistency.TABLE_LOCKS);
        return order;
    }

    /** What a dry run expects, from the probed privileges (no lock is taken). */
    static ConsistencyEntry predict(ServerInfo info, DumpOptions o) {
        boolean mariadb = info.flavor() == Flavor.MARIADB;
        if (o.consistency() != null) {
            return ConsistencyEntry.of(o.consistency(), "forced by consistency(" + o.consistency() + ")");
        }
        if (mariadb && info.binlog().enabled()) {
            return ConsistencyEntry.of(Consistency.VERIFIED_SNAPSHOT, "expected: MariaDB with the binary log on; if writes "
                    + "keep moving the binlog while the snapshots open, a lock-based method follows");
        }
        boolean reload = info.hasPrivilege("RELOAD") && !info.flavor().isManaged();
        if (reload) {
            return ConsistencyEntry.of(mariadb ? Consistency.BACKUP_STAGE : Consistency.GLOBAL_READ_LOCK,
                    "expected: the user holds RELOAD");
        }
        if (info.hasPrivilege("LOCK TABLES") || info.privileges().isEmpty() || !info.hasPrivilege("RELOAD")) {
            return ConsistencyEntry.of(Consistency.TABLE_LOCKS, "expected: no usable RELOAD privilege"
                    + (info.flavor().isManaged() ? " (" + info.flavor().displayName() + " has no FLUSH TABLES WITH READ LOCK)" : "")
                    + "; needs LOCK TABLES on the dumped schemas");
        }
        return ConsistencyEntry.of(Consistency.NONE, "no consistent method is available to this user");
    }

    Outcome establish() {
        List<Consistency> order = options.consistency() != null ? List.of(options.consistency())
                : candidates(mariadb, binlogOn);
        for (Consistency level : order) {
            try {
                Outcome o = attempt(level);
                if (o != null) {
                    LOG.info("{}: snapshot established with {}{}", job, level,
                            failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")");
                    return o;
                }
            } catch (SQLException e) {
                failures.add(level + " not possible: " + e.getMessage());
                LOG.debug("{}: {} failed: {}", job, level, e.toString());
                cleanUp();
            }
        }
        if (options.consistency() == null && !options.requireConsistency()) {
            try {
                return attempt(Consistency.NONE);
            } catch (SQLException e) {
                failures.add("NONE failed: " + e.getMessage());
            }
        }
        String why = String.join("; ", failures);
        Diagnosis d = new Diagnosis(DiagnosisCode.ACCESS_DENIED_STATEMENT, 0, "",
                "no consistent snapshot method worked for this user: " + why, options.endpoint().describe(), null,
                "Grant the dump user RELOAD (FLUSH TABLES WITH READ LOCK) or LOCK TABLES on the dumped schemas, plus "
                        + "REPLICATION CLIENT to read the binlog position; or accept an inconsistent dump with "
                        + "requireConsistency(false).");
        throw new DumpException(d, null, null, 0);
    }

    /**
     * Takes {@code lock} (when not null), then inside the locked section runs {@code more}, opens the workers'
     * snapshots and reads the coordinates; {@code unlock} always runs once the lock was taken.
     */
    private Outcome snapshotUnderLock(Consistency level, String lock, List<String> more, String unlock) throws SQLException {
        lockTimeout();
        if (lock != null) {
            Sessions.execute(coordinator, lock);
        }
        try {
            for (String sql : more) {
                Sessions.execute(coordinator, sql);
            }
            startSnapshots();
            Coordinates c = coordinates(coordinator);
            return new Outcome(ConsistencyEntry.of(level, note()), c);
        } finally {
            Sessions.execute(coordinator, unlock);
        }
    }

    private Outcome attempt(Consistency level) throws SQLException {
        switch (level) {
            case VERIFIED_SNAPSHOT -> {
                return verified();
            }
            case GLOBAL_READ_LOCK -> {
                return snapshotUnderLock(level, "FLUSH TABLES WITH READ LOCK", List.of(), "UNLOCK TABLES");
            }
            case BACKUP_STAGE -> {
                if (!mariadb) {
                    throw new SQLException("BACKUP STAGE exists on MariaDB only");
                }
                return snapshotUnderLock(level, "BACKUP STAGE START", List.of("BACKUP STAGE BLOCK_COMMIT"), "BACKUP STAGE END");
            }
            case TABLE_LOCKS -> {
                String lock = tables.isEmpty() ? null
                        : "LOCK TABLES " + tables.stream().map(t -> t.qualified() + " READ").collect(Collectors.joining(", "));
                return snapshotUnderLock(level, lock, List.of(), "UNLOCK TABLES");
            }
            case NONE -> {
                startSnapshots();
                return new Outcome(ConsistencyEntry.of(level, note()), coordinates(coordinator));
            }
            default -> throw new IllegalStateException(level.name());
        }
    }

    private String note() {
        List<String> parts = new ArrayList<>();
        if (!failures.isEmpty()) {
            parts.add("Stronger methods were not possible: " + String.join("; ", failures));
        }
        if (!coordinateNotes.isEmpty()) {
            parts.add("Coordinates: " + String.join("; ", coordinateNotes));
        }
        return parts.isEmpty() ? null : String.join(". ", parts);
    }

    private void lockTimeout() throws SQLException {
        Sessions.execute(coordinator, "SET SESSION lock_wait_timeout = " + Math.max(1, options.lockTimeout().toSeconds()));
    }

    /** MariaDB: each snapshot reports its binlog position; equal positions mean identical snapshots. */
    private Outcome verified() throws SQLException {
        if (!mariadb || !binlogOn) {
            throw new SQLException("needs MariaDB with the binary log on");
        }
        for (int attempt = 1; attempt <= VERIFY_ATTEMPTS; attempt++) {
            startSnapshots();
            String file = null;
            long pos = -1;
            boolean same = true;
            for (Connection w : workers) {
                String f = null;
                long p = -1;
                try (Statement s = w.createStatement();
                     ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'")) {
                    while (rs.next()) {
                        String name = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
                        if (name.equals("binlog_snapshot_file")) {
                            f = rs.getString(2);
                        } else if (name.equals("binlog_snapshot_position")) {
                            p = Long.parseLong(rs.getString(2));
                        }
                    }
                }
                if (f == null || f.isEmpty() || p < 0) {
                    rollbackWorkers();
                    throw new SQLException("binlog_snapshot_file/position are not available");
                }
                if (file == null) {
                    file = f;
                    pos = p;
                } else if (!file.equals(f) || pos != p) {
                    same = false;
                }
            }
            if (same) {
                String gtid = null;
                try (java.sql.PreparedStatement ps = coordinator.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
                    ps.setString(1, file);
                    ps.setLong(2, pos);
                    try (ResultSet rs = ps.executeQuery()) {
                        gtid = rs.next() ? rs.getString(1) : null;
                    }
                }
                Coordinates c = new Coordinates(true, file, pos, blankToNull(gtid), "MARIADB", "MARIADB");
                String note = attempt == 1 ? note() : "Verified on attempt " + attempt + ". " + Objects.toString(note(), "");
                return new Outcome(ConsistencyEntry.of(Consistency.VERIFIED_SNAPSHOT, note), c);
            }
            LOG.debug("{}: snapshots differ (writes between them), attempt {}", job, attempt);
            rollbackWorkers();
            try {
                Thread.sleep(20L * attempt); // back off so a burst of commits can pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted");
            }
        }
        throw new SQLException("writes kept moving the binary log while the snapshots opened (" + VERIFY_ATTEMPTS + " attempts)");
    }

    private void startSnapshots() throws SQLException {
        for (Connection w : workers) {
            Sessions.execute(w, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    private void rollbackWorkers() {
        for (Connection w : workers) {
            try {
                Sessions.execute(w, "ROLLBACK");
            } catch (SQLException e) {
                LOG.debug("{}: rollback failed: {}", job, e.toString());
            }
        }
    }

    private void cleanUp() {
        rollbackWorkers();
        for (String sql : new String[] {"UNLOCK TABLES"}) {
            try {
                Sessions.execute(coordinator, sql);
            } catch (SQLException e) {
                LOG.debug("{}: {} failed: {}", job, sql, e.toString());
            }
        }
    }

    /** The binlog coordinates and GTID set now (called while commits are blocked for the dumped tables). */
    private Coordinates coordinates(Connection c) throws SQLException {
        if (!binlogOn) {
            return Coordinates.BINLOG_OFF;
        }
        String file = null;
        Long pos = null;
        String gtid = null;
        boolean newSyntax = !mariadb && version.atLeast(8, 2, 0);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(newSyntax ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS")) {
            if (rs.next()) {
                file = rs.getString(1);
                pos = rs.getLong(2);
                if (!mariadb && rs.getMetaData().getColumnCount() >= 5) {
                    gtid = rs.getString(5);
                }
            }
        } catch (SQLException e) {
            coordinateNotes.add("binlog position not readable (" + e.getMessage() + "; grant REPLICATION CLIENT"
                    + (mariadb ? " / BINLOG MONITOR" : "") + ")");
        }
        if (mariadb) {
            gtid = Sessions.string(c, "SELECT @@GLOBAL.gtid_binlog_pos");
        } else if (gtid == null) {
            gtid = Sessions.string(c, "SELECT @@GLOBAL.gtid_executed");
        }
        return new Coordinates(true, file, pos, blankToNull(gtid), mariadb ? "MARIADB" : "MYSQL", gtidMode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", "");
    }
}
