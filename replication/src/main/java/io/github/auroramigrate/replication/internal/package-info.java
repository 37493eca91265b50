/**
 * Implementation details of the replication module: server detection, per-dialect SQL, status diagnosis, the
 * heartbeat writer and the applier sampler. No compatibility guarantees: these types may change in any release.
 */
package io.github.auroramigrate.replication.internal;
