package io.github.auroramigrate.core.internal.manifest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versioned description of a dump: source, options, consistency and coordinates, schema objects and
 * every data chunk with its row count and checksums. Stored as {@code manifest.json} at the root of the dump;
 * read and written with {@link ManifestIO}. The format is specified in {@code docs/dump-format.md}.
 *
 * <pre>{@code
 * Manifest m = ManifestIO.read(store);
 * if (m.status() == DumpStatus.COMPLETE) {
 *     for (SchemaEntry s : m.schemas()) { ... }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param format           always {@link #FORMAT}
 * @param formatVersion    {@link #FORMAT_VERSION}
 * @param dumpId           a random id of this dump
 * @param status           finished, in progress or failed
 * @param startedAt        when the dump started
 * @param updatedAt        when the manifest was last written
 * @param heartbeatSeconds the longest interval between manifest writes while the dump runs
 * @param finishedAt       when it finished (complete or failed), else null
 * @param failure          the rendered diagnosis of a failed dump, else null
 * @param tool             the writing tool and version
 * @param source           the source server
 * @param options          the options used
 * @param session          how data was read and must be loaded
 * @param consistency      the achieved guarantee, null while the snapshot is not yet established
 * @param coordinates      binlog coordinates at the snapshot, null while not yet known
 * @param schemas          dumped schemas, tables and objects
 * @param views            views of all schemas, in dependency order
 * @param users            accounts, when dumped
 * @param limits           sizes the target must accept
 * @param totals           counts so far
 * @param warnings         things that were skipped or degraded, in words
 */
public record Manifest(String format, int formatVersion, String dumpId, DumpStatus status, Instant startedAt,
        Instant updatedAt, int heartbeatSeconds, Instant finishedAt, String failure, String tool, SourceServer source,
        DumpSettings options, SessionSettings session, ConsistencyEntry consistency, Coordinates coordinates,
        List<SchemaEntry> schemas, List<ObjectEntry> views, List<UserEntry> users, Limits limits, Totals totals,
        List<String> warnings) {

    /** The value of {@link #format()}. */
    public static final String FORMAT = "aurora-migrate-dump";
    /** The format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The store key of the manifest. */
    public static final String KEY = "manifest.json";

    /** Validates and copies. */
    public Manifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dumpId, "dumpId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        updatedAt = updatedAt == null ? startedAt : updatedAt;
        session = session == null ? SessionSettings.DEFAULT : session;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        views = views == null ? List.of() : List.copyOf(views);
        users = users == null ? List.of() : List.copyOf(users);
        limits = limits == null ? Limits.NONE : limits;
        totals = totals == null ? Totals.NONE : totals;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** @return the schema of that name, if dumped */
    public Optional<SchemaEntry> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return the table {@code schema.table}, if dumped */
    public Optional<TableEntry> table(String schemaName, String tableName) {
        return schema(schemaName).flatMap(s -> s.table(tableName));
    }

    /**
     * Whether an {@link DumpStatus#IN_PROGRESS} dump has stopped being updated: its manifest is older than three
     * heartbeats at {@code now}.
     */
    public boolean looksInterrupted(Instant now) {
        return status == DumpStatus.IN_PROGRESS
                && Duration.between(updatedAt, now).compareTo(Duration.ofSeconds(3L * Math.max(1, heartbeatSeconds))) > 0;
    }
}
