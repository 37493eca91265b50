package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A step of the library's own, configured by the plan's settings once the plan is built ({@link #bind}). Its
 * fingerprint digests the settings it uses, so a journal notices when those change under a step that ran.
 *
 * <pre>{@code
 * PlanStep dump = Steps.dump();                       // unbound
 * PlanStep bound = ((LibraryStep) dump).bind(settings);
 * }</pre>
 */
public abstract class LibraryStep implements PlanStep {
    private final String name;
    private final String description;
    private final String rollbackDescription;
    private final PlanSettings settings;

    /**
     * @param name                the step's name
     * @param description         its checklist line
     * @param rollbackDescription its shadow checklist line
     * @param settings            the plan's settings, or null before {@link #bind}
     */
    protected LibraryStep(String name, String description, String rollbackDescription, PlanSettings settings) {
        this.name = name;
        this.description = description;
        this.rollbackDescription = rollbackDescription;
        this.settings = settings;
    }

    /** @return this step configured by {@code settings} */
    public abstract LibraryStep bind(PlanSettings settings);

    /** @return the settings this step's work depends on, as text (no secrets): the fingerprint's input */
    protected abstract String config(PlanSettings settings);

    /** Does the work. */
    protected abstract void run(RunContext ctx) throws Exception;

    /** Undoes it. */
    protected abstract void rollback(RunContext ctx) throws Exception;

    /** @return the settings (bound steps only) */
    protected PlanSettings settings() {
        return Objects.requireNonNull(settings, "step " + name + " is not bound to a plan");
    }

    @Override
    public final String name() {
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
    public final void run(StepContext context) throws Exception {
        run((RunContext) context);
    }

    @Override
    public final void rollback(StepContext context) throws Exception {
        rollback((RunContext) context);
    }

    @Override
    public String fingerprint() {
        if (settings == null) {
            return name;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(config(settings).getBytes(StandardCharsets.UTF_8));
            return name + ":" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LibraryStep s && s.getClass() == getClass() && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
