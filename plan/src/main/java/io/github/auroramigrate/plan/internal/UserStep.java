package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.plan.PlanHook;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepAction;
import io.github.auroramigrate.plan.StepContext;
import java.util.Objects;

/**
 * A step of the user's: hooks (an application action and its undo) or actions on the step's context. Immutable.
 *
 * <pre>{@code
 * PlanStep s = UserStep.ofHooks("health check", check, Hooks.none());
 * }</pre>
 */
public final class UserStep implements PlanStep {
    private final String name;
    private final String description;
    private final String rollbackDescription;
    private final StepAction run;
    private final StepAction rollback;

    private UserStep(String name, String description, String rollbackDescription, StepAction run, StepAction rollback) {
        this.name = checkName(name);
        this.description = description;
        this.rollbackDescription = rollbackDescription;
        this.run = Objects.requireNonNull(run, "run");
        this.rollback = Objects.requireNonNull(rollback, "rollback");
    }

    /** @return the name, checked: 1-64 characters of letters, digits, space, {@code . _ -} */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[\\p{L}\\p{N} ._-]{1,64}") || name.isBlank() || name.equals(Runner.PLAN)) {
            throw new IllegalArgumentException("a step name is 1-64 letters, digits, spaces, '.', '_' or '-' (and not '"
                    + Runner.PLAN + "'): '" + name + "'");
        }
        return name;
    }

    /** A step that runs {@code run} and whose rollback runs {@code undo}. */
    public static UserStep ofHooks(String name, PlanHook run, PlanHook undo) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(undo, "undo");
        return new UserStep(name, "Hook: " + run, "Hook: " + undo, ctx -> Hooks.run(run, "'" + name + "'"),
                ctx -> Hooks.run(undo, "'" + name + "' rollback"));
    }

    /** A step of actions on its context. */
    public static UserStep ofActions(String name, StepAction run, StepAction undo) {
        return new UserStep(name, "Custom step " + name, "Custom rollback of " + name, run, undo);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String rollbackDescription() {
        return rollbackDescription;
    }

    @Override
    public void run(StepContext context) throws Exception {
        run.run(context);
    }

    @Override
    public void rollback(StepContext context) throws Exception {
        rollback.run(context);
    }

    @Override
    public String fingerprint() {
        return name + ":" + description;
    }

    @Override
    public String toString() {
        return name;
    }
}
