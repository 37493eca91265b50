package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.format.ChunkReader;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.ObjectEntry;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.TableStatus;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.verify.Verify;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LoadSource} over a dump in a {@link DumpStore} (format: {@code docs/dump-format.md}): schema and table
 * DDL first, then every chunk (verified while it streams by {@link ChunkReader}: size, CRC-32C, row count and
 * row checksum), then views (in the manifest's dependency order), routines, triggers and events, each run with the
 * sql_mode it was created with. The job id is {@code dump-<dumpId>}, so loading the same dump again resumes.
 *
 * <pre>{@code
 * LoadResult r = Load.into(target).from(LoadSources.dump(DumpStores.directory(Path.of("shop_dump")))).build().run();
 * }</pre>
 *
 * <p>Made by {@link LoadSources#dump} and {@link LoadSources#following}. Immutable and thread-safe (the manifest is
 * read once, when the source is made).
 *
 * <p>Why ~440 lines: the two ways of taking a dump - whole, and following one still being written (the Follower, which
 * must turn each new manifest into exactly the scripts and chunks not yet handed out) - share the manifest's reading
 * and the per-table scripts; split apart they would each need the other's half.
 */
public final class DumpLoadSource implements LoadSource {
    private static final Logger LOG = LoggerFactory.getLogger(DumpLoadSource.class);
    private final boolean discardLoaded;
    private final DumpStore store;
    private final Manifest manifest;
    private final List<SqlScript> schemaLevel = new ArrayList<>();
    private final Map<String, SqlScript> tableLevel = new LinkedHashMap<>(); // schema.table -> its CREATE TABLE
    private final List<ChunkSource> chunks = new ArrayList<>();
    private final List<SqlScript> postData = new ArrayList<>();
    private final Duration stallTimeout; // null: not following
    private final List<LoadFeed.DeferredTable> deferred = new ArrayList<>();
    private final DeferIndexes defer;

    /** A table created without its secondary indexes; they are added from its DDL file after the data. */

    private DumpLoadSource(DumpStore store, Manifest manifest, Duration stallTimeout) {
        this(store, manifest, stallTimeout, DeferIndexes.NEVER, false);
    }

    private DumpLoadSource(DumpStore store, Manifest manifest, Duration stallTimeout, DeferIndexes defer,
            boolean discardLoaded) {
        this.discardLoaded = discardLoaded;
        this.store = store;
        this.manifest = manifest;
        this.stallTimeout = stallTimeout;
        this.defer = defer;
        for (SchemaEntry s : manifest.schemas()) {
            schemaLevel.add(script(s.ddlFile(), null));
        }
        for (SchemaEntry s : manifest.schemas()) {
            for (TableEntry t : s.tables()) {
                tableLevel.put(s.name() + "." + t.name(), tableScript(s.name(), t, deferred));
                for (ChunkEntry c : t.chunks()) {
                    chunks.add(new DumpChunk(store, s.name(), t, c, discardLoaded));
                }
            }
        }
        // routines first: a view may call a function, and CREATE VIEW checks that it exists; routine bodies are not
        // resolved until they run. Triggers and events after the data, so that no trigger fires on loaded rows.
        manifest.schemas().forEach(s -> s.routines().forEach(o -> postData.add(objectScript(o))));
        manifest.views().forEach(v -> postData.add(objectScript(v)));
        for (SchemaEntry s : manifest.schemas()) {
            for (List<ObjectEntry> objects : List.of(s.triggers(), s.events())) {
                objects.forEach(o -> postData.add(objectScript(o)));
            }
        }
    }

    /**
     * Reads the dump's manifest.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException FILE_NOT_FOUND when there is no manifest (a wrong
     *         path), FILE_NOT_READABLE or CORRUPT_FILE when it cannot be read, INVALID_INPUT when the dump is not complete
     */
    static DumpLoadSource of(DumpStore store) {
        Objects.requireNonNull(store, "store");
        Manifest m = ManifestIO.read(store);
        if (m.status() != DumpStatus.COMPLETE) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe() + " is "
                    + m.status() + ", not COMPLETE" + (m.failure() == null ? "" : ": " + m.failure())), null, null, null);
        }
        return new DumpLoadSource(store, m, null);
    }

    /**
     * A source that follows a dump while it is being written (docs/dump-format.md 2.1): the load runs each table's
     * DDL as soon as the table appears in the manifest and loads each chunk as soon as it is listed, polling the
     * manifest until the dump is COMPLETE; views, routines, triggers and events are created at the end. Waits up to
     * {@code stallTimeout} for the manifest to appear.
     *
     * @param stallTimeout how long the manifest may go without being rewritten (the dumper rewrites it at least
     *                     every few seconds) before the load gives up; a manifest older than three heartbeats
     *                     ({@link Manifest#looksInterrupted}) fails the load too
     * @throws LoadException INVALID_INPUT when the dump FAILED (then or later), or stalls, or no manifest appears
     * @throws IllegalArgumentException for a non-positive timeout
     */
    static DumpLoadSource following(DumpStore store, Duration stallTimeout) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("stallTimeout must be positive, was " + stallTimeout);
        }
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        try {
            while (!store.exists(Manifest.KEY)) {
                if (System.nanoTime() > deadline) {
                    throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "no dump manifest appeared in "
                            + store.describe() + " within " + Human.duration(stallTimeout)), null, null, null);
                }
                pause();
            }
        } catch (IOException e) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot read " + store.describe() + ": " + e),
                    null, null, e);
        }
        Manifest m = ManifestIO.read(store);
        failIfFailed(store, m);
        return new DumpLoadSource(store, m, stallTimeout);
    }

    /** {@link #following(DumpStore, Duration)} with a stall timeout of one minute. */
    static DumpLoadSource following(DumpStore store) {
        return following(store, Duration.ofMinutes(1));
    }

    /** @return whether this source follows a dump in progress */
    public boolean isFollowing() {
        return stallTimeout != null;
    }

    /** @return the store's own way for a target to read the chunk files itself, if it has one */
    @Override
    public Optional<io.github.auroramigrate.core.store.ServerSideRead> serverSideRead() {
        return store.serverSideRead();
    }

    /** @return the store the dump is in */
    public DumpStore store() {
        return store;
    }

    private static void failIfFailed(DumpStore store, Manifest m) {
        if (m.status() == DumpStatus.FAILED) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe()
                    + " FAILED" + (m.failure() == null ? "" : ": " + m.failure())), null, null, null);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(Diagnosis.of(DiagnosisCode.CANCELLED, "interrupted while following a dump"), null, null, e);
        }
    }

    /** @return this dump, with the secondary indexes of the tables {@code mode} selects deferred */
    DumpLoadSource deferring(DeferIndexes mode) {
        return mode == defer ? this : new DumpLoadSource(store, manifest, stallTimeout, mode, discardLoaded);
    }

    /**
     * This source, deleting each chunk's file from the store once the load has committed it (or found it committed
     * by an earlier run): for a store that is only a conduit, such as a copy's memory. A load that fails keeps the
     * files of the chunks it did not commit.
     *
     * <pre>{@code
     * Load.into(target).from(LoadSources.following(store).discardingLoadedChunks()).build().run();
     * }</pre>
     */
    public DumpLoadSource discardingLoadedChunks() {
        return discardLoaded ? this : new DumpLoadSource(store, manifest, stallTimeout, defer, true);
    }

    /** The CREATE TABLE of {@code t}, without its secondary indexes (then added to {@code deferredOut}) if deferred. */
    private SqlScript tableScript(String schema, TableEntry t, List<LoadFeed.DeferredTable> deferredOut) {
        if (defers(defer, t)) {
            deferredOut.add(new LoadFeed.DeferredTable(schema, t.name(), script(t.ddlFile(), schema)));
            return withoutIndexes(t.ddlFile(), schema);
        }
        return script(t.ddlFile(), schema);
    }

    /**
     * Whether {@code t} is created without its secondary indexes. AUTO decides by the source's size estimate the
     * manifest recorded when the dump started, so that a load following the dump and a later re-run of it over the
     * complete dump decide alike (the re-run skips the journaled CREATE TABLE, so it must also build the indexes);
     * manifests without an estimate are decided by the dumped size.
     */
    private static boolean defers(DeferIndexes mode, TableEntry t) {
        if (mode == DeferIndexes.ALWAYS) {
            return true;
        }
        if (mode != DeferIndexes.AUTO) {
            return false;
        }
        long rows;
        long bytes;
        if (t.estimate() != null) {
            rows = t.estimate().rows();
            bytes = t.estimate().bytes();
        } else {
            rows = t.chunks().stream().mapToLong(ChunkEntry::rows).sum();
            bytes = t.chunks().stream().mapToLong(ChunkEntry::dataBytes).sum();
        }
        return rows > DeferIndexes.AUTO_ROWS || bytes > DeferIndexes.AUTO_BYTES;
    }

    private SqlScript withoutIndexes(String key, String schema) {
        SqlScript plain = script(key, schema);
        return new SqlScript() {
            @Override
            public Optional<String> schema() {
                return plain.schema();
            }

            @Override
            public SqlOptions options() {
                return plain.options();
            }

            @Override
            public String name() {
                return plain.name();
            }

            @Override
            public InputStream open() throws IOException {
                try (InputStream in = plain.open()) {
                    String ddl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    return new java.io.ByteArrayInputStream(IndexDeferral.split(ddl).createTable()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        };
    }

    /**
     * The feed of this source: one batch, or the manifest followed until COMPLETE; tables created in parallel, each
     * with its own script, and big tables created without their secondary indexes as {@code defer} says.
     */
    @Override
    public LoadFeed feed(DeferIndexes defer) {
        return deferring(defer).feed();
    }

    /** The dump's checksums and recorded definitions: a load of it can be verified. */
    @Override
    public Optional<Verify.Builder> verification() {
        return Optional.of(Verify.manifest(store));
    }

    private LoadFeed feed() {
        if (isFollowing()) {
            return new Follower();
        }
        LoadFeed.Batch all = new LoadFeed.Batch(schemaLevel, tableLevel, deferred, chunks, tableLevel.keySet(), postData, true);
        return stop -> all;
    }

    /** Polls the manifest and hands over what is new. */
    /**
     * How often a manifest that does not parse, or is missing, is read again while following: a store that replaces a
     * file in place (some S3-compatible servers: S3Mock, the tests' server, showed one half-written; S3 itself and the
     * directory store replace atomically) can show it so for a moment.
     */
    private static final int MANIFEST_REREADS = 25;

    private final class Follower implements LoadFeed {
        private final Set<String> seenSchemas = new HashSet<>();
        private final Set<String> seenTables = new HashSet<>();
        private final Set<String> seenChunks = new HashSet<>();
        private final Set<String> completeTables = new HashSet<>();
        private Instant lastUpdate = manifest.updatedAt();
        private long lastChange = System.nanoTime();
        private boolean first = true;

        /** The dump's manifest as it is now; one caught half-replaced is read again, a few times. */
        private Manifest reread() {
            for (int attempt = 1; ; attempt++) {
                try {
                    return ManifestIO.read(store);
                } catch (MigrationException e) {
                    DiagnosisCode code = e.diagnosis().code();
                    if (code != DiagnosisCode.CORRUPT_FILE && code != DiagnosisCode.FILE_NOT_FOUND
                            || attempt == MANIFEST_REREADS) {
                        throw e;
                    }
                    LOG.debug("{}: the manifest read while the dump writes it did not parse ({}); reading it again",
                            store.describe(), e.getMessage());
                    pause();
                }
            }
        }

        @Override
        public Batch next(java.util.function.BooleanSupplier stop) {
            while (true) {
                if (stop.getAsBoolean()) {
                    return new Batch(List.of(), Map.of(), List.of(), List.of(), Set.of(), List.of(), true);
                }
                Manifest m = first ? manifest : reread();
                first = false;
                failIfFailed(store, m);
                if (!m.dumpId().equals(manifest.dumpId())) {
                    throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, store.describe() + " now holds "
                            + "another dump (" + m.dumpId() + ") than the one being loaded (" + manifest.dumpId() + ")"),
                            null, null, null);
                }
                List<SqlScript> schema = new ArrayList<>();
                Map<String, SqlScript> tables = new LinkedHashMap<>();
                List<LoadFeed.DeferredTable> deferredNow = new ArrayList<>();
                Set<String> completeNow = new HashSet<>();
                List<ChunkSource> newChunks = new ArrayList<>();
                for (SchemaEntry s : m.schemas()) {
                    if (seenSchemas.add(s.name())) {
                        schema.add(script(s.ddlFile(), null));
                    }
                    for (TableEntry t : s.tables()) {
                        String qualified = s.name() + "." + t.name();
                        if (seenTables.add(qualified)) {
                            tables.put(qualified, tableScript(s.name(), t, deferredNow));
                        }
                        if (t.status() == TableStatus.COMPLETE && completeTables.add(qualified)) {
                            completeNow.add(qualified);
                        }
                        for (ChunkEntry c : t.chunks()) {
                            if (seenChunks.add(c.file())) {
                                newChunks.add(new DumpChunk(store, s.name(), t, c, discardLoaded));
                            }
                        }
                    }
                }
                if (m.status() == DumpStatus.COMPLETE) {
                    for (String t : seenTables) {
                        if (completeTables.add(t)) {
                            completeNow.add(t);
                        }
                    }
                    return new Batch(schema, tables, deferredNow, newChunks, completeNow,
                            new DumpLoadSource(store, m, null).postDataScripts(), true);
                }
                boolean news = !schema.isEmpty() || !tables.isEmpty() || !newChunks.isEmpty() || !completeNow.isEmpty();
                if (!m.updatedAt().equals(lastUpdate) || news) {
                    lastUpdate = m.updatedAt();
                    lastChange = System.nanoTime();
                }
                if (news) {
                    return new Batch(schema, tables, deferredNow, newChunks, completeNow, List.of(), false);
                }
                if (m.looksInterrupted(Instant.now()) || System.nanoTime() - lastChange > stallTimeout.toNanos()) {
                    throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe()
                            + " stopped making progress: its manifest was last written at " + m.updatedAt()
                            + " and is still IN_PROGRESS").withAdvice("Check that the dump is running; once it is "
                            + "complete (or re-run), run the load again: committed chunks are skipped."), null, null, null);
                }
                pause();
            }
        }
    }

    /** The dump's manifest (an internal record: not part of the API). */
    Manifest manifest() {
        return manifest;
    }

    @Override
    public String jobId() {
        String id = "dump-" + manifest.dumpId();
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    @Override
    public List<SqlScript> schemaScripts() {
        List<SqlScript> all = new ArrayList<>(schemaLevel);
        all.addAll(tableLevel.values());
        return List.copyOf(all);
    }

    @Override
    public List<ChunkSource> chunks() {
        return List.copyOf(chunks);
    }

    @Override
    public List<SqlScript> postDataScripts() {
        return List.copyOf(postData);
    }

    /** A DDL file of the dump: exactly one statement, without delimiter (docs/dump-format.md 1). */
    private SqlScript script(String key, String schema) {
        return new DumpScript(store, key, schema, Map.of(), null);
    }

    /**
     * A view, routine, trigger or event, run with the session context it was created with on the source (as mysqldump
     * does): sql_mode, character_set_client, collation_connection, an event's time_zone, and its schema's collation.
     */
    private SqlScript objectScript(ObjectEntry o) {
        Map<String, String> session = new LinkedHashMap<>();
        putIfPresent(session, "sql_mode", o.sqlMode());
        putIfPresent(session, "character_set_client", o.characterSetClient());
        putIfPresent(session, "collation_connection", o.collationConnection());
        putIfPresent(session, "time_zone", o.timeZone());
        return new DumpScript(store, o.ddlFile(), o.schema(), session, o.databaseCollation());
    }

    private static void putIfPresent(Map<String, String> session, String variable, String value) {
        if (value != null && (!value.isEmpty() || variable.equals("sql_mode"))) { // an empty sql_mode is a mode too
            session.put(variable, value);
        }
    }

    @Override
    public String toString() {
        return "DumpLoadSource{" + store.describe() + ", " + chunks.size() + " chunks}";
    }
}
