/**
 * Implementation of the testkit: binary extraction, local server processes, the Aurora emulation.
 * No compatibility guarantees; use {@link io.github.auroramigrate.testkit} instead.
 */
package io.github.auroramigrate.testkit.internal;
