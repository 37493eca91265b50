package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before auto-positioning from a dump's GTID set: marks on the target the part of the set it lacks as applied
 * ({@code gtid_slave_pos} on MariaDB, {@code gtid_purged} on MySQL, {@code mysql.rds_gtid_purged} on Aurora MySQL 3).
 * Only what the target lacks: appending GTIDs it has executed already is an error, and a re-dump of a replica that
 * already applied part of the set is normal. Refusals come before anything changes. Stateless.
 */
public final class GtidStart {
    private static final Logger LOG = LoggerFactory.getLogger(GtidStart.class);

    private GtidStart() {
    }

    /**
     * @throws ReplicationException REPLICATION_UNSUPPORTED where the dialect cannot mark GTIDs (Aurora MySQL 2),
     *                              GTID_NOT_AVAILABLE when gtid_mode is not ON or 5.7 cannot set gtid_purged
     */
    public static void prepare(ReplicaChannel ch, GtidSet gtids) {
        DialectSql sql = ch.sql();
        if (sql.dialect() == Dialect.MARIADB) {
            sql.setGtidPurged(gtids, true).forEach(ch::run);
            return;
        }
        try (Connection c = ch.connection()) {
            Map<String, String> row = Jdbc.firstRow(c, new SqlStatement("SELECT @@GLOBAL.gtid_mode AS m,"
                    + " GTID_SUBTRACT(?, @@GLOBAL.gtid_executed) AS missing, @@GLOBAL.gtid_executed = '' AS executed_empty",
                    List.of(gtids.text()), "GTID_SUBTRACT", null), ch.target());
            String missing = row.get("missing") == null ? "" : row.get("missing").replaceAll("\\s+", "");
            List<SqlStatement> mark = missing.isEmpty() ? List.of()
                    : sql.setGtidPurged(GtidSet.of(missing), "1".equals(row.get("executed_empty")));
            if (!"ON".equalsIgnoreCase(row.get("m"))) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.GTID_NOT_AVAILABLE,
                        "gtid_mode is " + row.get("m") + " on the target " + ch.target()));
            }
            if (mark.isEmpty()) {
                LOG.info("{}: target already has GTID set {} applied", ch.name(), gtids);
            }
            mark.forEach(ch::run);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("GTID preparation"), ch.target());
        }
    }
}
