/**
 * Side-by-side throughput of aurora-migrate's dump and load against mydumper/myloader and mariadb-dump/mariadb,
 * and against the server's own ceilings ({@code SELECT ... INTO OUTFILE}, server-side {@code LOAD DATA INFILE}).
 *
 * <pre>{@code
 * scripts/bench.sh --rows 2000000 --reps 2 --suites dump,load,load-big,copy,memory
 * }</pre>
 *
 * <p>Not part of the test suite. {@link io.github.auroramigrate.benchmarks.BenchMain} orchestrates: it starts two
 * private MySQL 8.0 servers (testkit), generates the dataset on the source, and runs every tool as a child process
 * under {@code /usr/bin/time} so wall time and peak RSS are measured the same way for all of them; our own tool
 * runs in a child JVM ({@link io.github.auroramigrate.benchmarks.OursMain}). Every load is verified on the target
 * (row counts and CRC32 checksums per table) and a mismatch marks the result FAILED.
 */
package io.github.auroramigrate.benchmarks;
