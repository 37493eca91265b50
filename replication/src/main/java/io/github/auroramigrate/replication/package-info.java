/**
 * Binary log replication into the target, in every dialect: MySQL 5.6/5.7 ({@code CHANGE MASTER TO}, {@code SHOW
 * SLAVE STATUS}), MySQL 8.0.22+/8.0.23+/8.4 ({@code SHOW REPLICA STATUS}, {@code CHANGE REPLICATION SOURCE TO},
 * {@code SHOW BINARY LOG STATUS}), MariaDB ({@code MASTER_USE_GTID}), and Aurora/RDS through the {@code mysql.rds_*}
 * procedures - chosen from the servers.
 *
 * <pre>{@code
 * ReplicationUser user = ReplicationUser.create(source, "repl", replPassword, target);
 * SourcePreflight.of(source).target(target).replicationUser(user)
 *     .plannedDuration(Duration.ofHours(12)).build().run().throwIfFailed();
 * try (Replication repl = Replication.of(target).source(source, user)
 *         .startAt(dump.binlogPosition().orElseThrow()).heartbeat(Duration.ofSeconds(1)).build()) {
 *     repl.configure();
 *     repl.start();
 *     repl.awaitCaughtUp(Duration.ofHours(2));
 *     CutOver.of(repl)
 *         .stopWrites(app::pauseWriters).resumeWrites(app::resumeWriters)
 *         .verify(Verify.between(source, target).schemas("shop").build())
 *         .switchApplications(() -> app.useDatabase(target))
 *         .build().run();
 * }
 * }</pre>
 *
 * <p>Entry points, each a final class whose static factory names what it cannot run without:
 * {@link io.github.auroramigrate.replication.Replication}{@code .of(target)} (configure, start, status, lag,
 * {@code awaitCaughtUp}, {@code diagnose}, {@code stuckOrBusy}, explicit data-changing remedies),
 * {@link io.github.auroramigrate.replication.preflight.SourcePreflight}{@code .of(source)} ({@code run()} returns
 * the report), {@link io.github.auroramigrate.replication.cutover.CutOver}{@code .of(replication)} ({@code run()}
 * returns the report; takes a core {@code Verify}), and
 * {@link io.github.auroramigrate.replication.ReplicationUser}{@code .create(source, name, password, target)}. Failures are {@link
 * io.github.auroramigrate.replication.ReplicationException}s whose diagnosis code says what happened.
 *
 * <h2>Remedies, and what each verifies</h2>
 * Every remedy first checks that it can apply to this channel and refuses otherwise, before anything changes
 * ({@code REPLICATION_UNSUPPORTED} or {@code INVALID_INPUT}, naming what can help). After it ran, it watches the
 * replica (up to {@code remedyTimeout}, default 30 s) and returns a {@link io.github.auroramigrate.replication.SkipReport}
 * only when the failure is behind the replica: {@code Outcome.RESUMED} when replication then runs (seen on two
 * polls in a row), {@code Outcome.STOPPED_AGAIN} when it got past and then stopped on something later. When the
 * replica did not get past the failure it throws {@code REPLICATION_REMEDY_FAILED} with the status before and
 * after and the statements it ran; nothing was skipped then.
 * <table>
 * <caption>Remedies</caption>
 * <tr><th>remedy</th><th>how, per channel</th><th>refused when</th><th>verified by</th></tr>
 * <tr><td>{@code skipTransaction()}, by position (and on MariaDB)</td>
 *     <td>the skip counter ({@code sql_replica_skip_counter}/{@code sql_slave_skip_counter}; on Aurora/RDS
 *     {@code mysql.rds_skip_repl_error}), with a stop before and a start after</td>
 *     <td>the SQL thread reports no error</td>
 *     <td>the applied source position (Exec_Master_Log_Pos) is past the position the applier stopped at, no SQL
 *     error, SQL thread running; the same error at the same position means no effect</td></tr>
 * <tr><td>{@code skipTransaction()}, MySQL GTID auto-positioning (and MySQL 5.7 with gtid_mode ON, which refuses the
 *     skip counter)</td>
 *     <td>the failing GTID (from the worker's error text, {@code APPLYING_TRANSACTION}, or the first GTID received
 *     but not executed) committed as an empty transaction ({@code SET GTID_NEXT}; on Aurora/RDS
 *     {@code mysql.rds_skip_transaction_with_gtid}), then a start - the skip counter does nothing there</td>
 *     <td>no SQL error; the failing GTID cannot be told; on Aurora/RDS without
 *     {@code rds_skip_transaction_with_gtid} (names {@code rds_set_master_auto_position(0)} or fixing the row)</td>
 *     <td>that GTID is in the target's {@code gtid_executed}, no SQL error, SQL thread running; an error while the
 *     GTID is not executed means no effect</td></tr>
 * <tr><td>{@code skipToNextLogFile()}</td>
 *     <td>the channel moved to the start of the next binary log file ({@code CHANGE REPLICATION SOURCE TO}/
 *     {@code CHANGE MASTER TO}; on Aurora/RDS {@code mysql.rds_next_master_log}/{@code rds_next_source_log})</td>
 *     <td>no I/O error 1236; GTID auto-positioning (the source serves GTIDs, not files: a new dump or a re-sync is
 *     the way out); with a source connection, the next file is not on the source either, or the wanted file still
 *     is (unless the position is impossible)</td>
 *     <td>the I/O thread reads the next file or a later one, no I/O error, both threads running; an I/O error while
 *     still at the start of the next file means no effect</td></tr>
 * </table>
 * Every skip that took effect is logged at WARN ({@code DATA DRIFT} / {@code DATA MAY BE MISSING}) with the error,
 * the position or GTID, and the source's binary log events of what was skipped, and passed to the listener.
 *
 * <h2>Failure leaves a stated state</h2>
 * {@code configure()} refuses options the target's dialect cannot honour before anything changes ({@code
 * connectRetry} in the RDS dialect, whose procedures take no such argument; a GTID start on Aurora MySQL 2, which
 * has no {@code mysql.rds_gtid_purged}); with a forced dialect {@code build()} refuses them. {@code start()} sets up
 * the heartbeat (the library's own source connection) before it starts the threads: if that fails, replication on
 * the target is as it was; if starting the threads fails, the heartbeat is stopped again.
 */
package io.github.auroramigrate.replication;
