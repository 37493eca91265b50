package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ReplicationHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concrete evidence added to a diagnosis where the library can look: for a purged binary log by position, which
 * files the source still has and whether the next one is there; for purged GTIDs, which GTIDs the source purged and
 * which of them the target lacks; for 1062 on a one-column key, whether the conflicting row is on the target.
 * Evidence that cannot be gathered leaves the diagnosis as it is. Stateless.
 */
public final class DiagnosisEvidence {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisEvidence.class);

    private DiagnosisEvidence() {
    }

    /**
     * Diagnoses the replica now: every finding of {@link StatusDiagnoser} with its evidence.
     *
     * @return the status and the findings
     */
    public static ReplicationHealth health(ReplicaChannel ch) {
        ReplicaStatus s = ch.status();
        String worker;
        try (Connection c = ch.connection()) {
            worker = ApplierSampler.workerError(c, s);
        } catch (SQLException e) {
            worker = null;
        }
        List<Diagnosis> findings = new ArrayList<>();
        for (Diagnosis d : StatusDiagnoser.diagnose(s, worker, ch.target())) {
            findings.add(enrich(ch, d, s, worker));
        }
        return new ReplicationHealth(s, findings);
    }

    /** @return {@code d} with evidence added, or {@code d} itself */
    public static Diagnosis enrich(ReplicaChannel ch, Diagnosis d, ReplicaStatus s, String worker) {
        try {
            Optional<SourceLogs> source = ch.source();
            if (d.code() == DiagnosisCode.REPLICATION_BINLOG_PURGED && source.isPresent() && s.received().isPresent()) {
                return d.withAdvice(PurgedLogs.analyse(s.received().get(), source.get().binaryLogs()).purgedAdvice());
            }
            if (d.code() == DiagnosisCode.REPLICATION_GTIDS_PURGED && source.isPresent()) {
                SourceLogs.PurgedGtids p = source.get().purgedGtids(s.executedGtidSet());
                return d.withAdvice("The source (server_uuid " + p.sourceUuid() + ") has purged " + p.purged()
                        + (p.missing().isEmpty() ? "" : "; of those the target has not executed " + p.missing())
                        + ". A new dump and replication from its GTID set, or a re-sync of the tables those transactions "
                        + "changed, is the way out; skipToNextLogFile() does not apply to auto-positioning.");
            }
            if (d.code() == DiagnosisCode.REPLICATION_DUPLICATE_KEY) {
                ApplierError e = ApplierError.parse(worker != null ? worker : s.lastSqlError());
                return conflictingRow(ch, e).map(d::withAdvice).orElse(d);
            }
        } catch (RuntimeException e) {
            LOG.debug("{}: could not gather evidence for {}: {}", ch.name(), d.code(), e.toString());
        }
        return d;
    }

    /** For 1062 on a one-column key: whether the conflicting row is on the target, and how to see it. */
    private static Optional<String> conflictingRow(ReplicaChannel ch, ApplierError e) {
        if (e.schema().isEmpty() || e.keyName().isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = ch.connection()) {
            List<Map<String, String>> cols = Jdbc.rows(c, new SqlStatement("SELECT COLUMN_NAME FROM"
                    + " information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = ?"
                    + " ORDER BY SEQ_IN_INDEX", List.of(e.schema(), e.tableName(), e.bareKeyName()), "key columns", null),
                    ch.target(), 16);
            if (cols.size() != 1) {
                return Optional.empty();
            }
            String column = cols.get(0).get("COLUMN_NAME");
            String where = SqlText.quoteIdentifier(e.schema()) + "." + SqlText.quoteIdentifier(e.tableName()) + " WHERE "
                    + SqlText.quoteIdentifier(column) + " = ";
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + where + "?")) {
                ps.setString(1, e.keyValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    boolean present = rs.getLong(1) > 0;
                    return Optional.of("Check: SELECT * FROM " + where + SqlLiterals.literal(e.keyValue(), false)
                            + "; - the row " + (present ? "IS present on the target (someone wrote it there)."
                            : "is not present now."));
                }
            }
        } catch (SQLException ex) {
            return Optional.empty();
        }
    }
}
