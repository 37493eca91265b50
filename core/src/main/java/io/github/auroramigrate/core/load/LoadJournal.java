package io.github.auroramigrate.core.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
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

    @Override
    public String toString() {
        return "LoadJournal{" + jobId + "}";
    }
}
