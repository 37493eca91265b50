/**
 * Runnable examples, one package per scenario of the Aurora migration handbook, each a small program a user would
 * copy, run against embedded servers by default or against your own with {@code --source}/{@code --target}:
 * {@code withdowntime} (dump and import), {@code troubleshooting} (a mysqldump file failing with 1227 on a DEFINER,
 * fixed by a transform and rerun), {@code flatfile} (CSV export and import with a schema file), {@code mydumper} (a
 * mydumper directory imported in parallel), {@code nearzero} (binlog replication and a verified cut-over: the README's
 * main job, through the CLI). The RDS scenarios (snapshot migration, Aurora read replica, XtraBackup) will be
 * {@code rds.snapshot}, {@code rds.readreplica} and {@code xtrabackup}. {@code demo} holds what they share.
 *
 * <pre>{@code
 * scripts/example.sh withdowntime.DumpAndImport
 * }</pre>
 */
package io.github.auroramigrate.examples;
