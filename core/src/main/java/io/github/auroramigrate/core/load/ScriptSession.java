package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.sql.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session context of one script of a {@link ScriptRunner}: the session variables the script records (the
 * sql_mode, character set context and time zone an object was created with) and its schema's collation, set before
 * its first statement (through the rewrite, so a sql_mode fix applies) and restored after its last. One per run of a
 * script, on the runner's thread.
 */
final class ScriptSession {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptSession.class);
    private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8", "utf8mb3");

    private final Connection connection;
    private final SqlScript script;
    private final List<Diagnosis> warnings;
    private final String endpoint;
    private boolean entered;
    private final Map<String, String> previous = new LinkedHashMap<>();
    private String previousCollation;
    private String alteredSchema;

    /** @param warnings where what cannot be reproduced exactly is reported (shared, thread-safe) */
    ScriptSession(Connection connection, SqlScript script, List<Diagnosis> warnings, String endpoint) {
        this.connection = connection;
        this.script = script;
        this.warnings = warnings;
        this.endpoint = endpoint;
    }

    /** Sets the script's context before {@code first}, its first statement, in {@code currentSchema}; once. */
    void enter(java.sql.Statement st, Function<Statement, List<Statement>> rewrite, Statement first, String currentSchema)
            throws SQLException {
        if (entered) {
            return;
        }
        entered = true;
        Map<String, String> wanted = new LinkedHashMap<>(script.sessionVariables());
        String client = wanted.get("character_set_client");
        if (client != null && !UTF8.contains(client.toLowerCase(Locale.ROOT)) && !isAscii(first.text())) {
            // the text goes over the wire as UTF-8; only an ASCII text means the same in another client charset
            wanted.remove("character_set_client");
            warnings.add(Diagnosis.of(DiagnosisCode.INVALID_INPUT, script.name() + " was created on the source "
                    + "with character_set_client " + client + " and holds non-ASCII text: it is created with utf8mb4 "
                    + "(the same text; only the recorded client character set differs)").withEndpoint(endpoint));
        }
        if (!wanted.isEmpty()) {
            read(st, wanted.keySet());
            for (Map.Entry<String, String> v : wanted.entrySet()) {
                setVariable(st, rewrite, v.getKey(), v.getValue());
            }
        }
        if (script.databaseCollation().isPresent() && currentSchema != null) {
            String current = schemaCollation(currentSchema);
            String wantedCollation = script.databaseCollation().get();
            if (current != null && !current.equalsIgnoreCase(wantedCollation)) {
                // a routine records its schema's collation at creation, as mysqldump reproduces it
                st.execute("ALTER DATABASE " + ChunkLoader.quote(currentSchema) + " COLLATE " + wantedCollation);
                previousCollation = current;
                alteredSchema = currentSchema;
            }
        }
    }

    /** Restores what {@link #enter} changed; a failure is logged, not thrown (the script ran). */
    void leave(java.sql.Statement st) {
        try {
            if (previousCollation != null) {
                st.execute("ALTER DATABASE " + ChunkLoader.quote(alteredSchema) + " COLLATE " + previousCollation);
            }
            for (Map.Entry<String, String> v : previous.entrySet()) {
                try (PreparedStatement ps = connection.prepareStatement("SET SESSION " + v.getKey() + " = ?")) {
                    ps.setString(1, v.getValue());
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            LOG.debug("restoring the session after {} failed: {}", script.name(), e.toString());
        }
    }

    private void read(java.sql.Statement st, Set<String> variables) throws SQLException {
        String select = "SELECT " + variables.stream().map(v -> "@@SESSION." + v).reduce((a, b) -> a + ", " + b).orElseThrow();
        try (java.sql.ResultSet rs = st.executeQuery(select)) {
            rs.next();
            int i = 1;
            for (String v : variables) {
                previous.put(v, rs.getString(i++));
            }
        }
    }

    private void setVariable(java.sql.Statement st, Function<Statement, List<Statement>> rewrite, String variable,
            String value) throws SQLException {
        for (Statement set : rewrite.apply(Statement.of("SET SESSION " + variable + " = " + SqlText.quoteString(value)))) {
            try {
                st.execute(set.text());
            } catch (SQLException e) {
                String withoutNoAutoCreateUser = withoutMode(value, "NO_AUTO_CREATE_USER");
                if (e.getErrorCode() != 1231 || !variable.equals("sql_mode") || withoutNoAutoCreateUser.equals(value)) {
                    throw e;
                }
                // MySQL 8.0 removed NO_AUTO_CREATE_USER and always behaves as it said: dropping it changes nothing
                setVariable(st, rewrite, variable, withoutNoAutoCreateUser);
            }
        }
    }

    private String schemaCollation(String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String withoutMode(String sqlMode, String mode) {
        return java.util.Arrays.stream(sqlMode.split(",")).map(String::strip).filter(m -> !m.equalsIgnoreCase(mode))
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
