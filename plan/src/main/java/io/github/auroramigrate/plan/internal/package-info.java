/**
 * The plan module's internals: journal and its store, lock, runner, the library's steps, guardrails, rollback window,
 * plan file reader. No compatibility guarantee.
 */
package io.github.auroramigrate.plan.internal;
