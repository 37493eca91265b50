package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.List;
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
 * @param jobId              the journal key of the import (a re-run of the same file resumes)
 * @param statementsExecuted statements sent to the server (after transforms)
 * @param statementsSkipped  statements an earlier run of the same import had executed, skipped
 * @param elapsed            wall-clock time
 * @param warnings           what was adopted, re-created or could not be reproduced exactly
 */
public record ImportResult(String file, String jobId, int statementsExecuted, int statementsSkipped, Duration elapsed,
        List<io.github.auroramigrate.core.diagnose.Diagnosis> warnings) {
    /** Validates. */
    public ImportResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(elapsed, "elapsed");
        warnings = List.copyOf(warnings);
    }

    /** @return one line for people, e.g. {@code import of dump.sql: 412 statements (0 skipped) in 2.4 s, 1 warning} */
    @Override
    public String toString() {
        return "import of " + file + ": " + statementsExecuted + " statements (" + statementsSkipped
                + " skipped as already run) in " + Human.duration(elapsed) + ", " + warnings.size()
                + (warnings.size() == 1 ? " warning" : " warnings");
    }
}
