package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    public static final String SCHEMA = io.github.auroramigrate.core.sql.SystemSchemas.LIBRARY;
    /** The journal table. */
    public static final String TABLE = "load_progress";
    private static final String QUALIFIED = "`" + SCHEMA + "`.`" + TABLE + "`";
    /** What the journal's statements need on its schema (DROP: scratch tables that compare existing definitions). */
    private static final String PRIVILEGES = "CREATE, DROP, SELECT, INSERT, UPDATE, DELETE";
    private static final Pattern ACCOUNT = Pattern.compile("user '([^']*)'@'([^']*)'");

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
        } catch (SQLException e) {
            throw needing(e, "CREATE");
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
        } catch (SQLException e) {
            throw needing(e, "SELECT");
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
        } catch (SQLException e) {
            throw needing(e, "INSERT");
        }
    }

    /** @return the ids of all committed chunks of this job (empty when the journal table does not exist yet) */
    public Set<String> loadedChunks(Connection c) throws SQLException {
        try {
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
        } catch (SQLException e) {
            throw needing(e, "SELECT");
        }
    }

    /**
     * @return every entry of this job: chunk or object key to its recorded checksum (for objects, the digest of the
     *         DDL text that created them), empty when the journal table does not exist yet
     */
    public Map<String, String> entries(Connection c) throws SQLException {
        try {
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
        } catch (SQLException e) {
            throw needing(e, "SELECT");
        }
    }

    /**
     * @param table {@code schema.table}, as chunks name it
     * @return the rows of the table's data chunks this job committed, or -1 when it committed none
     */
    public long rowsOf(Connection c, String table) throws SQLException {
        try {
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
        } catch (SQLException e) {
            throw needing(e, "SELECT");
        }
    }

    /** Replaces the recorded checksum of an entry (autocommit as set on c). */
    public void updateChecksum(Connection c, String chunkId, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + QUALIFIED + " SET checksum = ? WHERE job_id = ? AND chunk_id = ?")) {
            ps.setString(1, checksum);
            ps.setString(2, jobId);
            ps.setString(3, chunkId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw needing(e, "UPDATE");
        }
    }

    /** Forgets every chunk of this job, so that the next load runs it from scratch (autocommit as set on c). */
    public int clear(Connection c) throws SQLException {
        try {
            if (!exists(c)) {
                return 0;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + QUALIFIED + " WHERE job_id = ?")) {
                ps.setString(1, jobId);
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw needing(e, "DELETE");
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
     * Marks a failure of one of the journal's own statements with the privilege it needed, so that a missing privilege
     * is told apart from one of the load's statements (whose schema may even be called {@code aurora_migrate_shop}).
     * The exception itself is rethrown unchanged: its type, number and cause decide retries and diagnoses as before.
     */
    private static SQLException needing(SQLException e, String privilege) {
        e.addSuppressed(new JournalStatement(privilege));
        return e;
    }

    /** The marker {@link #needing} attaches; carries no stack trace. */
    private static final class JournalStatement extends Exception {
        private static final long serialVersionUID = 1L;

        JournalStatement(String privilege) {
            super(privilege, null, false, false);
        }
    }

    /**
     * @return a JOURNAL_PRIVILEGE failure naming the privilege, the schema and the grant to run when {@code e} is a
     *         missing privilege (1044, 1142, 1143) on a statement of the journal itself, else null
     */
    static LoadException privilegeFailure(SQLException e, String endpoint) {
        int n = e.getErrorCode();
        String privilege = null;
        for (Throwable t = e; t != null && privilege == null; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof JournalStatement j) {
                    privilege = j.getMessage();
                }
            }
        }
        if (privilege == null || (n != 1044 && n != 1142 && n != 1143)) {
            return null;
        }
        Matcher account = ACCOUNT.matcher(String.valueOf(e.getMessage()));
        String user = endpoint == null || endpoint.lastIndexOf('@') < 0 ? null : endpoint.substring(0, endpoint.lastIndexOf('@'));
        // 1044 names the account the privileges belong to; 1142 names the client's host instead
        String grantee = n == 1044 && account.find() ? "'" + account.group(1) + "'@'" + account.group(2) + "'"
                : user == null ? "the loading account" : "'" + user.replace("'", "''") + "'@'<its host>'";
        String message = "the load keeps its journal in `" + SCHEMA + "`.`" + TABLE + "` on the target and needs the "
                + privilege + " privilege on `" + SCHEMA + "`.*, which the loading user lacks (error " + n + ": "
                + e.getMessage() + ")";
        String remedy = "As an administrator, grant the loading user what the journal needs: GRANT " + PRIVILEGES + " ON `"
                + SCHEMA + "`.* TO " + grantee + (grantee.contains("<its host>") ? " (SELECT CURRENT_USER() as that user "
                + "names the account)" : "") + "; that also lets it create the schema. Then run the load again: it resumes "
                + "where it stopped.";
        return new LoadException(new Diagnosis(DiagnosisCode.JOURNAL_PRIVILEGE, n, e.getSQLState(), message, endpoint, null,
                remedy), null, null, e);
    }

    @Override
    public String toString() {
        return "LoadJournal{" + jobId + "}";
    }
}
