package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.store.DumpStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Load} can load: the one front door for every kind of input. Each factory returns a
 * {@link LoadSource}; every source gets the same exactly-once journal, parallel chunks, transforms, diagnoses and
 * progress events, and what else it can offer (verification, deferred secondary indexes, tables created in parallel).
 *
 * <pre>{@code
 * Load.into(target).from(LoadSources.dump(DumpStores.directory(Path.of("shop_dump")))).threads(2).build().run();
 * Load.into(target).from(LoadSources.mydumper(Path.of("export-20240101"))).build().run();
 * Load.into(target).from(LoadSources.flatFiles(Path.of("csv"), "shop").headerLine(true).build()).build().run();
 * Load.into(target).from(LoadSources.sqlFile(Path.of("shop.sql.gz"))).transform(Transforms.stripDefiners()).build().run();
 * }</pre>
 */
public final class LoadSources {
    private LoadSources() {
    }

    /**
     * A complete dump of this library ({@code docs/dump-format.md}): tables created in parallel, chunks loaded in
     * parallel, big tables' secondary indexes deferred as {@link Load.Builder#deferSecondaryIndexes} says, and
     * verifiable ({@link Load.Builder#verify}).
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException FILE_NOT_FOUND when there is no manifest (a wrong
     *         path), FILE_NOT_READABLE or CORRUPT_FILE when it cannot be read, INVALID_INPUT when the dump is not complete
     */
    public static DumpLoadSource dump(DumpStore store) {
        return DumpLoadSource.of(store);
    }

    /**
     * A dump that is still being written, loaded while it grows: each table as soon as it appears in the manifest,
     * each chunk as soon as it is listed, until the dump is COMPLETE (docs/dump-format.md 2.1). Gives up when the
     * manifest goes one minute without being rewritten.
     *
     * @throws LoadException INVALID_INPUT when the dump FAILED (then or later), stalls, or no manifest appears
     */
    public static DumpLoadSource following(DumpStore store) {
        return DumpLoadSource.following(store);
    }

    /**
     * As {@link #following(DumpStore)}, giving up when the manifest goes {@code stallTimeout} without being rewritten.
     *
     * @throws IllegalArgumentException for a non-positive timeout
     */
    public static DumpLoadSource following(DumpStore store, Duration stallTimeout) {
        return DumpLoadSource.following(store, stallTimeout);
    }

    /**
     * A mydumper (0.9/0.10) dump directory, loaded like myloader: schemas and tables, the data files in parallel,
     * then routines, events, views (in dependency order) and triggers. See {@link MydumperSource}.
     *
     * @throws LoadException FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable directory, INVALID_INPUT
     *                       when it is not a mydumper dump
     */
    public static LoadSource mydumper(Path directory) {
        return MydumperSource.of(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * A plain SQL dump as {@code mysqldump} or {@code mariadb-dump} write it ({@code .sql}, or {@code .sql.gz}
     * decompressed), replayed the way {@code mysql < dump.sql} does - statement by statement on one connection - but
     * byte-exact, resumable and diagnosed. It runs in the target's plain session, as {@code mysql} would: the load's
     * own session settings (time_zone +00:00, a relaxed sql_mode, foreign and unique checks off) are not applied, since
     * the file means its values in the session its tool expected and sets itself what it needs.
     * <ul>
     *   <li>the file is read as bytes in the character set it declares ({@code SET NAMES}); raw binary in string
     *       literals (dumps made without {@code --hex-blob}, the tools' default) arrives byte for byte;</li>
     *   <li>a file written by MySQL 5.7 (its header says so) keeps its collations on a target with other defaults:
     *       {@code CHARSET=utf8mb4} without a collation meant {@code utf8mb4_general_ci} there and is named so;</li>
     *   <li>the values the tools write for generated columns are left out
     *       ({@link io.github.auroramigrate.core.transform.Transforms#dropGeneratedColumnValues()}), which a plain
     *       replay of a MySQL 8.0 dump fails on with ERROR 3105;</li>
     *   <li>a re-run after a failure resumes ({@link SqlScript.Journaling#BY_STATEMENT}): each data statement commits
     *       together with its row in the load journal, so nothing runs twice and no row is duplicated, also in files
     *       without {@code DROP TABLE}; {@code LOCK TABLES}, which only speeds up a replay, is skipped. The job id is
     *       the file's name plus a digest of its size and first and last MiB, so an edited file is a new load;</li>
     *   <li>a failure names file, line (the number {@code mysql} prints in {@code ERROR 1227 at line 884}) and
     *       statement; a file without any statement is INVALID_INPUT, not a success.</li>
     * </ul>
     * The load's {@link Load.Builder#transform transform} (e.g. {@code Transforms.stripDefiners()}) applies to every
     * statement and may change between a failed run and its re-run; its {@link Load.Builder#existingObjects} decides
     * about objects the file creates that exist already. The result counts the statements run and skipped and the rows
     * the INSERTs wrote. Statements on non-transactional tables (MyISAM) commit on their own, so a crash right after
     * one may replay it. MariaDB's sandbox-mode first line is ignored. Such a source cannot verify the load by itself:
     * compare with the source server by {@code Verify.between}.
     *
     * @throws NullPointerException when file is null
     * @throws LoadException FILE_NOT_FOUND / FILE_NOT_READABLE for a missing or unreadable file
     */
    public static LoadSource sqlFile(Path file) {
        return SqlFileSource.of(Objects.requireNonNull(file, "file"));
    }

    /**
     * A directory of flat files, one per table ({@code <table>.csv} / {@code <table>.tsv}, optionally {@code .gz}),
     * loaded into {@code schema} (created if missing), optionally after a schema-only SQL file: the handbook's
     * {@code SELECT INTO OUTFILE} migration. Needs {@code local_infile=ON} on the target.
     *
     * @throws NullPointerException when directory or schema is null; the builder's {@code build()} throws a
     *                              LoadException FILE_NOT_FOUND for a missing directory or schema file
     */
    public static FlatFiles.Builder flatFiles(Path directory, String schema) {
        return new FlatFiles.Builder(directory, schema);
    }
}
