/**
 * The handbook's "Replication Appears Stuck" procedure, automated: {@link
 * io.github.auroramigrate.replication.Replication#stuckOrBusy(java.time.Duration)} samples the replica status, the
 * replication threads in the process list and their InnoDB transactions over a window, and returns a
 * {@link io.github.auroramigrate.replication.stuck.Verdict} with its evidence. Each transaction is judged over all
 * the samples it appears in, so one that starts, grows, ends or waits anywhere inside the window counts, and the
 * evidence quotes the figures of its own first and last sighting. On a multi-threaded replica a failure quotes the
 * failing worker's error.
 */
package io.github.auroramigrate.replication.stuck;
