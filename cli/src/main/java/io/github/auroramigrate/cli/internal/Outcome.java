package io.github.auroramigrate.cli.internal;

/**
 * How a step ended, for the terminal, the events and the report. Immutable.
 *
 * <pre>{@code
 * return Outcome.ok(Human.count(rows) + " rows");
 * }</pre>
 *
 * @param status  ok, warn, failed or skipped
 * @param summary one line on what it did, or null
 */
public record Outcome(String status, String summary) {
    /** @return a step that did its work */
    public static Outcome ok(String summary) {
        return new Outcome("ok", summary);
    }

    /** @return a step that did its work but found something a person should read */
    public static Outcome warn(String summary) {
        return new Outcome("warn", summary);
    }

    /** @return a step that found a problem (the run goes on to report it) */
    public static Outcome failed(String summary) {
        return new Outcome("failed", summary);
    }

    /** @return a step that was not needed */
    public static Outcome skipped(String summary) {
        return new Outcome("skipped", summary);
    }
}
