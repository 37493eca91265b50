package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.plan.internal.Hooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hooks that are not code of yours: a command, SQL statements, or nothing. These are what a plan file can name.
 *
 * <pre>{@code
 * PlanHook pause = PlanHooks.command("./app.sh", "pause");
 * PlanHook readOnly = PlanHooks.sql(source, "SET GLOBAL read_only = ON");
 * }</pre>
 */
public final class PlanHooks {
    private PlanHooks() {
    }

    /** @return a hook that does nothing */
    public static PlanHook none() {
        return Hooks.none();
    }

    /**
     * A command, run without a shell (name one, e.g. {@code "sh", "-c", "..."}, if you need it) in the working
     * directory; success is exit code 0 within 10 minutes. Its output is logged.
     */
    public static PlanHook command(String... argv) {
        return Hooks.command(List.of(argv), Duration.ofMinutes(10), Map.of(), null);
    }

    /**
     * A command with a timeout (the process is killed after it), extra environment variables and a working directory.
     *
     * @param dir the working directory, or null for this process's
     */
    public static PlanHook command(List<String> argv, Duration timeout, Map<String, String> env, Path dir) {
        return Hooks.command(argv, timeout, env, dir);
    }

    /** SQL statements run in order, in one session, on {@code endpoint}. */
    public static PlanHook sql(Endpoint endpoint, String... statements) {
        return Hooks.sql(endpoint, endpoint.describe(), List.of(statements));
    }
}
