package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.endpoint.EndpointPool;

/** Runs DDL scripts statement by statement, journaling each statement (placeholder until the splitter lands). */
final class ScriptRunner {
    private final EndpointPool pool;
    private final LoadJournal journal;
    private int executed;
    private int skipped;

    ScriptRunner(EndpointPool pool, LoadJournal journal) {
        this.pool = pool;
        this.journal = journal;
    }

    void run(SqlScript script) {
        throw new UnsupportedOperationException("scripts are not supported yet: " + script.name());
    }

    int executed() {
        return executed;
    }

    int skipped() {
        return skipped;
    }
}
