package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;

import io.github.auroramigrate.core.format.ChunkWriter;
import io.github.auroramigrate.core.format.Compression;
import io.github.auroramigrate.core.format.DumpFormat;
import io.github.auroramigrate.core.manifest.ChunkEntry;
import io.github.auroramigrate.core.manifest.ColumnEntry;
import io.github.auroramigrate.core.manifest.DumpStatus;
import io.github.auroramigrate.core.manifest.Manifest;
import io.github.auroramigrate.core.manifest.ManifestIO;
import io.github.auroramigrate.core.manifest.ObjectEntry;
import io.github.auroramigrate.core.manifest.ObjectType;
import io.github.auroramigrate.core.manifest.SchemaEntry;
import io.github.auroramigrate.core.manifest.TableEntry;
import io.github.auroramigrate.core.manifest.TableStatus;
import io.github.auroramigrate.core.manifest.ValueEncoding;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.StoreOutputStream;
import io.github.auroramigrate.testkit.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a small dump in the project's dump format (docs/dump-format.md) with the dump branch's ChunkWriter and
 * ManifestIO, for load tests until the Dump API itself can be used: DDL files, chunks of rowsPerChunk rows, one
 * view. Not a dumper: no consistency handling, TEXT encoding only (the fixtures have no BIT/JSON/FLOAT).
 */
final class MiniDump {
    private MiniDump() {
    }

    static Manifest write(TestServer source, String schema, List<String> tables, String view, DumpStore store,
            DumpFormat format, int rowsPerChunk) throws Exception {
        List<TableEntry> entries = new ArrayList<>();
        List<ObjectEntry> views = new ArrayList<>();
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
            try (ResultSet rs = st.executeQuery("SHOW CREATE DATABASE " + q(schema))) {
                rs.next();
                put(store, "schema/" + schema + "/schema.sql", rs.getString(2));
            }
            for (String t : tables) {
                String ddlKey = "schema/" + schema + "/table/" + t + ".sql";
                try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + q(schema) + "." + q(t))) {
                    rs.next();
                    put(store, ddlKey, rs.getString(2).replace("CREATE TABLE ", "CREATE TABLE " + q(schema) + "."));
                }
                st.execute("SET SESSION character_set_results = binary");
                List<ColumnEntry> cols = new ArrayList<>();
                List<ChunkEntry> chunks = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + q(schema) + "." + q(t))) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(new ColumnEntry(md.getColumnName(i), md.getColumnTypeName(i).toLowerCase(),
                                md.getColumnTypeName(i).toLowerCase(), null, ValueEncoding.TEXT));
                    }
                    ChunkWriter w = null;
                    while (rs.next()) {
                        if (w == null) {
                            w = ChunkWriter.create(store, String.format("data/%s/%s/%s.%06d%s%s", schema, t, t, chunks.size() + 1,
                                    format.extension(), Compression.ZSTD.extension()), format, Compression.ZSTD, t, cols);
                        }
                        byte[][] row = new byte[cols.size()][];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getBytes(i + 1);
                        }
                        w.writeRow(row);
                        if (w.rows() == rowsPerChunk) {
                            chunks.add(w.finish(chunks.size() + 1, null, null));
                            w = null;
                        }
                    }
                    if (w != null) {
                        chunks.add(w.finish(chunks.size() + 1, null, null));
                    }
                }
                st.execute("SET SESSION character_set_results = utf8mb4");
                long rows = chunks.stream().mapToLong(ChunkEntry::rows).sum();
                entries.add(new TableEntry(t, ddlKey, "InnoDB", TableStatus.COMPLETE, cols, List.of(), null, null, null, chunks,
                        rows, null));
            }
            if (view != null) {
                String key = "schema/" + schema + "/view/" + view + ".sql";
                try (ResultSet rs = st.executeQuery("SHOW CREATE VIEW " + q(schema) + "." + q(view))) {
                    rs.next();
                    put(store, key, rs.getString(2));
                }
                views.add(new ObjectEntry(schema, view, ObjectType.VIEW, key, null, null, null, null, null));
            }
        }
        Manifest m = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, UUID.randomUUID().toString(), DumpStatus.COMPLETE,
                Instant.now(), null, 10, Instant.now(), null, "MiniDump", null, null, null, null, null,
                List.of(new SchemaEntry(schema, "schema/" + schema + "/schema.sql", entries, null, null, null)), views, null,
                null, null, null);
        try (StoreOutputStream out = store.create(Manifest.KEY)) {
            ManifestIO.write(m, out);
        }
        return m;
    }

    private static void put(DumpStore store, String key, String sql) throws IOException {
        try (StoreOutputStream out = store.create(key)) {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
        }
    }
}
