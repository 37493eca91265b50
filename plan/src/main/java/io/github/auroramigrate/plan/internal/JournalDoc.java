package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.StepState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal document, as stored (docs/plans.md describes the format): the plan's state, its steps with their states,
 * outputs and timings, and its decisions. Mutable, for Jackson; the {@link Journal} that owns it guards it. Never holds a
 * secret: outputs and decisions are written by steps that are told not to record any.
 *
 * <pre>{@code
 * JournalDoc doc = JournalJson.read(bytes);
 * }</pre>
 */
public final class JournalDoc {
    /** The format's name. */
    public static final String FORMAT = "aurora-migrate-plan-journal";
    /** The format's version; a reader refuses a newer one. */
    public static final int VERSION = 1;

    public String format = FORMAT;
    public int version = VERSION;
    public String planId;
    public int attempt = 1;
    public PlanState state = PlanState.NEW;
    public String createdAt;
    public String updatedAt;
    public List<StepEntry> steps = new ArrayList<>();
    public List<DecisionEntry> decisions = new ArrayList<>();
    /** Earlier attempts of the plan (each ended rolled back), newest last, for the record and rehearsal timings. */
    public List<AttemptEntry> history = new ArrayList<>();

    /** One step. */
    public static final class StepEntry {
        public String name;
        public String description;
        public String rollbackDescription;
        public String fingerprint;
        public boolean sizeDependent;
        public StepState state = StepState.PENDING;
        public int attempts;
        public long durationNanos;
        public long rollbackNanos;
        public String startedAt;
        public String finishedAt;
        public Map<String, String> outputs = new LinkedHashMap<>();
        public String detail = "";
        public String rollbackDetail = "";
    }

    /** One decision. */
    public static final class DecisionEntry {
        public String at;
        public String step;
        public String text;
    }

    /** A finished attempt, summarised. */
    public static final class AttemptEntry {
        public int attempt;
        public PlanState state;
        public String endedAt;
        public List<StepEntry> steps = new ArrayList<>();
        public int decisions;
    }
}
