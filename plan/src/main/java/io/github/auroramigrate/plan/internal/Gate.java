package io.github.auroramigrate.plan.internal;

import java.util.Optional;

/**
 * A step the plan may have to wait at (the rollback window's close) and that may refuse a rollback (after the window
 * closed, a rollback would lose the target's writes).
 *
 * <pre>{@code
 * if (step instanceof Gate g && g.waitFor(ctx).isPresent()) { ... the plan waits ... }
 * }</pre>
 */
public interface Gate {
    /** @return why the plan must wait before this step, or empty to go on */
    Optional<String> waitFor(RunContext ctx);

    /** @return why the plan cannot be rolled back, or empty when it can */
    Optional<String> rollbackRefusal(RunContext ctx);
}
