package io.github.auroramigrate.core.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The record, kept on the target itself, of which chunks of a load job are committed: table
 * {@code aurora_migrate.load_progress(job_id, chunk_id, table_name, rows_loaded, checksum, loaded_at)} with primary
 * key {@code (job_id, chunk_id)}. A chunk's journal row is inserted in the same transaction as the chunk's rows, so
 * after any crash either both are committed or neither is: a resumed load skips exactly the committed chunks. The
 * primary key also stops two loaders running the same job from committing a chunk twice (the second one's insert
 * fails and its transaction is rolled back).
 *
 * <pre>{@code
 * LoadJournal journal = LoadJournal.of("job-2024-05-01");
 * Set<String> done = journal.loadedChunks(connection);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the connections passed in are used by the calling thread only.
 */
public final class LoadJournal {
    /** The schema holding the journal table. */
    public static final String SCHEMA = "aurora_migrate";
    /** The journal table. */
    public static final String TABLE = "load_progress";
    private static final String QUALIFIED = "`" + SCHEMA + "`.`" + TABLE + "`";

    private final String jobId;

    private LoadJournal(String jobId) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank() || jobId.length() > 64) {
            throw new IllegalArgumentException("jobId must be 1..64 characters: '" + jobId + "'");
        }
    }

    /**
     * @param jobId the load job (1..64 characters)
     * @return the journal of that job
     */
    public static LoadJournal of(String jobId) {
        return new LoadJournal(jobId);
    }

    /** @return the job id */
    public String jobId() {
        return jobId;
    }

    /** Creates the journal schema and table if missing (DDL: commits implicitly). */
    public void ensureExists(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + SCHEMA + "`");
            st.execute("CREATE TABLE IF NOT EXISTS " + QUALIFIED + " ("
                    + "job_id VARCHAR(64) NOT NULL, chunk_id VARCHAR(190) NOT NULL, table_name VARCHAR(200) NOT NULL, "
                    + "rows_loaded BIGINT NOT NULL, checksum VARCHAR(128) NOT NULL, "
                    + "loaded_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
                    + "PRIMARY KEY (job_id, chunk_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    /** @return whether the chunk is committed, as seen by the connection's current transaction */
    public boolean isLoaded(Connection c, String chunkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + QUALIFIED + " WHERE job_id = ? AND chunk_id = ?")) {
            ps.setString(1, jobId);
            ps.setString(2, chunkId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records the chunk as loaded, in the connection's current transaction (the caller commits). */
    public void record(Connection c, String chunkId, String table, long rows, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + QUALIFIED
                + " (job_id, chunk_id, table_name, rows_loaded, checksum) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, jobId);
            ps.setString(2, chunkId);
            ps.setString(3, table.length() > 200 ? table.substring(0, 200) : table);
            ps.setLong(4, rows);
            ps.setString(5, checksum == null ? "" : checksum);
            ps.executeUpdate();
        }
    }

    /** @return the ids of all committed chunks of this job (empty when the journal table does not exist yet) */
    public Set<String> loadedChunks(Connection c) throws SQLException {
        Set<String> ids = new HashSet<>();
        if (!exists(c)) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk_id FROM " + QUALIFIED + " WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * @return every entry of this job: chunk or object key to its recorded checksum (for objects, the digest of the
     *         DDL text that created them), empty when the journal table does not exist yet
     */
    public Map<String, String> entries(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (!exists(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT chunk_id, checksum FROM " + QUALIFIED + " WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * @param table {@code schema.table}, as chunks name it
     * @return the rows of the table's data chunks this job committed, or -1 when it committed none
     */
    public long rowsOf(Connection c, String table) throws SQLException {
        if (!exists(c)) {
            return -1;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(rows_loaded), 0) FROM " + QUALIFIED
                + " WHERE job_id = ? AND table_name = ? AND chunk_id NOT LIKE 'obj:%' AND chunk_id NOT LIKE 'ddl:%'"
                + " AND chunk_id NOT LIKE 'index:%'")) {
            ps.setString(1, jobId);
            ps.setString(2, table.length() > 200 ? table.substring(0, 200) : table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 ? -1 : rs.getLong(2);
            }
        }
    }

    /** Replaces the recorded checksum of an entry (autocommit as set on c). */
    public void updateChecksum(Connection c, String chunkId, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + QUALIFIED + " SET checksum = ? WHERE job_id = ? AND chunk_id = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, jobId);
            ps.setString(3, chunkId);
            ps.executeUpdate();
        }
    }

    /** Forgets every chunk of this job, so that the next load runs it from scratch (autocommit as set on c). */
    public int clear(Connection c) throws SQLException {
        if (!exists(c)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + QUALIFIED + " WHERE job_id = ?")) {
            ps.setString(1, jobId);
            return ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, SCHEMA);
            ps.setString(2, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * @return a JOURNAL_PRIVILEGE failure when {@code e} is a missing privilege (1044, 1142, 1143) on the journal
     *         schema, else null
     */
    static LoadException privilegeFailure(SQLException e, String endpoint) {
        int n = e.getErrorCode();
        String message = String.valueOf(e.getMessage());
        if ((n != 1044 && n != 1142 && n != 1143) || !message.contains(SCHEMA)) {
            return null;
        }
        return new LoadException(io.github.auroramigrate.core.diagnose.Diagnosis.of(
                io.github.auroramigrate.core.diagnose.DiagnosisCode.JOURNAL_PRIVILEGE, "the load keeps its journal in "
                        + "the schema `" + SCHEMA + "` on the target and was refused (error " + n + ": " + message + ")")
                .withEndpoint(endpoint).withAdvice("Grant the loading user CREATE, SELECT, INSERT, UPDATE and DELETE on `"
                        + SCHEMA + "`.* (GRANT CREATE, SELECT, INSERT, UPDATE, DELETE ON `" + SCHEMA + "`.* TO 'user'@'host'),"
                        + " or create the schema beforehand and grant those privileges on it."), null, null, e);
    }

    @Override
    public String toString() {
        return "LoadJournal{" + jobId + "}";
    }
}
