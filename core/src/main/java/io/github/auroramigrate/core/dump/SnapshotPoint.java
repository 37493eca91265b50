package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.GtidSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The point a dump's snapshot was taken at: the consistency guarantee achieved and the source's binary log
 * coordinates at that point. Immutable.
 *
 * <pre>{@code
 * public void onSnapshot(SnapshotPoint p) {
 *     p.binlogPosition().ifPresent(pos -> log.info("replicate from {}", pos));
 * }
 * }</pre>
 */
public final class SnapshotPoint {
    private final Consistency consistency;
    private final String description;
    private final boolean binlogEnabled;
    private final BinlogPosition binlogPosition;
    private final GtidSet gtidSet;

    /**
     * @param consistency    the guarantee achieved
     * @param description    what was done for it, in words
     * @param binlogEnabled  whether the source had binary logging on
     * @param binlogPosition the position, or null when unknown
     * @param gtidSet        the GTID set, or null when none
     */
    public SnapshotPoint(Consistency consistency, String description, boolean binlogEnabled,
            BinlogPosition binlogPosition, GtidSet gtidSet) {
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.description = Objects.requireNonNull(description, "description");
        this.binlogEnabled = binlogEnabled;
        this.binlogPosition = binlogPosition;
        this.gtidSet = gtidSet;
    }

    /** @return the consistency guarantee achieved */
    public Consistency consistency() {
        return consistency;
    }

    /** @return what was done for consistency and what it guarantees, in words */
    public String description() {
        return description;
    }

    /** @return whether the source had binary logging on (if not, there are no coordinates) */
    public boolean binlogEnabled() {
        return binlogEnabled;
    }

    /** @return the binlog file and position of the snapshot, when binary logging is on and they could be read */
    public Optional<BinlogPosition> binlogPosition() {
        return Optional.ofNullable(binlogPosition);
    }

    /** @return the GTID set of the snapshot, when there is one */
    public Optional<GtidSet> gtidSet() {
        return Optional.ofNullable(gtidSet);
    }

    @Override
    public String toString() {
        return "SnapshotPoint{" + consistency + (binlogPosition == null ? "" : ", " + binlogPosition)
                + (gtidSet == null ? "" : ", gtids " + gtidSet) + "}";
    }
}
