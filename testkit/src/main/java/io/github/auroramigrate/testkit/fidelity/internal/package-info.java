/**
 * Internals of the fidelity oracle (SQL text rules, readers, canonical values, the torture DDL). No
 * compatibility guarantees; use the types of {@link io.github.auroramigrate.testkit.fidelity}.
 */
package io.github.auroramigrate.testkit.fidelity.internal;
