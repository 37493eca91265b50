package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.replication.ReplicaStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GTID of the transaction a MySQL applier stopped on, under GTID auto-positioning: from the error text
 * ("failed executing transaction 'uuid:n'", MySQL 8.0 and multi-threaded 5.7), else from the failing worker's
 * {@code APPLYING_TRANSACTION} (8.0), else the first GTID received but not executed. Stateless.
 */
public final class FailingGtid {
    private static final Logger LOG = LoggerFactory.getLogger(FailingGtid.class);
    /** One GTID: uuid, an optional tag (8.3+), a transaction number. */
    static final Pattern GTID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
            + "(?::[A-Za-z_][A-Za-z0-9_]{0,31})?:[1-9][0-9]*");
    private static final Pattern IN_TEXT = Pattern.compile("transaction '(" + GTID.pattern() + ")'");

    private FailingGtid() {
    }

    /** @return whether {@code text} is exactly one GTID */
    public static boolean isGtid(String text) {
        return text != null && GTID.matcher(text).matches();
    }

    /**
     * @param c      a target connection
     * @param s      the status with the applier error
     * @param error  the error text (the worker's, where known)
     * @return the GTID, or empty when none of the sources tells it
     */
    public static Optional<String> find(Connection c, ReplicaStatus s, String error) {
        for (String text : new String[] {error, s.lastSqlError()}) {
            Matcher m = IN_TEXT.matcher(text == null ? "" : text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT APPLYING_TRANSACTION FROM"
                + " performance_schema.replication_applier_status_by_worker WHERE LAST_ERROR_NUMBER <> 0"
                + " ORDER BY LAST_ERROR_TIMESTAMP DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next() && isGtid(rs.getString(1))) {
                return Optional.of(rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.debug("APPLYING_TRANSACTION not readable (5.7 has no such column): {}", e.toString());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT GTID_SUBTRACT(?, ?)")) {
            ps.setString(1, s.retrievedGtidSet());
            ps.setString(2, s.executedGtidSet());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return firstOf(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.debug("GTID_SUBTRACT of received and executed sets failed: {}", e.toString());
        }
        return Optional.empty();
    }

    /** @return the first GTID of a GTID set text ({@code uuid[:tag]:a-b:c,...}), or empty */
    static Optional<String> firstOf(String set) {
        if (set == null || set.isBlank()) {
            return Optional.empty();
        }
        String first = set.replaceAll("\\s+", "").split(",")[0];
        String[] parts = first.split(":");
        StringBuilder prefix = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isDigit(parts[i].charAt(0))) {
                String gtid = prefix + ":" + parts[i].split("-")[0];
                return isGtid(gtid) ? Optional.of(gtid) : Optional.empty();
            }
            prefix.append(':').append(parts[i]);
        }
        return Optional.empty();
    }
}
