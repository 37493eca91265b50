/**
 * Loading into a MySQL-compatible target (Aurora MySQL, RDS, any MySQL/MariaDB): dumps and other chunked flat files
 * with {@link io.github.auroramigrate.core.load.Load} (also while the dump is still being written:
 * {@link io.github.auroramigrate.core.load.LoadSources#following}), a source copied straight into a target with no
 * files with {@link io.github.auroramigrate.core.copy.Copy}, {@code mydumper} directories and CSV/TSV files
 * and plain {@code mysqldump}/{@code mariadb-dump} files (every source from
 * {@link io.github.auroramigrate.core.load.LoadSources}).
 *
 * <pre>{@code
 * LoadResult r = Load.into(target)
 *     .from(LoadSources.dump(DumpStores.directory(Path.of("shop_dump"))))
 *     .transform(Transforms.stripDefiners())
 *     .threads(2)
 *     .build().run();
 * }</pre>
 *
 * <h2>Exactly once</h2>
 * Each chunk is one transaction: check the {@link io.github.auroramigrate.core.load.LoadJournal} (table
 * {@code aurora_migrate.load_progress} on the target), send the rows, insert the chunk's journal row, commit. A
 * crash, kill or lost connection at any point leaves either both the rows and the journal row or neither; a re-run
 * skips exactly the committed chunks. A failed attempt is rolled back and its connection discarded before a retry;
 * only retryable diagnoses (lost connection, deadlock, lock wait timeout) are retried. A chunk whose bytes do not
 * match its checksum or size, or that loads a different row count than recorded, is rolled back with
 * {@code CORRUPT_FILE}.
 *
 * <h2>DDL exactly once, from any crash point</h2>
 * DDL is not transactional, so a dump's DDL is journaled by the object it creates ({@code obj:KIND:schema.name},
 * with the SHA-256 of the text run) <em>before</em> the statement: after a crash, an object that is journaled and
 * exists was created by this job and is skipped, one journaled but missing is created. An object that exists without
 * being journaled (left by someone else, by another load, or journaled by file and line by version 0.1.0) is adopted
 * when its definition equals the one the load would create (a table: compared with a scratch table created from the
 * same text in the journal schema) and it holds no rows the journal does not account for; otherwise the load fails
 * with {@code OBJECT_EXISTS} naming it and what differs, or replaces it with
 * {@link io.github.auroramigrate.core.load.ExistingObjects#REPLACE}. An object whose DDL changed between two runs of
 * the same load (another transform) is re-created when it holds no data, and refused ({@code DDL_CHANGED}) when it
 * does. A foreign SQL file ({@link io.github.auroramigrate.core.load.LoadSources#sqlFile}) is journaled by each
 * statement's place in the file instead (it may create, drop and re-create one object), its data statements in the
 * same transaction as their journal row. What the load creates: the schema {@code aurora_migrate} with the table
 * {@code load_progress} (and short-lived scratch tables there); drop it ({@code DROP DATABASE `aurora_migrate`}) when
 * no load is to be resumed any more. Dumps, copies, pre-checks and verifications never cover {@code aurora_migrate}.
 *
 * <h2>Session settings of a load</h2>
 * {@code foreign_key_checks=0} and {@code unique_checks=0} (the handbook's advice: any order, in parallel),
 * {@code time_zone='+00:00'} (TIMESTAMP text in dumps is UTC), and the session's {@code sql_mode} without
 * {@code STRICT_TRANS_TABLES}, {@code STRICT_ALL_TABLES}, {@code NO_ZERO_DATE}, {@code NO_ZERO_IN_DATE} and with
 * {@code NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES}: zero dates ({@code 0000-00-00}) and invalid dates the source
 * holds load unchanged for an exact round trip instead of failing or being "fixed", and an AUTO_INCREMENT value 0
 * stays 0. The application's own sessions keep the target's sql_mode: rows it writes later are checked as usual.
 * Settings are restored before a connection goes back to the pool. None needs SUPER.
 *
 * <h2>LOAD DATA LOCAL and its fallback</h2>
 * Flat chunks are streamed with {@code LOAD DATA LOCAL INFILE} from an {@code InputStream} (Connector/J's
 * {@code setLocalInfileInputStream}, set right before the statement and cleared after, on a pool of our own with
 * {@code allowLoadLocalInfile=true}). When the target's {@code local_infile} is OFF (the default on MySQL 8.0 and
 * on a fresh Aurora parameter group), the load says so in a {@code LOCAL_INFILE_DISABLED} warning of its result
 * and sends multi-row INSERTs instead. Binary values are sent as hex literals, exactly.
 *
 * <h2>Order of work</h2>
 * Schemas are created first, on the load's own connection. Each table of a dump is then created on one of the
 * load's DDL connections (one per load thread, at most 4), largest table first, and its chunks are handed to the
 * load threads as soon as it exists: the data of the big tables flows while a thousand small tables are still being
 * created. Views, routines, triggers and events are created after all data.
 *
 * <h2>Deferred secondary indexes and verification</h2>
 * A dump's big tables (over 1M rows or 1 GiB by the source's estimate, or all with {@code DeferIndexes.ALWAYS}) are
 * created without their secondary indexes, which are added in one {@code ALTER TABLE} per table as soon as that
 * table's last chunk is loaded (also when following a dump, so in a {@code Copy}), journaled like chunks (a crash
 * after the ALTER but before its journal row is recognised by the indexes being present). A chunk is checked on its
 * way to the target by its stored bytes (size, CRC-32C) and its row count; {@code verify(true)} compares every
 * chunk's key range on the target with the manifest's row count and checksum
 * ({@link io.github.auroramigrate.core.verify.Verify}).
 *
 * <h2>Threads</h2>
 * One load thread per two target CPU cores is the handbook's rule, but no server variable reveals the target's cores
 * over SQL (Aurora hides the host; {@code innodb_read_io_threads} and the like are settings, not hardware), so the
 * default is 1 and the caller chooses: e.g. 4 for an 8-vCPU Aurora instance class.
 *
 * <h2>Limits</h2>
 * A SQL file ({@link io.github.auroramigrate.core.load.LoadSources#sqlFile}) runs on one connection, statement by
 * statement, as the {@code mysql} client does: its tables are not loaded in parallel. Statements on non-transactional
 * tables (MyISAM) commit on their own, so a crash right after one may replay it.
 *
 * <p>Internal classes of this package are package-private; the public types are the API.
 */
package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
