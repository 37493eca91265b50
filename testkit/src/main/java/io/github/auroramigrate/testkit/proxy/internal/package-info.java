/**
 * Implementation of {@link io.github.auroramigrate.testkit.proxy.MysqlProxy}: packet framing, the per-connection
 * pumps, the fault switches. No compatibility guarantees; use {@link io.github.auroramigrate.testkit.proxy}.
 */
package io.github.auroramigrate.testkit.proxy.internal;
