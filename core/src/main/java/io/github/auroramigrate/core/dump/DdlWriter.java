package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.internal.ddl.ExplicitCollations;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.internal.manifest.ObjectEntry;
import io.github.auroramigrate.core.internal.manifest.ObjectType;
import io.github.auroramigrate.core.internal.manifest.UserEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes schema objects as DDL files, one statement per file, from SHOW CREATE ... over the coordinator's
 * connection (utf8mb4 results). DEFINER clauses are kept as the server prints them.
 */
final class DdlWriter {
    private final Connection c;
    private final DumpStore store;
    private final KeyNames names;
    private final ManifestTracker tracker;

    private final io.github.auroramigrate.core.transform.Transform transform;

    DdlWriter(Connection c, DumpStore store, KeyNames names, ManifestTracker tracker,
            io.github.auroramigrate.core.transform.Transform transform) {
        this.transform = transform;
        this.c = c;
        this.store = store;
        this.names = names;
        this.tracker = tracker;
    }

    String schemaDir(String schema) {
        return "schema/" + names.segment("schema", schema);
    }

    String objectKey(String schema, String kind, String name) {
        String dir = schemaDir(schema) + "/" + kind;
        return dir + "/" + names.segment(dir, name) + ".sql";
    }

    String schema(String schema) throws SQLException, IOException {
        String ddl = show("SHOW CREATE DATABASE " + quote(schema), "Create Database");
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    ddl = ExplicitCollations.pin(ddl, rs.getString(1), java.util.Map.of());
                }
            }
        }
        String key = schemaDir(schema) + "/schema.sql";
        put(key, ddl);
        return key;
    }

    /** Writes the table's DDL with every collation explicit ({@link ExplicitCollations}). */
    String table(Catalog.Table table) throws SQLException, IOException {
        TableRef t = table.ref();
        String ddl;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + t.qualified())) {
            rs.next();
            ddl = rs.getString(2); // "Create Table", or "Create View" for a view
        }
        java.util.Map<String, String> columns = new java.util.HashMap<>();
        table.columns().stream().filter(col -> col.collation() != null).forEach(col -> columns.put(col.name(), col.collation()));
        ddl = ExplicitCollations.pin(ddl, table.collation(), columns);
        String key = objectKey(t.schema(), "table", t.name());
        put(key, ddl);
        return key;
    }

    void view(TableRef v) throws SQLException, IOException {
        // with the view's schema as default database the server leaves same-schema names unqualified
        Sessions.execute(c, "USE " + quote(v.schema()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE VIEW " + v.qualified())) {
            rs.next();
            String key = objectKey(v.schema(), "view", v.name());
            put(key, rs.getString("Create View"));
            tracker.object(new ObjectEntry(v.schema(), v.name(), ObjectType.VIEW, key, null, null,
                    rs.getString("character_set_client"), rs.getString("collation_connection"), null, null));
        }
    }

    void routine(Catalog.Routine r) throws SQLException, IOException {
        String kind = r.type().name();
        String label = r.type() == ObjectType.PROCEDURE ? "Create Procedure" : "Create Function";
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE " + kind + " " + TableRef.of(r.schema(), r.name()).qualified())) {
            rs.next();
            String ddl = rs.getString(label);
            if (ddl == null) {
                tracker.warning(kind.toLowerCase(Locale.ROOT) + " " + r.schema() + "." + r.name() + " not dumped: the user "
                        + "may not read its body (needs SHOW_ROUTINE, global SELECT, or to be its definer)");
                return;
            }
            ddl = ExplicitCollations.pinRoutine(ddl, parameterCollations(r));
            String key = objectKey(r.schema(), kind.toLowerCase(Locale.ROOT), r.name());
            put(key, ddl);
            tracker.object(new ObjectEntry(r.schema(), r.name(), r.type(), key, null, rs.getString("sql_mode"),
                    rs.getString("character_set_client"), rs.getString("collation_connection"),
                    rs.getString("Database Collation"), null));
        }
    }

    /** The collations of a routine's string parameters (and a function's result, ordinal 0) on the source. */
    private java.util.Map<Integer, String> parameterCollations(Catalog.Routine r) throws SQLException {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT ORDINAL_POSITION, COLLATION_NAME FROM "
                + "information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND SPECIFIC_NAME = ? AND ROUTINE_TYPE = ? "
                + "AND COLLATION_NAME IS NOT NULL")) {
            ps.setString(1, r.schema());
            ps.setString(2, r.name());
            ps.setString(3, r.type().name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    void trigger(Catalog.Trigger t) throws SQLException, IOException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE TRIGGER " + TableRef.of(t.schema(), t.name()).qualified())) {
            rs.next();
            String key = objectKey(t.schema(), "trigger", t.name());
            put(key, rs.getString("SQL Original Statement"));
            tracker.object(new ObjectEntry(t.schema(), t.name(), ObjectType.TRIGGER, key, t.table(), rs.getString("sql_mode"),
                    rs.getString("character_set_client"), rs.getString("collation_connection"),
                    rs.getString("Database Collation"), null));
        }
    }

    void event(Catalog.Named e) throws SQLException, IOException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW CREATE EVENT " + TableRef.of(e.schema(), e.name()).qualified())) {
            rs.next();
            String key = objectKey(e.schema(), "event", e.name());
            put(key, rs.getString("Create Event"));
            tracker.object(new ObjectEntry(e.schema(), e.name(), ObjectType.EVENT, key, null, rs.getString("sql_mode"),
                    rs.getString("character_set_client"), rs.getString("collation_connection"),
                    rs.getString("Database Collation"), rs.getString("time_zone")));
        }
    }

    void user(String account) throws IOException {
        List<String> statements = new ArrayList<>();
        try {
            statements.add(show("SHOW CREATE USER " + account, null));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS FOR " + account)) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            tracker.warning("account " + account + " not dumped: " + e.getMessage());
            return;
        }
        String base = names.segment("users", account);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String key = "users/" + base + "." + i + ".sql";
            put(key, statements.get(i));
            files.add(key);
        }
        tracker.user(new UserEntry(account, files));
    }

    private String show(String sql, String label) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return label == null ? rs.getString(1) : rs.getString(label);
        }
    }

    private void put(String key, String ddl) throws IOException {
        store.put(key, transformed(key, ddl).getBytes(StandardCharsets.UTF_8));
    }

    /** Applies the dump's transform to one DDL statement; it must stay one statement for the same object. */
    private String transformed(String key, String ddl) {
        if (transform == null) {
            return ddl;
        }
        io.github.auroramigrate.core.sql.Statement in = io.github.auroramigrate.core.sql.Statement.of(ddl);
        java.util.List<io.github.auroramigrate.core.sql.Statement> out =
                io.github.auroramigrate.core.transform.TransformSession.open(transform, key).apply(in);
        if (out.size() != 1 || !java.util.Objects.equals(out.get(0).objectName(), in.objectName())) {
            throw new io.github.auroramigrate.core.diagnose.MigrationException(io.github.auroramigrate.core.diagnose.Diagnosis.of(
                    io.github.auroramigrate.core.diagnose.DiagnosisCode.INVALID_INPUT, "the dump's transform " + transform.name()
                            + " turned the DDL statement of " + key + " into " + out.size() + " statement(s)"
                            + (out.size() == 1 ? " for another object" : "") + "; a dump's transform must keep one statement per"
                            + " object (filter with the dump's table options, rename schemas at load time)"));
        }
        return out.get(0).text();
    }

    static String quote(String identifier) {
        return io.github.auroramigrate.core.sql.SqlText.quoteIdentifier(identifier);
    }
}
