package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.util.Optional;

/**
 * A dump failed. Carries the diagnosis (with the endpoint, and the table and column where known) and the table
 * and chunk being dumped.
 *
 * <pre>{@code
 * try { dump.run(); }
 * catch (DumpException e) {
 *     e.table().ifPresent(t -> log.error("while dumping {}", t));
 *     log.error(e.diagnosis().render());
 * }
 * }</pre>
 */
public class DumpException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final TableRef table;
    private final int chunk;

    /**
     * @param diagnosis what went wrong
     * @param cause     the underlying exception, or null
     * @param table     the table being dumped, or null
     * @param chunk     the chunk index, or 0
     */
    public DumpException(Diagnosis diagnosis, Throwable cause, TableRef table, int chunk) {
        super(diagnosis, cause);
        this.table = table;
        this.chunk = chunk;
    }

    /** @return the table being dumped when it failed, if any */
    public Optional<TableRef> table() {
        return Optional.ofNullable(table);
    }

    /** @return the chunk index being dumped when it failed, or 0 */
    public int chunk() {
        return chunk;
    }
}
