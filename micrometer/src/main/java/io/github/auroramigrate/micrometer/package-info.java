/**
 * Optional Micrometer metrics of a migration ({@link io.github.auroramigrate.micrometer.MigrationMetrics}): the
 * library's listeners turned into meters in the application's registry. Depends on micrometer-core only.
 *
 * <pre>{@code
 * MigrationMetrics metrics = MigrationMetrics.of(registry).tag("migration", "shop").build();
 * Load.into(target).from(source).listener(metrics.load()).build().run();
 * }</pre>
 */
package io.github.auroramigrate.micrometer;
