package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.transform.DefinitionLoss;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a statement whose definitions the target would not keep ({@link DefinitionLoss}: an INVISIBLE column in
 * a {@code /*!80023 * /} comment MySQL 5.7 skips, CHECK or {@code DESC} it ignores, a MariaDB type MySQL lacks),
 * before it is sent: a load fails naming the object, the construct and the transform that makes the change
 * explicit, rather than letting the server degrade it. The target's version is read once, from the first
 * connection's metadata (the server's handshake; no query). Thread-safe.
 */
final class TargetGuard {
    private volatile Target target;

    private record Target(ServerVersion version, boolean mariaDb, String describe) {
    }

    /**
     * @param connection a connection to the target (its metadata gives the version the first time)
     * @param statement  the statement about to be sent, after every transform
     * @param endpoint   the target, for the diagnosis
     * @throws LoadException with {@link DiagnosisCode#DEFINITION_NOT_KEPT} naming the first loss
     */
    void check(Connection connection, Statement statement, String endpoint) throws SQLException {
        if (!statement.kind().name().startsWith("CREATE") && !statement.kind().name().startsWith("ALTER")) {
            return;                                  // cheap: the kind is read from the first words
        }
        Target t = target;
        if (t == null) {
            String v = connection.getMetaData().getDatabaseProductVersion();
            t = new Target(ServerVersion.parse(v), v.toLowerCase(Locale.ROOT).contains("mariadb"), v);
            target = t;
        }
        List<DefinitionLoss> losses = DefinitionLoss.find(statement, t.version(), t.mariaDb());
        if (losses.isEmpty()) {
            return;
        }
        DefinitionLoss first = losses.get(0);
        String fix = first.fix(t.version()).map(f -> "Load with " + f + ", which changes it on purpose (counted in the"
                + " transform report, declared to Verify).").orElse("No transform can carry it to this target: change it"
                + " on the source first, or load into a target that keeps it.");
        String more = losses.size() == 1 ? "" : " The statement has " + (losses.size() - 1) + " more: "
                + String.join("; ", losses.subList(1, Math.min(losses.size(), 6)).stream().map(DefinitionLoss::where).toList())
                + (losses.size() > 6 ? "; ..." : "") + ".";
        String message = "Not sent to MySQL " + t.describe() + ", which would " + (first.silentOn(t.version())
                ? "accept the statement and silently lose" : "reject") + " part of its definition: " + first.describe()
                + ". " + fix + more;
        throw new LoadException(Diagnosis.of(DiagnosisCode.DEFINITION_NOT_KEPT, message).withEndpoint(endpoint)
                .withLocation(statement.location()), first.table(), null, null);
    }
}
