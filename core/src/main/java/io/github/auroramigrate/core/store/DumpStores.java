package io.github.auroramigrate.core.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Factory of the {@link DumpStore}s in core.
 *
 * <pre>{@code
 * DumpStore store = DumpStores.directory(Path.of("myschema_dump"));
 * }</pre>
 */
public final class DumpStores {
    private DumpStores() {
    }

    /**
     * A store in a local directory, created (with parents) on first write. Keys map to relative paths.
     *
     * @param directory the directory
     * @return a thread-safe store
     */
    public static DumpStore directory(Path directory) {
        return new DirectoryDumpStore(Objects.requireNonNull(directory, "directory"));
    }
}
