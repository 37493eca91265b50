package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.plan.internal.Checklists;
import io.github.auroramigrate.plan.internal.Execution;
import io.github.auroramigrate.plan.internal.Journal;
import io.github.auroramigrate.plan.internal.JournalStore;
import io.github.auroramigrate.plan.internal.LibraryStep;
import io.github.auroramigrate.plan.internal.NamedTransforms;
import io.github.auroramigrate.plan.internal.PlanFile;
import io.github.auroramigrate.plan.internal.PlanLock;
import io.github.auroramigrate.plan.internal.PlanSettings;
import io.github.auroramigrate.plan.internal.Runner;
import io.github.auroramigrate.plan.internal.UserStep;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A migration plan: the handbook's step-by-step checklist with its shadow rollback checklist, executable, with a
 * durable journal. {@link #run()} starts it or resumes it where it stopped (after a kill, a suspension or a failure),
 * never doing a finished step twice; {@link #rollback()} runs the shadow checklist back from wherever it stands;
 * {@link #rehearse()} runs it and rolls it back, measuring every step of both; {@link #suspend()} stops a running plan at
 * its next safe point, from any process. A plan is code (this builder) or a file ({@link #fromFile(Path)}).
 *
 * <pre>{@code
 * Plan plan = Plan.from(source).to(target)
 *     .id("shop-to-aurora")
 *     .schemas("shop")
 *     .transforms("stripDefiners")
 *     .replicationUser("repl", replPassword)
 *     .stopWrites(app::pauseWriters).resumeWrites(app::resumeWriters)
 *     .switchToTarget(() -> app.useDatabase(target)).switchToSource(() -> app.useDatabase(source))
 *     .rollbackWindow(RollbackWindow.of("repl_back", backPassword).keepOpenFor(Duration.ofHours(24)))
 *     .build();
 * PlanReport r = plan.run();            // WINDOW_OPEN: the applications use the target, fallback possible
 * System.out.println(r.checklist());
 * plan.closeRollbackWindow();          // COMPLETED; or plan.rollback() to fall back to the source
 * }</pre>
 *
 * <p>The journal ({@code journal.json}) lives in a local directory ({@code <id>.journal} by default) or in any dump
 * store a URI names, never on the servers: during the rollback window the target is a replication source, and
 * anything the library wrote there would replicate to the old source. One process at a time runs a plan: a named
 * lock on the target, released by the server when that process ends. The format and the reasons are in
 * {@code docs/plans.md}.
 *
 * <p>Immutable and thread-safe; {@link #run()}, {@link #rollback()} and the like hold connections only while they
 * run. Why ~475 lines: the builder documents every option's default next to the operations, as {@code Load} does.
 */
public final class Plan {
    private final PlanSettings settings;
    private final List<PlanStep> steps;

    private Plan(PlanSettings settings, List<PlanStep> steps) {
        this.settings = settings;
        this.steps = List.copyOf(steps);
    }

    /**
     * Starts building a plan that migrates from {@code source}; name the target with {@link Builder#to(Endpoint)}.
     *
     * @param source the source, as a user that may dump it (and create the replication account)
     */
    public static Builder from(Endpoint source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads a plan file (YAML or JSON; the format is in {@code docs/plans.md}): endpoints, schemas, transforms,
     * replication, guardrails, rollback window, hooks (commands or SQL) and steps. Secrets are written as
     * {@code ${env:NAME}} or {@code ${file:/path}} and read now; the journal defaults to {@code <id>.journal} next to
     * the file. The returned builder may be changed further (e.g. code hooks bound by name) before {@code build()}.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException FILE_NOT_FOUND, or INVALID_INPUT naming the
     *                                                                  key that is wrong
     */
    public static Builder fromFile(Path file) {
        return PlanFile.read(Objects.requireNonNull(file, "file"));
    }

    /**
     * Runs the plan, or resumes it: finished steps are skipped, an interrupted step resumes or is redone as it
     * declares ({@link PlanStep#resumption()}). Returns when every step is done (COMPLETED), at the open rollback window
     * (WINDOW_OPEN; a later run closes it once it has been open {@link RollbackWindow#keepOpenFor()}), or when suspended
     * (SUSPENDED). A run after a complete rollback starts the next attempt.
     *
     * @throws PlanException a step failed (its diagnosis; a rerun redoes it), or the plan cannot run (PLAN_LOCKED,
     *                       PLAN_CHANGED, PLAN_JOURNAL, INVALID_INPUT while a rollback is unfinished)
     */
    public PlanReport run() {
        return typed(() -> new Runner(settings, steps, new AtomicBoolean()).run(false));
    }

    /** Every failure a {@link PlanException}: the plan's own (lock, journal) as well as the steps'. */
    private static PlanReport typed(java.util.function.Supplier<PlanReport> call) {
        try {
            return call.get();
        } catch (PlanException e) {
            throw e;
        } catch (io.github.auroramigrate.core.diagnose.MigrationException e) {
            throw new PlanException(e.diagnosis(), null, e);
        }
    }

    /**
     * Closes the rollback window now (reverse replication stopped and reset) and finishes the plan. After this a
     * rollback is refused.
     *
     * @throws PlanException as {@link #run()}
     */
    public PlanReport closeRollbackWindow() {
        return typed(() -> new Runner(settings, steps, new AtomicBoolean()).run(true));
    }

    /**
     * Runs the shadow checklist: every step that did something is undone, last first - after a cut-over that is the
     * fallback to the old source through the rollback window; then replication stopped and reset, the target's
     * schemas dropped or kept ({@link Builder#onRollback}), the accounts dropped. Resumes an interrupted rollback.
     *
     * @throws PlanException a rollback step failed (a rerun redoes it), or ROLLBACK_NOT_POSSIBLE (the window is closed,
     *                       or the plan cut over without one)
     */
    public PlanReport rollback() {
        return typed(() -> new Runner(settings, steps, new AtomicBoolean()).rollback());
    }

    /**
     * The handbook's test migration: runs the plan up to its open rollback window (or its end), then rolls it all back,
     * so every step and every rollback procedure is exercised and timed. Run it against a staging copy; the report's
     * {@link PlanReport#checklist()} shows both timings and {@link PlanReport#estimate} scales them to the real size.
     * The plan is then ROLLED_BACK, and its next {@link #run()} is the real one.
     *
     * @throws PlanException as {@link #run()} and {@link #rollback()}
     */
    public PlanReport rehearse() {
        PlanReport forward = run();
        if (forward.state() == PlanState.SUSPENDED) {
            return forward;
        }
        return rollback();
    }

    /**
     * Runs (or resumes) the plan on a thread of its own.
     *
     * @return the running plan: suspend it, wait for it
     */
    public PlanExecution start() {
        return Execution.start(settings, steps);
    }

    /**
     * Asks the process running this plan, wherever it runs, to suspend at its next safe point (it looks every poll
     * interval). Nothing happens when no process runs it.
     *
     * @return whether a running plan was asked (its lock on the target is held)
     */
    public boolean suspend() {
        if (!PlanLock.isHeld(settings.target(), settings.id())) {
            return false;
        }
        Journal.requestSuspend(settings.journal());
        return true;
    }

    /** @return the plan as its journal has it (no server is contacted); state NEW when it never ran */
    public PlanReport status() {
        return Journal.peek(settings.journal()).map(d -> Journal.report(d, Duration.ZERO, ""))
                .orElseGet(() -> new PlanReport(settings.id(), PlanState.NEW, 0, List.of(), List.of(), Duration.ZERO,
                        "never run"));
    }

    /** @return the checklist and the shadow checklist of this plan, as Markdown (before it runs) */
    public String checklist() {
        return Checklists.markdown(settings.id(), steps);
    }

    /** @return the plan's id */
    public String id() {
        return settings.id();
    }

    /** @return the steps, in order */
    public List<PlanStep> steps() {
        return steps;
    }

    /** @return where the journal is */
    public String journal() {
        return settings.journal().describe();
    }

    @Override
    public String toString() {
        return "Plan{" + settings + ", steps " + steps + "}";
    }

    /**
     * Configures a {@link Plan}. Not thread-safe; {@link #build()} validates everything at once.
     */
    public static final class Builder {
        private final Endpoint source;
        private Endpoint target;
        private String id;
        private JournalStore journal;
        private Path journalDir;
        private final List<String> schemas = new ArrayList<>();
        private DumpStore dumpStore;
        private Consumer<Dump.Builder> dumpOptions = b -> { };
        private Consumer<Load.Builder> loadOptions = b -> { };
        private Transform transform;
        private List<String> transformNames = List.of();
        private String replicationUser;
        private String replicationPassword;
        private Duration heartbeat = Duration.ofSeconds(1);
        private Duration catchUpTimeout = Duration.ofHours(1);
        private Duration plannedDuration = Duration.ofHours(24);
        private PlanHook stopWrites;
        private PlanHook resumeWrites;
        private PlanHook switchToTarget;
        private PlanHook switchToSource;
        private Guardrails guardrails = Guardrails.defaults();
        private RollbackWindow window;
        private TargetOnRollback onRollback = TargetOnRollback.DROP;
        private boolean deleteDumpOnRollback;
        private PlanListener listener = new PlanListener() { };
        private Duration pollInterval = Duration.ofMillis(500);
        private List<PlanStep> steps = Steps.nearZeroDowntime();

        private Builder(Endpoint source) {
            this.source = source;
        }

        /** The target. Required. */
        public Builder to(Endpoint target) {
            this.target = target;
            return this;
        }

        /**
         * The plan's id: names its journal and its lock, so a rerun finds where it stopped. 1-40 characters of letters,
         * digits, {@code . _ -}. Required.
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The journal's directory. Default {@code <id>.journal} in the working directory. */
        public Builder journal(Path directory) {
            this.journalDir = Objects.requireNonNull(directory, "directory");
            this.journal = JournalStore.directory(directory);
            return this;
        }

        /**
         * The journal in a dump store a URI names, e.g. {@code s3://bucket/plans/shop} (needs the store's module on the
         * class path). Default: a local directory (see {@link #journal(Path)}). With a URI journal name the dump store
         * too ({@link #dumpTo}).
         */
        public Builder journal(URI uri) {
            this.journal = JournalStore.of(Objects.requireNonNull(uri, "uri"));
            this.journalDir = null;
            return this;
        }

        /** The schemas to migrate. Required (at least one). */
        public Builder schemas(String... names) {
            schemas.addAll(List.of(names));
            return this;
        }

        /**
         * Where the dump goes; the plan owns it (a dump already there is replaced). Default: {@code dump/} inside the
         * journal's directory.
         */
        public Builder dumpTo(DumpStore store) {
            this.dumpStore = store;
            return this;
        }

        /** More dump options (threads, chunk size, compression...); schemas and store are the plan's. Default none. */
        public Builder dump(Consumer<Dump.Builder> options) {
            this.dumpOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** More load options (threads, method, index deferral...); source and transform are the plan's. Default none. */
        public Builder load(Consumer<Load.Builder> options) {
            this.loadOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * What the load changes on purpose, by name, in order: {@code stripDefiners}, {@code forceInnoDb},
         * {@code dropSuperStatements}, {@code stripTablespaces}, {@code mariaDbToMySql}, {@code mapMariaDbTypes},
         * {@code dropGeneratedColumnValues}. The verifications are told, and the pre-check checks that its fixes are
         * among them. Default none. Not combinable with {@link #transform(Transform)}.
         */
        public Builder transforms(String... names) {
            this.transformNames = List.of(names);
            return this;
        }

        /**
         * What the load changes on purpose, as a transform of your own (the pre-check then cannot tell whether its
         * fixes are in it). Default none. Not combinable with {@link #transforms(String...)}.
         */
        public Builder transform(Transform transform) {
            this.transform = transform;
            return this;
        }

        /** The forward replication account, created on the source by the plan. Required. The password is never logged. */
        public Builder replicationUser(String name, String password) {
            this.replicationUser = name;
            this.replicationPassword = password;
            return this;
        }

        /** The replication heartbeat interval (both directions). Default 1 second. */
        public Builder heartbeat(Duration interval) {
            this.heartbeat = interval;
            return this;
        }

        /** How long the catch-up step (and a fallback's catch-up) waits. Default 1 hour. */
        public Builder catchUpTimeout(Duration timeout) {
            this.catchUpTimeout = timeout;
            return this;
        }

        /** How long the migration needs the source's binary logs (the pre-flight checks retention). Default 24 hours. */
        public Builder plannedDuration(Duration d) {
            this.plannedDuration = d;
            return this;
        }

        /** Stops every write to the source (and, in a fallback, to the target). Required with a cut-over step. */
        public Builder stopWrites(PlanHook hook) {
            this.stopWrites = hook;
            return this;
        }

        /** Lets the applications write again, wherever they point. Required with a cut-over step. */
        public Builder resumeWrites(PlanHook hook) {
            this.resumeWrites = hook;
            return this;
        }

        /** Points the applications at the target. Required with a cut-over step. */
        public Builder switchToTarget(PlanHook hook) {
            this.switchToTarget = hook;
            return this;
        }

        /** Points the applications back at the source (the fallback). Required with a rollback window. */
        public Builder switchToSource(PlanHook hook) {
            this.switchToSource = hook;
            return this;
        }

        /** The cut-over's guardrails. Default {@link Guardrails#defaults()}. */
        public Builder guardrails(Guardrails guardrails) {
            this.guardrails = guardrails;
            return this;
        }

        /** Opens a rollback window at the cut-over (reverse replication). Default none. */
        public Builder rollbackWindow(RollbackWindow window) {
            this.window = window;
            return this;
        }

        /** What a rollback does with the loaded target. Default {@link TargetOnRollback#DROP}. */
        public Builder onRollback(TargetOnRollback what) {
            this.onRollback = what;
            return this;
        }

        /** Whether a rollback deletes the dump. Default false (kept). */
        public Builder deleteDumpOnRollback(boolean delete) {
            this.deleteDumpOnRollback = delete;
            return this;
        }

        /** The steps, in order. Default {@link Steps#nearZeroDowntime()}. Names must be unique. */
        public Builder steps(List<PlanStep> steps) {
            this.steps = List.copyOf(steps);
            return this;
        }

        /** A listener. Default none. */
        public Builder listener(PlanListener listener) {
            this.listener = listener;
            return this;
        }

        /** How often waits poll, and how soon a suspension request is seen. Default 500 ms; 20 ms to 1 minute. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * @return the plan
         * @throws NullPointerException     for a missing target, id, replication account or a hook a step needs
         * @throws IllegalArgumentException for a bad id, no schema, duplicate step names, unknown transform names,
         *                                  both transform kinds, or a bad duration
         */
        public Plan build() {
            Objects.requireNonNull(target, "target (call to(...))");
            Objects.requireNonNull(id, "id");
            if (!id.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("id must be 1-40 letters, digits, '.', '_' or '-': '" + id + "'");
            }
            if (schemas.isEmpty() || schemas.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("schemas: name at least one, none blank");
            }
            if (transform != null && !transformNames.isEmpty()) {
                throw new IllegalArgumentException("transforms(names) and transform(Transform) are exclusive");
            }
            Transform t = transform != null ? transform : NamedTransforms.of(transformNames);
            Objects.requireNonNull(replicationUser, "replicationUser");
            Objects.requireNonNull(replicationPassword, "replicationUser password");
            for (Duration d : List.of(Objects.requireNonNull(heartbeat, "heartbeat"),
                    Objects.requireNonNull(catchUpTimeout, "catchUpTimeout"),
                    Objects.requireNonNull(plannedDuration, "plannedDuration"))) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("durations must be positive, was " + d);
                }
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            if (pollInterval.compareTo(Duration.ofMillis(20)) < 0 || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("pollInterval must be 20 ms to 1 minute, was " + pollInterval);
            }
            Objects.requireNonNull(guardrails, "guardrails");
            Objects.requireNonNull(onRollback, "onRollback");
            Objects.requireNonNull(listener, "listener");
            Set<String> names = new HashSet<>();
            for (PlanStep s : steps) {
                UserStep.checkName(s.name());
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("two steps are named '" + s.name() + "'");
                }
            }
            if (names.contains("cut-over")) {
                Objects.requireNonNull(stopWrites, "stopWrites (the cut-over step needs it)");
                Objects.requireNonNull(resumeWrites, "resumeWrites (the cut-over step needs it)");
                Objects.requireNonNull(switchToTarget, "switchToTarget (the cut-over step needs it)");
                if (window != null) {
                    Objects.requireNonNull(switchToSource, "switchToSource (the rollback window's fallback needs it)");
                }
            }
            JournalStore js = journal != null ? journal : JournalStore.directory(Path.of(id + ".journal"));
            Path dir = journal != null ? journalDir : Path.of(id + ".journal");
            DumpStore store = dumpStore;
            if (store == null) {
                if (dir == null) {
                    throw new IllegalArgumentException("with a journal in a store, name the dump store too (dumpTo)");
                }
                store = DumpStores.directory(dir.resolve("dump"));
            }
            PlanHook none = PlanHooks.none();
            PlanSettings s = new PlanSettings(id, source, target, schemas, js, store, dumpOptions, loadOptions, t,
                    transformNames, replicationUser, replicationPassword, heartbeat, catchUpTimeout, plannedDuration,
                    stopWrites == null ? none : stopWrites, resumeWrites == null ? none : resumeWrites,
                    switchToTarget == null ? none : switchToTarget, switchToSource == null ? none : switchToSource,
                    guardrails, window, onRollback, deleteDumpOnRollback, listener, pollInterval);
            List<PlanStep> bound = steps.stream().map(p -> p instanceof LibraryStep l ? (PlanStep) l.bind(s) : p).toList();
            return new Plan(s, bound);
        }
    }
}
