/**
 * Migration plans: the handbook's "Planning and Testing a Database Migration", executable. A {@link
 * io.github.auroramigrate.plan.Plan} is an ordered checklist of {@link io.github.auroramigrate.plan.PlanStep}s, each with
 * its rollback (the shadow checklist), built from the library's capabilities ({@link io.github.auroramigrate.plan.Steps})
 * and application hooks; it runs, suspends and resumes against a durable journal, cuts over behind guardrails, keeps a
 * rollback window open with reverse replication, and measures every step for a rehearsal's estimate.
 *
 * <pre>{@code
 * Plan plan = Plan.fromFile(Path.of("shop.plan.yaml")).build();
 * PlanReport r = plan.run();          // or plan.rollback(), plan.closeRollbackWindow(), plan.rehearse()
 * System.out.println(r.checklist());
 * }</pre>
 *
 * <p>Failures are {@link io.github.auroramigrate.plan.PlanException}s carrying the failing step's diagnosis.
 * Internals ({@code plan.internal}) carry no compatibility guarantee; the journal's format is documented in
 * {@code docs/plans.md}.
 */
package io.github.auroramigrate.plan;
