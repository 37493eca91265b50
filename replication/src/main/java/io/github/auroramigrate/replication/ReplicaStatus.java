package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.BinlogPosition;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of a replica's status ({@code SHOW SLAVE STATUS} / {@code SHOW REPLICA STATUS}), typed, with the
 * old and the new column names read alike: {@code Slave_IO_Running} or {@code Replica_IO_Running},
 * {@code Exec_Master_Log_Pos} or {@code Exec_Source_Log_Pos}, {@code Seconds_Behind_Master} or
 * {@code Seconds_Behind_Source}, and so on; MariaDB's {@code Using_Gtid}/{@code Gtid_IO_Pos} too.
 *
 * <pre>{@code
 * ReplicaStatus s = repl.status();
 * if (s.running() && s.secondsBehindSource().map(Duration::isZero).orElse(false)) { ... }
 * s.executed();   // Relay_Master_Log_File : Exec_Master_Log_Pos, the source position applied so far
 * }</pre>
 *
 * <p>A target with no replication configured gives a status whose {@link #configured()} is false. The complete row,
 * under the server's own column names, is in {@link #raw()}. Immutable and thread-safe.
 */
public final class ReplicaStatus {
    private final Map<String, String> raw;

    private ReplicaStatus(Map<String, String> raw) {
        this.raw = raw;
    }

    /**
     * Reads a status row.
     *
     * @param row column label to value (null for SQL NULL), as the server returned it; may be empty when the
     *            target has no replication configured
     * @return the typed status
     */
    public static ReplicaStatus fromRow(Map<String, String> row) {
        return new ReplicaStatus(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }

    /** @return the status of a target on which no replication is configured */
    public static ReplicaStatus notConfigured() {
        return new ReplicaStatus(Map.of());
    }

    /** @return whether replication is configured on the target at all */
    public boolean configured() {
        return !raw.isEmpty();
    }

    /** @return the full row under the server's column names (unmodifiable) */
    public Map<String, String> raw() {
        return raw;
    }

    /**
     * A column by either of its names: give the old name ({@code Slave_}/{@code Master_}); the new
     * ({@code Replica_}/{@code Source_}) spelling is tried as well.
     *
     * @return the value, or null when absent or NULL
     */
    public String column(String oldName) {
        String v = raw.get(oldName);
        if (v == null) {
            v = raw.get(newName(oldName));
        }
        return v;
    }

    static String newName(String oldName) {
        return oldName.replace("Slave", "Replica").replace("slave", "replica").replace("Master", "Source")
                .replace("master", "source");
    }

    private String text(String oldName) {
        String v = column(oldName);
        return v == null ? "" : v;
    }

    private long number(String oldName) {
        String v = column(oldName);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return I/O thread state text (Slave_IO_State / Replica_IO_State), e.g. "Waiting for source to send event" */
    public String ioState() {
        return text("Slave_IO_State");
    }

    /** @return whether the I/O thread runs, connects, or is stopped */
    public ThreadState ioThread() {
        return ThreadState.parse(column("Slave_IO_Running"));
    }

    /** @return whether the SQL (applier) thread runs or is stopped */
    public ThreadState sqlThread() {
        return ThreadState.parse(column("Slave_SQL_Running"));
    }

    /** @return SQL thread state text (Slave_SQL_Running_State / Replica_SQL_Running_State) */
    public String sqlState() {
        return text("Slave_SQL_Running_State");
    }

    /** @return the source host the replica connects to */
    public String sourceHost() {
        return text("Master_Host");
    }

    /** @return the source port the replica connects to */
    public int sourcePort() {
        return (int) number("Master_Port");
    }

    /** @return the replication user */
    public String sourceUser() {
        return text("Master_User");
    }

    /** @return how far the I/O thread has read the source's binary log (Master_Log_File : Read_Master_Log_Pos) */
    public Optional<BinlogPosition> received() {
        return position("Master_Log_File", "Read_Master_Log_Pos");
    }

    /**
     * @return how far the SQL thread has applied the source's binary log (Relay_Master_Log_File :
     *         Exec_Master_Log_Pos); this is the position to compare with the source's own
     */
    public Optional<BinlogPosition> executed() {
        return position("Relay_Master_Log_File", "Exec_Master_Log_Pos");
    }

    private Optional<BinlogPosition> position(String fileColumn, String posColumn) {
        String file = column(fileColumn);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BinlogPosition(file.trim(), number(posColumn)));
    }

    /**
     * @return Seconds_Behind_Master / Seconds_Behind_Source; empty when NULL (the SQL thread is not running, or it
     *         applied everything while the I/O thread is down). It reads 0 while the applier waits for the I/O
     *         thread and is measured from event timestamps: use the heartbeat lag for the truth.
     */
    public Optional<Duration> secondsBehindSource() {
        String v = column("Seconds_Behind_Master");
        if (v == null || v.isBlank() || v.equalsIgnoreCase("NULL")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return Last_IO_Errno, 0 when none */
    public int lastIoErrno() {
        return (int) number("Last_IO_Errno");
    }

    /** @return Last_IO_Error text, empty when none */
    public String lastIoError() {
        return text("Last_IO_Error");
    }

    /** @return Last_SQL_Errno, 0 when none */
    public int lastSqlErrno() {
        return (int) number("Last_SQL_Errno");
    }

    /** @return Last_SQL_Error text, empty when none */
    public String lastSqlError() {
        return text("Last_SQL_Error");
    }

    /** @return Retrieved_Gtid_Set (MySQL), empty when none or unknown */
    public String retrievedGtidSet() {
        return text("Retrieved_Gtid_Set").replaceAll("\\s+", "");
    }

    /** @return Executed_Gtid_Set (MySQL), empty when none or unknown */
    public String executedGtidSet() {
        return text("Executed_Gtid_Set").replaceAll("\\s+", "");
    }

    /** @return whether the channel uses GTID auto-positioning (MySQL Auto_Position=1, MariaDB Using_Gtid not No) */
    public boolean usesGtid() {
        if (number("Auto_Position") == 1) {
            return true;
        }
        String usingGtid = text("Using_Gtid");
        return !usingGtid.isEmpty() && !usingGtid.equalsIgnoreCase("No");
    }

    /** @return total size of the relay logs in bytes (Relay_Log_Space) */
    public long relayLogSpace() {
        return number("Relay_Log_Space");
    }

    /** @return whether both threads are running */
    public boolean running() {
        return ioThread() == ThreadState.RUNNING && sqlThread() == ThreadState.RUNNING;
    }

    /** @return whether either thread reports an error */
    public boolean failed() {
        return lastIoErrno() != 0 || lastSqlErrno() != 0;
    }

    /**
     * @return whether the SQL thread has applied everything the I/O thread has received (the replica may still be
     *         behind the source if the I/O thread is)
     */
    public boolean appliedAllReceived() {
        return received().isPresent() && received().equals(executed());
    }

    @Override
    public String toString() {
        if (!configured()) {
            return "ReplicaStatus{not configured}";
        }
        return "ReplicaStatus{io=" + ioThread() + ", sql=" + sqlThread() + ", received=" + received().orElse(null)
                + ", executed=" + executed().orElse(null) + ", behind=" + secondsBehindSource().map(Duration::toString)
                .orElse("NULL") + (lastIoErrno() != 0 ? ", ioError=" + lastIoErrno() : "")
                + (lastSqlErrno() != 0 ? ", sqlError=" + lastSqlErrno() : "") + ", sqlState='" + sqlState() + "'}";
    }
}
