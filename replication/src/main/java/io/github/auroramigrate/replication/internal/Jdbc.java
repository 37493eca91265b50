package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.replication.ReplicationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running statements and reading rows, with failures turned into diagnosed exceptions. Stateless. */
public final class Jdbc {
    private Jdbc() {
    }

    /**
     * Runs a statement (with its parameters), consuming any result sets a procedure returns.
     *
     * @throws ReplicationException diagnosed, with the statement's display text and secrets scrubbed
     */
    public static void execute(Connection c, SqlStatement s, String endpoint) {
        try {
            if (s.params().isEmpty()) {
                try (Statement st = c.createStatement()) {
                    drain(st, st.execute(s.sql()));
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                    for (int i = 0; i < s.params().size(); i++) {
                        ps.setObject(i + 1, s.params().get(i));
                    }
                    drain(ps, ps.execute());
                }
            }
        } catch (SQLException e) {
            throw failure(e, s, endpoint);
        }
    }

    private static void drain(Statement st, boolean isResult) throws SQLException {
        boolean more = isResult;
        while (true) {
            if (more) {
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        // procedures such as mysql.rds_* print messages; nothing to keep
                    }
                }
            } else if (st.getUpdateCount() == -1) {
                return;
            }
            more = st.getMoreResults();
        }
    }

    /** @return the first row of a query as column label to string value, or an empty map when there is none */
    public static Map<String, String> firstRow(Connection c, SqlStatement s, String endpoint) {
        List<Map<String, String>> rows = rows(c, s, endpoint, 1);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** @return up to {@code limit} rows of a query as column label to string value */
    public static List<Map<String, String>> rows(Connection c, SqlStatement s, String endpoint, int limit) {
        try (PreparedStatement ps = c.prepareStatement(s.sql())) {
            for (int i = 0; i < s.params().size(); i++) {
                ps.setObject(i + 1, s.params().get(i));
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (out.size() < limit && rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e, s, endpoint);
        }
    }

    /** @return a diagnosed exception for a failed statement; the secret never reaches message or cause */
    public static MigrationException failure(SQLException e, SqlStatement s, String endpoint) {
        SQLException safe = e;
        if (s.secret() != null) {
            safe = new SQLException(s.scrub(e.getMessage()), e.getSQLState(), e.getErrorCode());
        }
        Diagnosis d = ErrorCatalog.diagnose(safe, endpoint);
        d = new Diagnosis(d.code(), d.vendorCode(), d.sqlState(), s.scrub(d.message()) + " [statement: " + s.display()
                + "]", d.endpoint(), d.location(), d.remedy());
        return new ReplicationException(d, safe);
    }
}
