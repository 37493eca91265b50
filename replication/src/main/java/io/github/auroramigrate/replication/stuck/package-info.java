/**
 * The handbook's "Replication Appears Stuck" procedure, automated: {@link
 * io.github.auroramigrate.replication.Replication#stuckOrBusy(java.time.Duration)} samples the replica status, the
 * replication threads in the process list and their InnoDB transactions over a window, and returns a
 * {@link io.github.auroramigrate.replication.stuck.Verdict} with its evidence.
 */
package io.github.auroramigrate.replication.stuck;
