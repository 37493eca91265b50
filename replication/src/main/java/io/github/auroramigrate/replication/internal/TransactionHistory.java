package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every InnoDB transaction of the replication threads across a series of samples, each with all its sightings:
 * so a transaction that starts, grows, ends or waits anywhere inside the window counts, not only one present in the
 * first and last sample. Immutable.
 *
 * @param trxId     InnoDB transaction id
 * @param sightings the samples it appeared in, first to last, as (offset, transaction)
 * @param inFirst   whether it was there in the first sample
 * @param inLast    whether it was there in the last sample
 */
record TransactionHistory(String trxId, List<Sighting> sightings, boolean inFirst, boolean inLast) {
    /** One appearance of the transaction. */
    record Sighting(Duration at, ApplierTransaction trx) {
    }

    /** @return one history per transaction seen in {@code samples}, in order of first appearance */
    static List<TransactionHistory> of(List<ApplierSample> samples) {
        Map<String, List<Sighting>> seen = new LinkedHashMap<>();
        for (ApplierSample s : samples) {
            for (ApplierTransaction t : s.transactions()) {
                seen.computeIfAbsent(t.trxId(), k -> new ArrayList<>()).add(new Sighting(s.offset(), t));
            }
        }
        ApplierSample first = samples.get(0);
        ApplierSample last = samples.get(samples.size() - 1);
        List<TransactionHistory> out = new ArrayList<>();
        seen.forEach((id, list) -> out.add(new TransactionHistory(id, List.copyOf(list),
                first.transactions().stream().anyMatch(t -> t.trxId().equals(id)),
                last.transactions().stream().anyMatch(t -> t.trxId().equals(id)))));
        return out;
    }

    ApplierTransaction first() {
        return sightings.get(0).trx();
    }

    ApplierTransaction last() {
        return sightings.get(sightings.size() - 1).trx();
    }

    /** @return whether it took more row locks or wrote more undo entries between its first and last sighting */
    boolean grew() {
        return last().rowsLocked() > first().rowsLocked() || last().undoEntries() > first().undoEntries();
    }

    /** @return whether it waits for a lock at its last sighting without having grown */
    boolean waiting() {
        return last().waitingForLock() && !grew();
    }

    /**
     * Whether it shows the applier working: it grew, or it started inside the window and is not waiting for a lock,
     * or (with {@code countEnded}) it ended inside the window without waiting at its end.
     */
    boolean worked(boolean countEnded) {
        if (grew()) {
            return true;
        }
        if (last().waitingForLock()) {
            return false;
        }
        return (!inFirst && inLast) || (countEnded && !inLast);
    }

    /** @return the transaction's story in words, with the figures of its first and last sighting */
    String describe() {
        ApplierTransaction a = first();
        ApplierTransaction b = last();
        StringBuilder sb = new StringBuilder("InnoDB transaction ").append(trxId).append(" of replication thread ")
                .append(b.threadId());
        if (!inFirst) {
            sb.append(" started during the window (first seen at +").append(seconds(sightings.get(0).at())).append(')');
        } else {
            sb.append(" (active ").append(b.activeSeconds()).append(" s)");
        }
        if (sightings.size() > 1 && grew()) {
            sb.append(" grew from ").append(a.rowsLocked()).append(" to ").append(b.rowsLocked())
                    .append(" row locks and from ").append(a.undoEntries()).append(" to ").append(b.undoEntries())
                    .append(" undo log entries");
        } else if (sightings.size() > 1) {
            sb.append(" did not grow: ").append(b.rowsLocked()).append(" row locks, ").append(b.undoEntries())
                    .append(" undo log entries in each of its ").append(sightings.size()).append(" sightings");
        } else {
            sb.append(" holds ").append(b.rowsLocked()).append(" row locks and ").append(b.undoEntries())
                    .append(" undo log entries");
        }
        if (!inLast) {
            sb.append(", last seen at +").append(seconds(sightings.get(sightings.size() - 1).at()))
                    .append(" and gone by the end of the window (committed or rolled back)");
        }
        sb.append(", state ").append(b.state());
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
