/**
 * Checks on the source before replication is set up: binary log on, ROW format, unique server ids, binary logs kept
 * long enough for the planned migration (estimated from their growth rate), and the replication user's privileges
 * and authentication plugin; plus {@link io.github.auroramigrate.replication.preflight.BinlogRetention} to fix the
 * retention.
 */
package io.github.auroramigrate.replication.preflight;
