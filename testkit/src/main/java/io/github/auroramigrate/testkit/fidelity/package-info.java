/**
 * A test oracle for migrations: a hostile schema per server flavour, a snapshot of everything a schema holds,
 * and an exact comparison of two snapshots. Plain JDBC; no dependency on the SDK it tests.
 *
 * <pre>{@code
 * TestServer source = TestServers.shared(ServerKind.MYSQL_57);
 * TestServer target = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "target");
 * String db = source.createSchema("torture");
 * TortureSchema.create(source, db);
 * SchemaSnapshot expected = SchemaSnapshot.of(source, db);
 * // ... migrate db from source to target (dump/load, copy, SQL file import) ...
 * SchemaComparison.builder()
 *         .expect(ExpectedDifference.engine("MyISAM", "InnoDB"))      // only what the test intends
 *         .build()
 *         .diff(expected, SchemaSnapshot.of(target, db))
 *         .assertEqual();
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.auroramigrate.testkit.fidelity.TortureSchema}: creates the schema (contents and what
 *       each flavour leaves out are listed there);</li>
 *   <li>{@link io.github.auroramigrate.testkit.fidelity.SchemaSnapshot}: reads definitions and rows into
 *       canonical forms (every normalisation is listed there);</li>
 *   <li>{@link io.github.auroramigrate.testkit.fidelity.SchemaComparison}: compares two snapshots into a
 *       {@link io.github.auroramigrate.testkit.fidelity.SchemaDiff} of
 *       {@link io.github.auroramigrate.testkit.fidelity.Difference}s, minus declared
 *       {@link io.github.auroramigrate.testkit.fidelity.ExpectedDifference}s.</li>
 * </ul>
 */
package io.github.auroramigrate.testkit.fidelity;
