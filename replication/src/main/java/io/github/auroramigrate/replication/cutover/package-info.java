/**
 * The cut-over from source to target: stop writes, wait for zero lag at the source's final position, verify,
 * stop replication, switch the applications, each step timed; any failure before the switch makes the source take
 * writes again.
 */
package io.github.auroramigrate.replication.cutover;
