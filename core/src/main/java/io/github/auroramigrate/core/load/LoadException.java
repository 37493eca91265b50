package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.util.Optional;

/**
 * A load or import failed. Carries the {@link Diagnosis} (with file, line and statement excerpt when a statement
 * from a file failed) and, for data loads, the table and chunk involved.
 *
 * <pre>{@code
 * try {
 *     load.run();
 * } catch (LoadException e) {
 *     log.error("chunk {} of {}: {}", e.chunkId().orElse("-"), e.table().orElse("-"), e.diagnosis().render());
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public class LoadException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String chunkId;

    /**
     * @param diagnosis what went wrong
     * @param table     qualified table name ({@code schema.table}), or null
     * @param chunkId   the chunk being loaded, or null
     * @param cause     the underlying exception, or null
     */
    public LoadException(Diagnosis diagnosis, String table, String chunkId, Throwable cause) {
        super(diagnosis, cause);
        this.table = table;
        this.chunkId = chunkId;
    }

    /** @return the qualified table ({@code schema.table}) being loaded, if the failure concerns one */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** @return the chunk being loaded, if the failure concerns one */
    public Optional<String> chunkId() {
        return Optional.ofNullable(chunkId);
    }
}
