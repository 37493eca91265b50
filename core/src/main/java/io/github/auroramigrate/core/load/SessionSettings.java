package io.github.auroramigrate.core.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The session settings of a bulk load (the handbook's {@code SET foreign_key_checks = 0}, plus what an exact round
 * trip needs), applied to a connection and restored afterwards. None needs a privilege Aurora withholds.
 *
 * <ul>
 *   <li>{@code foreign_key_checks=0}: tables load in any order and in parallel;</li>
 *   <li>{@code unique_checks=0}: cheaper secondary unique indexes (the dump's data is already unique);</li>
 *   <li>{@code time_zone='+00:00'}: TIMESTAMP text is read as UTC, as our dumps write it;</li>
 *   <li>{@code sql_mode} without {@code NO_ZERO_DATE}, {@code NO_ZERO_IN_DATE}, {@code STRICT_*} and with
 *       {@code NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES} (the dump format's load mode): zero and invalid dates ({@code 0000-00-00}) the source holds load unchanged instead of
 *       failing, and an AUTO_INCREMENT value 0 stays 0 (as mysqldump does).</li>
 * </ul>
 */
final class SessionSettings {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionSettings.class);
    private static final Set<String> DROPPED = Set.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE", "STRICT_TRANS_TABLES",
            "STRICT_ALL_TABLES", "TRADITIONAL");

    private final String foreignKeyChecks;
    private final String uniqueChecks;
    private final String timeZone;
    private final String sqlMode;

    private SessionSettings(String fk, String uc, String tz, String mode) {
        this.foreignKeyChecks = fk;
        this.uniqueChecks = uc;
        this.timeZone = tz;
        this.sqlMode = mode;
    }

    /** Applies the load settings and returns the previous ones, to {@link #restore(Connection)} later. */
    static SessionSettings apply(Connection c) throws SQLException {
        SessionSettings previous;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.foreign_key_checks, @@SESSION.unique_checks, "
                        + "@@SESSION.time_zone, @@SESSION.sql_mode")) {
            rs.next();
            previous = new SessionSettings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00', sql_mode = ?")) {
            ps.setString(1, loadSqlMode(previous.sqlMode));
            ps.execute();
        }
        noGeneratedPrimaryKeys(c);
        return previous;
    }

    /**
     * Turns off MySQL 8.0.30+'s generated invisible primary keys for the session: created with them, a key-less source
     * table would get a {@code my_row_id} column the source does not have (and an AUTO_INCREMENT column that is not a
     * key fails with 4109). Where the account may not change it, the load goes on and says so; Verify then reports
     * the extra column.
     */
    private static void noGeneratedPrimaryKeys(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_generate_invisible_primary_key")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return;
            }
        } catch (SQLException unknownVariable) {
            return;                                // before 8.0.30, and MariaDB: no such thing
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_generate_invisible_primary_key = OFF");
        } catch (SQLException e) {
            LOG.warn("sql_generate_invisible_primary_key is ON on the target and this account may not turn it off for its "
                    + "session ({}): tables without a primary key get a generated my_row_id column the source does not "
                    + "have; turn the variable off in the parameter group for the load", e.getMessage());
        }
    }

    /** The load's sql_mode derived from the session's. */
    static String loadSqlMode(String current) {
        String kept = Arrays.stream(current.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !DROPPED.contains(s) && !s.equals("NO_AUTO_VALUE_ON_ZERO") && !s.equals("ALLOW_INVALID_DATES"))
                .collect(Collectors.joining(","));
        String added = "NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES";
        return kept.isEmpty() ? added : kept + "," + added;
    }

    /** Puts these (previous) settings back. */
    void restore(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SET SESSION foreign_key_checks = ?, unique_checks = ?, time_zone = ?, sql_mode = ?")) {
            ps.setInt(1, Integer.parseInt(foreignKeyChecks));
            ps.setInt(2, Integer.parseInt(uniqueChecks));
            ps.setString(3, timeZone);
            ps.setString(4, sqlMode);
            ps.execute();
        }
    }
}
