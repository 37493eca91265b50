package io.github.auroramigrate.testkit.fidelity.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server a connection talks to, from {@code VERSION()}. */
public record ServerFlavour(String version, boolean mariaDb, int major, int minor, int patch) {
    private static final Pattern V = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Asks the server. */
    public static ServerFlavour of(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    /** Parses a {@code VERSION()} string such as {@code 8.0.31} or {@code 11.4.5-MariaDB-log}. */
    public static ServerFlavour parse(String version) {
        Matcher m = V.matcher(version);
        if (!m.find()) {
            throw new IllegalArgumentException("Unrecognised server version " + version);
        }
        return new ServerFlavour(version, version.contains("MariaDB"), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** MySQL 8.0 or later. */
    public boolean mysql8() {
        return !mariaDb && major >= 8;
    }

    /** At least {@code major.minor.patch} of the same flavour's numbering. */
    public boolean atLeast(int ma, int mi, int pa) {
        return major != ma ? major > ma : minor != mi ? minor > mi : patch >= pa;
    }
}
