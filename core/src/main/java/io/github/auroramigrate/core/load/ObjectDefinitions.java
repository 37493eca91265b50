package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.Token;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares an object that exists on the target with the definition a load would create it from, on the target itself
 * (so server version and defaults are the same on both sides): a table is compared by creating the expected one under
 * a scratch name in the journal schema and comparing both {@code SHOW CREATE TABLE} outputs (AUTO_INCREMENT counter
 * and names aside); a schema by its default character set and collation; views, routines, triggers and events by
 * their {@code SHOW CREATE} text with DEFINER clauses and whitespace runs aside. Used only for objects a load finds
 * but did not create, so the cost of a scratch table is rare. Stateless.
 */
final class ObjectDefinitions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CHARSET = Pattern.compile("(?i)\\b(?:CHARACTER\\s+SET|CHARSET)\\s*=?\\s*['`\"]?(\\w+)");
    private static final Pattern COLLATE = Pattern.compile("(?i)\\bCOLLATE\\s*=?\\s*['`\"]?(\\w+)");
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
    private static final Pattern DEFINER = Pattern.compile(
            "DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s@]+)(?:\\s*@\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s(]+))?\\s*",
            Pattern.CASE_INSENSITIVE);

    private ObjectDefinitions() {
    }

    /**
     * @param c    a connection whose default database is the object's schema
     * @param text the statement the load would run
     * @return null when the existing object is defined as {@code text} would define it, else what differs
     */
    static String difference(Connection c, ObjectKey key, String text) throws SQLException {
        return switch (key.kind()) {
            case TABLE -> tableDifference(c, key, text);
            case VIEW, PROCEDURE, FUNCTION, TRIGGER, EVENT -> textDifference(existingText(c, key), text);
            case SEQUENCE -> "a sequence's state cannot be compared";
            case SCHEMA -> schemaDifference(c, key.name(), text);
        };
    }

    private static String tableDifference(Connection c, ObjectKey key, String text) throws SQLException {
        String existing = showCreate(c, "TABLE", key);
        if (existing == null) {
            return "a view of that name exists, not a table";
        }
        String scratch = "scratch_" + Long.toUnsignedString(RANDOM.nextLong(), 36);
        String scratchName = ObjectKey.quote(LoadJournal.SCHEMA) + "." + ObjectKey.quote(scratch);
        String expected;
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(renamed(text, scratchName));
            try {
                expected = showCreate(c, "TABLE", new ObjectKey(ObjectKey.Kind.TABLE, LoadJournal.SCHEMA, scratch));
            } finally {
                st.execute("DROP TABLE IF EXISTS " + scratchName);
            }
        }
        return textDifference(tableBody(existing, key.schema()), tableBody(expected, LoadJournal.SCHEMA));
    }

    /** The CREATE TABLE text from its column list on, without the AUTO_INCREMENT counter and own-schema qualifiers. */
    private static String tableBody(String showCreate, String schema) {
        int open = showCreate.indexOf(" (\n");
        String body = open < 0 ? showCreate : showCreate.substring(open);
        body = AUTO_INCREMENT.matcher(body).replaceAll("");
        return body.replace("REFERENCES " + ObjectKey.quote(schema) + ".", "REFERENCES ");
    }

    private static String existingText(Connection c, ObjectKey key) throws SQLException {
        String kind = key.kind() == ObjectKey.Kind.VIEW ? "VIEW" : key.kind().name();
        return showCreate(c, kind, key);
    }

    /** @return the SHOW CREATE text, or null when the object is of another kind (a view where a table was asked) */
    private static String showCreate(Connection c, String kind, ObjectKey key) throws SQLException {
        String sql = "SHOW CREATE " + kind + " " + ObjectKey.quote(key.schema()) + "." + ObjectKey.quote(key.name());
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            String label = switch (kind) {
                case "TABLE" -> rs.getMetaData().getColumnLabel(2).equalsIgnoreCase("Create Table") ? "Create Table" : null;
                case "VIEW" -> "Create View";
                case "PROCEDURE" -> "Create Procedure";
                case "FUNCTION" -> "Create Function";
                case "TRIGGER" -> "SQL Original Statement";
                default -> "Create Event";
            };
            return label == null ? null : rs.getString(label);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1347) { // 'x' is not BASE TABLE / VIEW
                return null;
            }
            throw e;
        }
    }

    /** @return null when equal without DEFINER clauses and with whitespace runs as one space, else the first difference */
    static String textDifference(String existing, String expected) {
        if (existing == null) {
            return "it is an object of another kind";
        }
        String a = normalized(existing);
        String b = normalized(expected);
        if (a.equals(b)) {
            return null;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 30);
        return "on the target: '..." + a.substring(from, Math.min(a.length(), i + 50)) + "...', expected: '..."
                + b.substring(from, Math.min(b.length(), i + 50)) + "...'";
    }

    private static String normalized(String text) {
        return DEFINER.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    // ------------------------------------------------------------------ schemas

    /** @return null when the schema's defaults are those {@code text} (a CREATE DATABASE) would give it */
    static String schemaDifference(Connection c, String schema, String text) throws SQLException {
        String[] existing = defaults(c, schema);
        String[] expected = expectedDefaults(c, text);
        if (existing[0].equalsIgnoreCase(expected[0]) && existing[1].equalsIgnoreCase(expected[1])) {
            return null;
        }
        return "on the target " + existing[0] + " / " + existing[1] + ", in the dump " + expected[0] + " / " + expected[1];
    }

    /** Gives the schema the defaults {@code text} (a CREATE DATABASE) states. */
    static void alterSchemaDefaults(Connection c, String schema, String text) throws SQLException {
        String[] expected = expectedDefaults(c, text);
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + ObjectKey.quote(schema) + " CHARACTER SET " + expected[0] + " COLLATE " + expected[1]);
        }
    }

    /**
     * The defaults a CREATE DATABASE gives, read from its text (our dumps state both), else as the target would choose
     * them: the character set's default collation, or the server's defaults. No scratch schema: creating one would
     * need a privilege beyond the journal schema's.
     */
    private static String[] expectedDefaults(Connection c, String text) throws SQLException {
        java.util.regex.Matcher cs = CHARSET.matcher(text);
        java.util.regex.Matcher co = COLLATE.matcher(text);
        String charset = cs.find() ? cs.group(1) : null;
        String collation = co.find() ? co.group(1) : null;
        if (collation != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT CHARACTER_SET_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME = ?")) {
                ps.setString(1, collation);
                try (ResultSet rs = ps.executeQuery()) {
                    return new String[] {rs.next() ? rs.getString(1) : String.valueOf(charset), collation};
                }
            }
        }
        if (charset != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COLLATION_NAME FROM information_schema.COLLATIONS "
                    + "WHERE CHARACTER_SET_NAME = ? AND IS_DEFAULT = 'Yes'")) {
                ps.setString(1, charset);
                try (ResultSet rs = ps.executeQuery()) {
                    return new String[] {charset, rs.next() ? rs.getString(1) : "?"};
                }
            }
        }
        try (java.sql.Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@character_set_server, @@collation_server")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static String[] defaults(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("schema " + schema + " vanished", "42000", 1049);
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    /**
     * @return {@code text} (CREATE TABLE or CREATE DATABASE) creating {@code newName} (quoted, may be qualified)
     *         instead of the object it names
     */
    static String renamed(String text, String newName) {
        StatementEditor e = StatementEditor.of(Statement.of(text));
        List<Token> t = e.tokens();
        int i = e.next(-1);
        while (i >= 0 && !(t.get(i).isWord("TABLE") || t.get(i).isWord("DATABASE") || t.get(i).isWord("SCHEMA"))) {
            i = e.next(i);
        }
        i = i < 0 ? -1 : e.next(i);
        while (i >= 0 && (t.get(i).isWord("IF") || t.get(i).isWord("NOT") || t.get(i).isWord("EXISTS"))) {
            i = e.next(i);
        }
        if (i < 0 || !t.get(i).isName()) {
            throw new IllegalArgumentException("no object name in: " + text.substring(0, Math.min(80, text.length())));
        }
        int last = i;
        int dot = e.next(i);
        if (dot == i + 1 && t.get(dot).isOperator(".")) {
            last = e.next(dot);
        }
        e.replace(t.get(i), t.get(last), newName);
        return e.text();
    }
}
