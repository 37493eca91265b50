package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.plan.PlanHook;
import io.github.auroramigrate.plan.PlanListener;
import io.github.auroramigrate.plan.RollbackWindow;
import io.github.auroramigrate.plan.TargetOnRollback;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plan's configuration, validated by {@code Plan.Builder.build()}: what the library's steps read. Immutable.
 *
 * <pre>{@code
 * settings.schemas();   // what the plan migrates
 * }</pre>
 *
 * @param id                  the plan's id
 * @param source              the source
 * @param target              the target
 * @param schemas             the schemas migrated
 * @param journal             where the journal lives
 * @param dumpStore           where the dump goes
 * @param dumpOptions         extra dump options
 * @param loadOptions         extra load options
 * @param transform           what the load changes on purpose (also told to the verification)
 * @param transformNames      the transforms' names, for fingerprints and the checklist
 * @param replicationUser     the forward replication account's name
 * @param replicationPassword its password
 * @param heartbeat           heartbeat interval of both replication directions
 * @param catchUpTimeout      how long the catch-up step waits
 * @param plannedDuration     how long the source's binary logs must be kept (pre-flight)
 * @param stopWrites          hook
 * @param resumeWrites        hook
 * @param switchToTarget      hook
 * @param switchToSource      hook
 * @param guardrails          cut-over guardrails
 * @param window              the rollback window, or null for none
 * @param onRollback          what a rollback does with the loaded target
 * @param deleteDumpOnRollback whether a rollback deletes the dump
 * @param listener            the listener (never null)
 * @param pollInterval        how often waits poll (and look for a suspension)
 */
public record PlanSettings(String id, Endpoint source, Endpoint target, List<String> schemas, JournalStore journal,
        DumpStore dumpStore, Consumer<Dump.Builder> dumpOptions, Consumer<Load.Builder> loadOptions, Transform transform,
        List<String> transformNames, String replicationUser, String replicationPassword, Duration heartbeat,
        Duration catchUpTimeout, Duration plannedDuration, PlanHook stopWrites, PlanHook resumeWrites,
        PlanHook switchToTarget, PlanHook switchToSource, Guardrails guardrails, RollbackWindow window,
        TargetOnRollback onRollback, boolean deleteDumpOnRollback, PlanListener listener, Duration pollInterval) {

    /** Copies. */
    public PlanSettings {
        schemas = List.copyOf(schemas);
        transformNames = List.copyOf(transformNames);
    }

    @Override
    public String toString() {
        return "PlanSettings{" + id + ": " + source.describe() + " -> " + target.describe() + ", schemas " + schemas
                + ", journal " + journal.describe() + ", dump " + dumpStore.describe() + ", replication user "
                + replicationUser + ", password=****, window " + window + "}";
    }
}
