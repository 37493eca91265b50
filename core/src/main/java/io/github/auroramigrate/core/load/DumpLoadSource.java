package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.format.ChunkReader;
import io.github.auroramigrate.core.format.LoadDataClause;
import io.github.auroramigrate.core.manifest.ChunkEntry;
import io.github.auroramigrate.core.manifest.ColumnEntry;
import io.github.auroramigrate.core.manifest.DumpStatus;
import io.github.auroramigrate.core.manifest.Manifest;
import io.github.auroramigrate.core.manifest.ManifestIO;
import io.github.auroramigrate.core.manifest.ObjectEntry;
import io.github.auroramigrate.core.manifest.SchemaEntry;
import io.github.auroramigrate.core.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link LoadSource} over a dump in a {@link DumpStore} (format: {@code docs/dump-format.md}): schema and table
 * DDL first, then every chunk (verified while it streams by {@link ChunkReader}: size, CRC-32C, row count and
 * row checksum), then views (in the manifest's dependency order), routines, triggers and events, each run with the
 * sql_mode it was created with. The job id is {@code dump-<dumpId>}, so loading the same dump again resumes.
 *
 * <pre>{@code
 * LoadResult r = Load.into(target).from(DumpLoadSource.of(DumpStores.directory(Path.of("shop_dump")))).build().run();
 * }</pre>
 *
 * <p>Immutable and thread-safe (the manifest is read once, by {@link #of(DumpStore)}).
 */
public final class DumpLoadSource implements LoadSource {
    private final DumpStore store;
    private final Manifest manifest;
    private final List<SqlScript> schemaScripts = new ArrayList<>();
    private final List<ChunkSource> chunks = new ArrayList<>();
    private final List<SqlScript> postData = new ArrayList<>();

    private DumpLoadSource(DumpStore store, Manifest manifest) {
        this.store = store;
        this.manifest = manifest;
        for (SchemaEntry s : manifest.schemas()) {
            schemaScripts.add(script(s.ddlFile(), null, null));
            for (TableEntry t : s.tables()) {
                schemaScripts.add(script(t.ddlFile(), null, s.name()));
                for (ChunkEntry c : t.chunks()) {
                    chunks.add(new DumpChunk(s.name(), t, c));
                }
            }
        }
        manifest.views().forEach(v -> postData.add(script(v.ddlFile(), v.sqlMode(), v.schema())));
        for (SchemaEntry s : manifest.schemas()) {
            for (List<ObjectEntry> objects : List.of(s.routines(), s.triggers(), s.events())) {
                objects.forEach(o -> postData.add(script(o.ddlFile(), o.sqlMode(), o.schema())));
            }
        }
    }

    /**
     * Reads the dump's manifest.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException CORRUPT_FILE when there is no readable
     *         manifest, INVALID_INPUT when the dump is not complete
     */
    public static DumpLoadSource of(DumpStore store) {
        Objects.requireNonNull(store, "store");
        Manifest m = ManifestIO.read(store);
        if (m.status() != DumpStatus.COMPLETE) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe() + " is "
                    + m.status() + ", not COMPLETE" + (m.failure() == null ? "" : ": " + m.failure())), null, null, null);
        }
        return new DumpLoadSource(store, m);
    }

    /** @return the dump's manifest */
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String jobId() {
        String id = "dump-" + manifest.dumpId();
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    @Override
    public List<SqlScript> schemaScripts() {
        return List.copyOf(schemaScripts);
    }

    @Override
    public List<ChunkSource> chunks() {
        return List.copyOf(chunks);
    }

    @Override
    public List<SqlScript> postDataScripts() {
        return List.copyOf(postData);
    }

    private SqlScript script(String key, String sqlMode, String schema) {
        return new SqlScript() {
            @Override
            public Optional<String> schema() {
                return Optional.ofNullable(schema);
            }

            @Override
            public String name() {
                return key;
            }

            @Override
            public Optional<String> sqlMode() {
                return Optional.ofNullable(sqlMode);
            }

            @Override
            public InputStream open() throws IOException {
                return store.open(key);
            }
        };
    }

    @Override
    public String toString() {
        return "DumpLoadSource{" + store.describe() + ", " + chunks.size() + " chunks}";
    }

    /** One chunk of the dump. */
    private final class DumpChunk implements ChunkSource {
        private final String schema;
        private final TableEntry table;
        private final ChunkEntry chunk;

        DumpChunk(String schema, TableEntry table, ChunkEntry chunk) {
            this.schema = schema;
            this.table = table;
            this.chunk = chunk;
        }

        @Override
        public String id() {
            return chunk.file().length() <= 190 ? chunk.file() : chunk.file().substring(chunk.file().length() - 190);
        }

        @Override
        public String schema() {
            return schema;
        }

        @Override
        public String table() {
            return table.name();
        }

        @Override
        public List<String> columns() {
            return table.columns().stream().map(ColumnEntry::name).toList();
        }

        @Override
        public OptionalLong expectedRows() {
            return OptionalLong.of(chunk.rows());
        }

        @Override
        public String checksum() {
            return chunk.fileCrc32c() == null ? "" : "crc32c:" + chunk.fileCrc32c();
        }

        @Override
        public ChunkFormat format() {
            return chunk.file().contains(".sql") ? ChunkFormat.SQL : ChunkFormat.FLAT;
        }

        @Override
        public String loadDataColumns() {
            return LoadDataClause.columns(table.columns());
        }

        @Override
        public List<String> insertExpressions() {
            return table.columns().stream().map(c -> switch (c.encoding()) {
                case HEX -> "UNHEX(?)";
                case JSON -> "CONVERT(? USING utf8mb4)";
                default -> "?";
            }).toList();
        }

        @Override
        public InputStream open() throws IOException {
            ChunkReader r = ChunkReader.open(store, table, chunk);
            return new FilterInputStream(r.stream()) {
                @Override
                public void close() throws IOException {
                    r.close();
                }
            };
        }

        @Override
        public String toString() {
            return "DumpChunk{" + chunk.file() + "}";
        }
    }
}
