/**
 * Real MySQL-compatible servers for tests and demos, started from binaries shipped in Maven Central
 * artifacts (or as Docker containers), with optional Aurora-like profiles and a JUnit 5 extension.
 *
 * <pre>{@code
 * @ExtendWith(TestServersExtension.class)
 * class LoadIT {
 *     @Test
 *     void loads(@Server(ServerKind.MYSQL_57) TestServer source,
 *                @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
 *         String db = source.createSchema("shop");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <h2>Artifacts: pull only the servers you need</h2>
 * This artifact, {@code io.github.auroramigrate:aurora-migrate-testkit}, holds the API, the
 * {@link io.github.auroramigrate.testkit.spi.ServerProvider} SPI, the extension, the fidelity oracle and the
 * Aurora-like profiles, but no server binaries and no Docker client. Servers come from providers that
 * {@link java.util.ServiceLoader} finds on the classpath; add, as test dependencies, the ones you need:
 * <table>
 *   <caption>Provider artifacts (group {@code io.github.auroramigrate})</caption>
 *   <tr><th>artifact</th><th>kinds</th><th>needs</th></tr>
 *   <tr><td>{@code aurora-migrate-testkit-mysql80}</td><td>{@code MYSQL_80} (8.0.31)</td><td>Linux x86-64, libaio</td></tr>
 *   <tr><td>{@code aurora-migrate-testkit-mysql57}</td><td>{@code MYSQL_57} (5.7.22)</td><td>Linux x86-64, libaio</td></tr>
 *   <tr><td>{@code aurora-migrate-testkit-mariadb114}</td><td>{@code MARIADB_114} (11.4.5)</td><td>Linux x86-64</td></tr>
 *   <tr><td>{@code aurora-migrate-testkit-testcontainers}</td><td>all, also {@code MYSQL_84} (8.4.8)</td>
 *       <td>a Docker engine</td></tr>
 * </table>
 * A bundle depends on this artifact, so one dependency is enough. Asking for a kind that no provider on
 * the classpath supports fails (never skips) with a {@link io.github.auroramigrate.testkit.TestkitException}
 * naming the artifact to add. Bundles start their kinds first; {@code -Daurora.testkit.provider=local} or
 * {@code =testcontainers} forces one. Measured download sizes (jars with their compile and runtime
 * dependencies, MB of 10^6 bytes): this artifact 7.3 MB; {@code -mysql80} 50.9 MB more, {@code -mysql57}
 * 18.4 MB, {@code -mariadb114} 148.9 MB, {@code -testcontainers} 25.3 MB (images come through Docker). Before
 * the split the one testkit dependency pulled all three bundles: 225.4 MB.
 *
 * <p>The Testcontainers provider's own tests need a Docker engine and run only under the Maven profile
 * {@code docker}: {@code ./mvnw -B verify -Pdocker -pl testkit-testcontainers -am}. That profile is not part of
 * {@code scripts/test.sh} (and so of CI): this project's machines have no Docker engine. Without one those
 * tests fail, each saying that no Docker engine is reachable.
 *
 * <h2>Servers</h2>
 * MySQL 8.0.31, MySQL 5.7.22 and MariaDB 11.4.5 from bundled binaries, and MySQL 8.4.8 as a container
 * ({@link io.github.auroramigrate.testkit.ServerKind}); what follows is about the bundled ones.
 * Binaries are extracted once per version into {@code ~/.cache/aurora-migrate/servers} (override with
 * {@code -Daurora.testkit.cache} or {@code AURORA_MIGRATE_CACHE}); an initialised template data directory is
 * kept beside them and copied for each server. Every server has its own temp directory, a free loopback
 * port, a unique {@code server_id}, binlog on in ROW format, {@code local_infile=1},
 * {@code max_allowed_packet=64M}, {@code secure_file_priv} set to {@link
 * io.github.auroramigrate.testkit.TestServer#secureFilePriv()}, binlogs expiring after an hour, and trades
 * durability for speed ({@code innodb_flush_log_at_trx_commit=2}, {@code sync_binlog=0}). Servers are
 * stopped (SIGTERM, then SIGKILL after 3 s, {@code -Daurora.testkit.stopTimeoutSeconds}, as their files are
 * deleted anyway; {@code restart()} waits up to 60 s for a clean shutdown) and their files deleted when the
 * JVM exits; servers left behind by a JVM that was
 * killed are cleaned up by the next JVM that starts one. The MySQL binaries need the OS library
 * {@code libaio.so.1} ({@code scripts/install-os-deps.sh}). Linux x86-64 only.
 *
 * <h2>Aurora emulation: what it is and is not</h2>
 * Amazon Aurora cannot run outside AWS. {@link io.github.auroramigrate.testkit.AuroraProfile#AURORA_MYSQL_2}
 * (on MySQL 5.7) and {@link io.github.auroramigrate.testkit.AuroraProfile#AURORA_MYSQL_3} (on MySQL 8.0)
 * reproduce, on a community server, the parts of Aurora that change how a migration has to be done:
 * <ul>
 *   <li>the master user ({@code master}@{@code %}, random password) with exactly the static and dynamic
 *       privileges AWS documents for the version (version 3 also through {@code rds_superuser_role}), so
 *       {@code SUPER}-only operations fail with error 1227: {@code SET GLOBAL}, {@code SET sql_log_bin},
 *       {@code CHANGE MASTER TO}/{@code CHANGE REPLICATION SOURCE TO}, {@code PURGE BINARY LOGS} (version 3),
 *       a {@code DEFINER} naming another account (version 2); on version 3 {@code SET_USER_ID} accepts a
 *       missing definer with note 1449, and using the object then fails (1045 for non-SUPER users such as
 *       the master user, 1449 for root). {@code FILE} is not granted, so server-side
 *       {@code SELECT ... INTO OUTFILE}/{@code LOAD DATA INFILE} fail for the master user, as on Aurora;</li>
 *   <li>the {@code mysql.rds_*} procedures, owned by a locked {@code rdsadmin@localhost} account with
 *       {@code SQL SECURITY DEFINER}, taking AWS's documented arguments and running the native statements:
 *       {@code rds_set_external_master(host, port, user, password, log_file, log_pos, ssl_encryption)},
 *       {@code rds_set_external_master_with_auto_position(host, port, user, password, ssl_encryption)},
 *       {@code rds_set_master_auto_position(mode)}, {@code rds_reset_external_master()},
 *       {@code rds_next_master_log(curr_master_log)}, {@code rds_start_replication()},
 *       {@code rds_stop_replication()}, {@code rds_skip_repl_error()},
 *       {@code rds_set_configuration(name, value)} / {@code rds_show_configuration()} (only
 *       {@code 'binlog retention hours'}, applied to the server's binlog expiry), {@code rds_kill(id)},
 *       {@code rds_kill_query(id)}, {@code rds_skip_transaction_with_gtid(gtid_to_skip)}; version 2 adds {@code rds_disable_session_binlog()},
 *       {@code rds_enable_session_binlog()}, {@code rds_set_session_binlog_format(format)}; version 3 adds the
 *       {@code _source} names ({@code rds_set_external_source}, {@code ..._source_with_auto_position},
 *       {@code rds_set_source_auto_position}, {@code rds_reset_external_source}, {@code rds_next_source_log})
 *       {@code rds_start_replication_until(log_file, position)} and {@code rds_gtid_purged(gtid_set)}, and keeps
 *       the {@code _master} names.
 *       On version 3 the procedures add {@code GET_SOURCE_PUBLIC_KEY=1}, so a
 *       {@code caching_sha2_password} replication user works without TLS.</li>
 * </ul>
 * Not reproduced: Aurora's storage layer, cluster and reader endpoints, replicas and failover,
 * {@code aurora_version()}/{@code @@aurora_version} and other Aurora variables and status, parameter
 * groups (the profile changes no server settings), IAM authentication, {@code LOAD DATA FROM S3},
 * {@code SELECT INTO OUTFILE S3}, Lambda invocation, backtrack, the {@code mysql.rds_history} and
 * {@code mysql.rds_replication_status} bookkeeping and the exact messages AWS's procedures print,
 * binlog SSL material procedures, multi-source channels, delayed replication, performance characteristics,
 * and the version-specific bugs of Aurora. The master user can still read and change the {@code mysql}
 * schema (Aurora protects some of it).
 *
 * <h2>Network faults and statement interception</h2>
 * {@link io.github.auroramigrate.testkit.proxy.MysqlProxy}, in {@link io.github.auroramigrate.testkit.proxy}, puts
 * a MySQL-aware proxy between a client and a server: resets, black holes, latency, bandwidth limits, cuts after
 * n bytes or at a statement, and a query handler that can rewrite or answer statements (for instance to emulate
 * {@code LOAD DATA FROM S3}).
 *
 * <h2>Other providers</h2>
 * Anyone can register a {@link io.github.auroramigrate.testkit.spi.ServerProvider} through
 * {@link java.util.ServiceLoader}; a new bundle extends {@link io.github.auroramigrate.testkit.spi.BundledServerProvider}.
 */
package io.github.auroramigrate.testkit;
