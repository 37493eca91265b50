package io.github.auroramigrate.replication.stuck;

import java.util.Objects;

/**
 * An InnoDB transaction of a replication thread ({@code information_schema.INNODB_TRX}), the figures the handbook
 * reads from {@code SHOW ENGINE INNODB STATUS}: row locks and undo log entries.
 *
 * <pre>{@code
 * ApplierTransaction t = sample.transactions().get(0);
 * t.rowsLocked(); t.undoEntries();   // growing between samples means "busy"
 * }</pre>
 *
 * @param trxId         InnoDB transaction id
 * @param threadId      processlist id of the thread that runs it
 * @param state         {@code RUNNING}, {@code LOCK WAIT}, ...
 * @param activeSeconds seconds since the transaction started
 * @param lockStructs   lock structs (trx_lock_structs)
 * @param rowsLocked    row locks (trx_rows_locked, approximate)
 * @param undoEntries   rows modified = undo log entries (trx_rows_modified)
 * @param query         the statement being executed, or empty
 */
public record ApplierTransaction(String trxId, long threadId, String state, long activeSeconds, long lockStructs,
        long rowsLocked, long undoEntries, String query) {
    /** Normalises null texts to empty. */
    public ApplierTransaction {
        Objects.requireNonNull(trxId, "trxId");
        state = Objects.requireNonNullElse(state, "");
        query = Objects.requireNonNullElse(query, "");
    }

    /** @return whether the transaction waits for a lock */
    public boolean waitingForLock() {
        return state.equalsIgnoreCase("LOCK WAIT");
    }
}
