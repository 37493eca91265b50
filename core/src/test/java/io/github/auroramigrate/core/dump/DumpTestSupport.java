package io.github.auroramigrate.core.dump;

import com.mysql.cj.jdbc.JdbcStatement;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.internal.format.ChunkReader;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.testkit.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Helpers for dump ITs: endpoints, a minimal loader (the real one lives elsewhere), and row comparison. */
final class DumpTestSupport {
    private DumpTestSupport() {
    }

    static Endpoint endpoint(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .allowPublicKeyRetrieval(true).tls(TlsMode.DISABLED).build();
    }

    static Endpoint rootEndpoint(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.rootUser()).password(s.rootPassword())
                .allowPublicKeyRetrieval(true).tls(TlsMode.DISABLED).property("allowLoadLocalInfile", "true").build();
    }

    static String read(DumpStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void session(Connection c, Manifest m) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '" + m.session().timeZone() + "'");
            s.execute("SET sql_mode = '" + m.session().loadSqlMode() + "'");
            s.execute("SET foreign_key_checks = 0, unique_checks = 0");
        }
    }

    /** Loads one table of a dump into {@code schema} (created from the dumped DDL) with LOAD DATA or INSERTs. */
    static void loadTable(Connection c, DumpStore store, Manifest m, String sourceSchema, String table, String schema)
            throws SQLException, IOException {
        TableEntry t = m.table(sourceSchema, table).orElseThrow();
        session(c, m);
        try (Statement s = c.createStatement()) {
            s.execute("USE `" + schema + "`");
            s.execute(read(store, t.ddlFile()));
        }
        c.setAutoCommit(false);
        for (ChunkEntry chunk : t.chunks()) {
            try (ChunkReader r = ChunkReader.open(store, t, chunk); Statement s = c.createStatement()) {
                if ("FLAT".equals(m.options().format())) {
                    s.unwrap(JdbcStatement.class).setLocalInfileInputStream(r.stream());
                    try {
                        s.execute(r.loadDataStatement(schema, table));
                    } finally {
                        s.unwrap(JdbcStatement.class).setLocalInfileInputStream(null);
                    }
                } else {
                    BufferedReader lines = new BufferedReader(new InputStreamReader(r.stream(), StandardCharsets.UTF_8));
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        s.execute(line.substring(0, line.length() - 1));
                    }
                }
                r.verify();
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        c.setAutoCommit(true);
    }

    /** Every row as hex of each column's exact bytes (FLOAT as double), in primary key order. */
    static List<String> rowsAsHex(Connection c, String schema, String table, List<String> columns, String floatColumns,
            String orderBy) throws SQLException {
        StringBuilder sel = new StringBuilder();
        for (String col : columns) {
            String e = floatColumns.contains("," + col + ",") ? "(`" + col + "` * 1e0)" : "`" + col + "`";
            sel.append(sel.isEmpty() ? "" : ", '|', ").append("COALESCE(HEX(CAST(").append(e).append(" AS BINARY)), 'NULL')");
        }
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery("SELECT CONCAT(" + sel + ") FROM `" + schema + "`.`" + table + "` ORDER BY "
                    + orderBy)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
