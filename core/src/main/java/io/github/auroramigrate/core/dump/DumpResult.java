package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.internal.manifest.Coordinates;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a completed dump: where it is, which consistency guarantee it has, the binlog coordinates of
 * its snapshot, and what it holds. Immutable and thread-safe.
 *
 * <pre>{@code
 * DumpResult r = dump.run();
 * r.binlogPosition().ifPresent(p -> startReplicationAt(p));
 * r.tableRows().forEach((t, n) -> System.out.println(t + ": " + n + " rows"));
 * }</pre>
 */
public final class DumpResult {
    private final Manifest manifest;
    private final String store;
    private final Duration duration;
    private final Map<TableRef, Long> tableRows;

    DumpResult(Manifest manifest, String store, Duration duration) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.store = store;
        this.duration = duration;
        Map<TableRef, Long> rows = new LinkedHashMap<>();
        for (SchemaEntry s : manifest.schemas()) {
            for (TableEntry t : s.tables()) {
                rows.put(TableRef.of(s.name(), t.name()), t.rows() == null ? 0L : t.rows());
            }
        }
        this.tableRows = java.util.Collections.unmodifiableMap(rows);
    }

    /** The final manifest (status COMPLETE); the file format's records are internal, readers use the store. */
    Manifest manifest() {
        return manifest;
    }

    /** @return the store key of the manifest, {@value Manifest#KEY} */
    public String manifestKey() {
        return Manifest.KEY;
    }

    /** @return the store the dump was written to, as {@link io.github.auroramigrate.core.store.DumpStore#describe()} */
    public String store() {
        return store;
    }

    /** @return the dump's id */
    public String dumpId() {
        return manifest.dumpId();
    }

    /** @return the consistency guarantee achieved */
    public Consistency consistency() {
        return manifest.consistency().level();
    }

    /** @return what was done for consistency and what it guarantees, in words */
    public String consistencyDescription() {
        return manifest.consistency().description();
    }

    /** @return whether the source had binary logging on (if not, there are no coordinates) */
    public boolean binlogEnabled() {
        return manifest.coordinates().binlogEnabled();
    }

    /** @return the binlog file and position of the snapshot, when binary logging is on and they could be read */
    public Optional<BinlogPosition> binlogPosition() {
        return position(manifest.coordinates());
    }

    /** @return the GTID set of the snapshot (MySQL gtid_executed or MariaDB gtid_binlog_pos), when there is one */
    public Optional<GtidSet> gtidSet() {
        return gtids(manifest.coordinates());
    }

    static Optional<BinlogPosition> position(Coordinates c) {
        return c.binlogFile() == null || c.binlogPosition() == null ? Optional.empty()
                : Optional.of(new BinlogPosition(c.binlogFile(), c.binlogPosition()));
    }

    static Optional<GtidSet> gtids(Coordinates c) {
        if (c.gtidSet() == null || c.gtidSet().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new GtidSet("MARIADB".equals(c.gtidFlavor()) ? GtidSet.Flavor.MARIADB : GtidSet.Flavor.MYSQL,
                c.gtidSet()));
    }

    /** @return rows dumped per table, in manifest order */
    public Map<TableRef, Long> tableRows() {
        return tableRows;
    }

    /** @return all rows dumped */
    public long rows() {
        return manifest.totals().rows();
    }

    /** @return uncompressed bytes written */
    public long dataBytes() {
        return manifest.totals().dataBytes();
    }

    /** @return stored bytes written */
    public long fileBytes() {
        return manifest.totals().fileBytes();
    }

    /** @return chunk files written */
    public long chunks() {
        return manifest.totals().chunks();
    }

    /** @return how long the dump took */
    public Duration duration() {
        return duration;
    }

    /** @return what was skipped or degraded */
    public List<String> warnings() {
        return manifest.warnings();
    }

    @Override
    public String toString() {
        return "DumpResult{" + store + ", " + rows() + " rows in " + chunks() + " chunks, " + Human.duration(duration) + ", " + consistency()
                + binlogPosition().map(p -> ", at " + p).orElse("") + gtidSet().map(g -> ", gtid " + g).orElse("") + "}";
    }
}
