package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ConsistencyEntry;
import io.github.auroramigrate.core.internal.manifest.Coordinates;
import io.github.auroramigrate.core.internal.manifest.DumpSettings;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Limits;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.ObjectEntry;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.SessionSettings;
import io.github.auroramigrate.core.internal.manifest.SourceServer;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.TableStatus;
import io.github.auroramigrate.core.internal.manifest.Totals;
import io.github.auroramigrate.core.internal.manifest.UserEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a running dump: collects entries as workers finish chunks and writes the manifest to the
 * store (atomically, by the store's contract) when something changed, at most about once a second, and at
 * least every heartbeat. Thread-safe.
 */
final class ManifestTracker {
    static final int HEARTBEAT_SECONDS = 10;
    private static final long MIN_WRITE_INTERVAL_MS = 1000;

    private static final class SchemaState {
        final String name;
        String ddlFile;
        final Map<String, TableState> tables = new LinkedHashMap<>();
        final List<ObjectEntry> routines = new ArrayList<>();
        final List<ObjectEntry> triggers = new ArrayList<>();
        final List<ObjectEntry> events = new ArrayList<>();

        SchemaState(String name) {
            this.name = name;
        }
    }

    private static final class TableState {
        TableEntry base;
        TableStatus status = TableStatus.PENDING;
        final List<ChunkEntry> chunks = new ArrayList<>();
        int plannedChunks = -1;
        Checksum checksum = Checksum.EMPTY;
    }

    private final DumpStore store;
    private final Clock clock;
    private final String dumpId;
    private final Instant startedAt;
    private final String tool;
    private final SourceServer source;
    private final DumpSettings options;
    private final Map<String, SchemaState> schemas = new LinkedHashMap<>();
    private final List<ObjectEntry> views = new ArrayList<>();
    private final List<UserEntry> users = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ConsistencyEntry consistency;
    private Coordinates coordinates;
    private DumpStatus status = DumpStatus.IN_PROGRESS;
    private String failure;
    private Instant finishedAt;
    private long maxRowBytes;
    private long maxValueBytes;
    private long maxStatementBytes;
    private boolean dirty = true;
    private long lastWrite;
    private Manifest last;

    ManifestTracker(DumpStore store, Clock clock, String dumpId, String tool, SourceServer source, DumpSettings options) {
        this.store = store;
        this.clock = clock;
        this.dumpId = dumpId;
        this.startedAt = clock.instant();
        this.tool = tool;
        this.source = source;
        this.options = options;
    }

    synchronized void schema(String name, String ddlFile) {
        schemas.computeIfAbsent(name, SchemaState::new).ddlFile = ddlFile;
        dirty = true;
    }

    synchronized void table(String schema, TableEntry entry) {
        TableState t = new TableState();
        t.base = entry;
        schemas.computeIfAbsent(schema, SchemaState::new).tables.put(entry.name(), t);
        dirty = true;
    }

    synchronized void object(ObjectEntry o) {
        switch (o.type()) {
            case VIEW -> views.add(o);
            case PROCEDURE, FUNCTION -> schemas.computeIfAbsent(o.schema(), SchemaState::new).routines.add(o);
            case TRIGGER -> schemas.computeIfAbsent(o.schema(), SchemaState::new).triggers.add(o);
            case EVENT -> schemas.computeIfAbsent(o.schema(), SchemaState::new).events.add(o);
            default -> throw new IllegalStateException(o.type().name());
        }
        dirty = true;
    }

    synchronized void user(UserEntry u) {
        users.add(u);
        dirty = true;
    }

    synchronized void warning(String w) {
        warnings.add(w);
        dirty = true;
    }

    synchronized void snapshot(ConsistencyEntry c, Coordinates coords) {
        this.consistency = c;
        this.coordinates = coords;
        dirty = true;
    }

    /** @return true for the first call on a table (its data starts to be read) */
    synchronized boolean tableStarted(TableRef ref) {
        TableState t = state(ref);
        if (t.status == TableStatus.PENDING) {
            t.status = TableStatus.IN_PROGRESS;
            dirty = true;
            return true;
        }
        return false;
    }

    /** Records a finished chunk. @return true when this completed the table */
    synchronized boolean chunk(TableRef ref, ChunkEntry c, long valueBytes, long statementBytes) {
        TableState t = state(ref);
        t.chunks.add(c);
        t.checksum = t.checksum.plus(c.checksum());
        if (t.status == TableStatus.PENDING) {
            t.status = TableStatus.IN_PROGRESS;
        }
        maxRowBytes = Math.max(maxRowBytes, c.maxRowBytes());
        maxValueBytes = Math.max(maxValueBytes, valueBytes);
        maxStatementBytes = Math.max(maxStatementBytes, statementBytes);
        dirty = true;
        return completeIfDone(t);
    }

    /** All chunks of a table are planned. @return true when this completed the table */
    synchronized boolean planned(TableRef ref, int chunks) {
        TableState t = state(ref);
        t.plannedChunks = chunks;
        dirty = true;
        return completeIfDone(t);
    }

    private boolean completeIfDone(TableState t) {
        if (t.status != TableStatus.COMPLETE && t.plannedChunks >= 0 && t.chunks.size() == t.plannedChunks) {
            t.status = TableStatus.COMPLETE;
            return true;
        }
        return false;
    }

    synchronized long tableRows(TableRef ref) {
        return state(ref).checksum.rows();
    }

    private TableState state(TableRef ref) {
        return schemas.get(ref.schema()).tables.get(ref.name());
    }

    synchronized void finish(DumpStatus finalStatus, String failureText) {
        status = finalStatus;
        failure = failureText;
        finishedAt = clock.instant();
        dirty = true;
    }

    /** Builds the current manifest. */
    synchronized Manifest build() {
        List<SchemaEntry> s = new ArrayList<>();
        int tables = 0;
        int complete = 0;
        long chunks = 0;
        long rows = 0;
        long dataBytes = 0;
        long fileBytes = 0;
        for (SchemaState st : schemas.values()) {
            List<TableEntry> ts = new ArrayList<>();
            for (TableState t : st.tables.values()) {
                List<ChunkEntry> sorted = new ArrayList<>(t.chunks);
                sorted.sort(Comparator.comparingInt(ChunkEntry::index));
                boolean done = t.status == TableStatus.COMPLETE;
                ts.add(t.base.withProgress(t.status, sorted, done ? t.checksum.rows() : null, done ? t.checksum : null));
                tables++;
                complete += done ? 1 : 0;
                for (ChunkEntry c : t.chunks) {
                    chunks++;
                    rows += c.rows();
                    dataBytes += c.dataBytes();
                    fileBytes += c.fileBytes();
                }
            }
            s.add(new SchemaEntry(st.name, st.ddlFile, ts, st.routines, st.triggers, st.events));
        }
        long biggest = options.format().equals("SQL") ? maxStatementBytes : maxRowBytes;
        long required = biggest == 0 ? 0 : biggest + 1024;
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, dumpId, status, startedAt, clock.instant(),
                HEARTBEAT_SECONDS, finishedAt, failure, tool, source, options, SessionSettings.DEFAULT, consistency,
                coordinates, s, views, users,
                new Limits(maxRowBytes, maxValueBytes, options.format().equals("SQL") ? maxStatementBytes : 0, required),
                new Totals(tables, complete, chunks, rows, dataBytes, fileBytes), warnings);
    }

    /** Writes the manifest if it changed and the last write is a second old, or a heartbeat is due, or forced. */
    void write(boolean force) throws IOException {
        Manifest m;
        synchronized (this) {
            long now = clock.millis();
            boolean due = now - lastWrite >= HEARTBEAT_SECONDS * 1000L / 2
                    || (dirty && now - lastWrite >= MIN_WRITE_INTERVAL_MS);
            if (!force && !due) {
                return;
            }
            m = build();
            dirty = false;
            lastWrite = now;
            last = m;
            // write under the lock: a later manifest must never be overtaken by an earlier one
            store.put(Manifest.KEY, ManifestIO.toJson(m));
        }
    }

    synchronized Manifest last() {
        return last;
    }

    synchronized long maxValueBytes() {
        return maxValueBytes;
    }
}
