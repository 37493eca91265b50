package io.github.auroramigrate.core.copy;

import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.GtidSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link Copy}: the dump side (consistency and the snapshot's binlog coordinates, to start
 * replication from), the load side, and the most memory the chunks in flight took.
 *
 * <pre>{@code
 * CopyResult r = Copy.from(source).to(target).threads(2).dump(d -> d.schemas("shop")).build().run();
 * r.binlogPosition().ifPresent(p -> replication.startAt(p));
 * }</pre>
 *
 * @param dump           the dump's result (its manifest lived in memory only)
 * @param load           the load's result, with verification when asked for
 * @param peakBuffered   the most chunk bytes held in memory at once, complete but not yet loaded
 */
public record CopyResult(DumpResult dump, LoadResult load, DataSize peakBuffered) {
    /** Validates. */
    public CopyResult {
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(peakBuffered, "peakBuffered");
    }

    /** @return the binlog file and position of the source snapshot the target now holds, when the binlog is on */
    public Optional<BinlogPosition> binlogPosition() {
        return dump.binlogPosition();
    }

    /** @return the GTID set of that snapshot, when the source has GTIDs */
    public Optional<GtidSet> gtidSet() {
        return dump.gtidSet();
    }

    /** @return the dump's and the load's one-line summaries and the peak memory */
    @Override
    public String toString() {
        return "CopyResult{" + dump + "; " + load.summary() + "; peak buffered " + peakBuffered + "}";
    }
}
