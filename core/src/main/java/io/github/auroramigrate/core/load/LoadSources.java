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
 * }</pre>
 *
 * <p>A plain mysqldump or mariadb-dump file is imported by {@link SqlFileImport} (it journals statement by
 * statement, which a load of chunks does not).
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
