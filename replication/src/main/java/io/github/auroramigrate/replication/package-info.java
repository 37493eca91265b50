/**
 * Binary log replication into the target, in every dialect: MySQL 5.6/5.7 ({@code CHANGE MASTER TO}, {@code SHOW
 * SLAVE STATUS}), MySQL 8.0.22+/8.0.23+/8.4 ({@code SHOW REPLICA STATUS}, {@code CHANGE REPLICATION SOURCE TO},
 * {@code SHOW BINARY LOG STATUS}), MariaDB ({@code MASTER_USE_GTID}), and Aurora/RDS through the {@code mysql.rds_*}
 * procedures - chosen from the servers.
 *
 * <pre>{@code
 * ReplicationUser user;
 * try (EndpointPool src = source.pool(1)) {
 *     user = ReplicationUser.create(src, "repl", replPassword, target);
 * }
 * SourcePreflight.builder().source(source).target(target).replicationUser(user)
 *     .plannedDuration(Duration.ofHours(12)).build().check().throwIfFailed();
 * try (Replication repl = Replication.of(target).source(source, user)
 *         .startAt(dump.binlogPosition().orElseThrow()).heartbeat(Duration.ofSeconds(1)).build()) {
 *     repl.configure();
 *     repl.start();
 *     repl.awaitCaughtUp(Duration.ofHours(2));
 *     CutOver.builder().replication(repl)
 *         .stopWrites(app::pauseWriters).resumeWrites(app::resumeWriters)
 *         .switchApplications(() -> app.useDatabase(target))
 *         .build().run();
 * }
 * }</pre>
 *
 * <p>Entry points: {@link io.github.auroramigrate.replication.Replication} (configure, start, status, lag,
 * {@code awaitCaughtUp}, {@code diagnose}, {@code stuckOrBusy}, explicit data-changing remedies),
 * {@link io.github.auroramigrate.replication.ReplicationUser}, {@link
 * io.github.auroramigrate.replication.preflight.SourcePreflight}, {@link
 * io.github.auroramigrate.replication.cutover.CutOver}. Failures are {@link
 * io.github.auroramigrate.replication.ReplicationException}s whose diagnosis code says what happened.
 */
package io.github.auroramigrate.replication;
