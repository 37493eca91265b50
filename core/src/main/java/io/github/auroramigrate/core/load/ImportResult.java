package io.github.auroramigrate.core.load;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of a {@link SqlFileImport}.
 *
 * <pre>{@code
 * ImportResult r = SqlFileImport.into(target).file(Path.of("myschema_dump.sql")).build().run();
 * log.info("{} statements in {}", r.statementsExecuted(), r.elapsed());
 * }</pre>
 *
 * @param file               the imported file's name
 * @param statementsExecuted statements sent to the server (after transforms)
 * @param elapsed            wall-clock time
 */
public record ImportResult(String file, int statementsExecuted, Duration elapsed) {
    /** Validates. */
    public ImportResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
