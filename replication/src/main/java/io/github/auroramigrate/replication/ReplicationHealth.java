package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.replication.internal.StatusDiagnoser;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Replication#diagnose()}: the status read, and one diagnosis per problem or notable state,
 * each with the handbook's remedy (and, where the library could look, concrete evidence such as the next binary log
 * file available on the source or whether a conflicting row exists on the target).
 *
 * <pre>{@code
 * ReplicationHealth h = repl.diagnose();
 * if (!h.healthy()) { h.problems().forEach(d -> log.error("{}", d.render())); }
 * }</pre>
 *
 * @param status   the replica status the findings are about
 * @param findings problems and notes, problems first; empty when all is well
 */
public record ReplicationHealth(ReplicaStatus status, List<Diagnosis> findings) {
    /** Validates and copies. */
    public ReplicationHealth {
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
    }

    /** @return findings that need action (everything but the normal states, relay log space and query cache) */
    public List<Diagnosis> problems() {
        return findings.stream().filter(d -> !StatusDiagnoser.INFORMATIONAL.contains(d.code())).toList();
    }

    /** @return findings about normal states that need no action */
    public List<Diagnosis> notes() {
        return findings.stream().filter(d -> StatusDiagnoser.INFORMATIONAL.contains(d.code())).toList();
    }

    /** @return whether nothing needs action */
    public boolean healthy() {
        return problems().isEmpty();
    }
}
