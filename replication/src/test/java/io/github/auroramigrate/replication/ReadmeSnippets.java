package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverHook;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.preflight.PreflightReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import java.time.Duration;

/**
 * The replication examples of the Javadoc (and the README's, whose block the examples module also compiles as
 * written), compiled with the tests. {@link ReadmeSnippetsTest} checks that each region between {@code // BEGIN name}
 * and {@code // END name} is, line for line, the example as the Javadoc or the README shows it (the README's import
 * lines aside); so an example that stops compiling fails the build, and one edited in only one place fails the test.
 * Never run.
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {
    /** What the examples call on the user's application. */
    interface App {
        void pauseWriters();

        void resumeWriters();

        void useDatabase(Endpoint target);
    }

    private ReadmeSnippets() {
    }

    static void readme(Endpoint source, Endpoint target, String replPassword, DumpResult dump, CutOverHook pauseApp,
            CutOverHook resumeApp, CutOverHook pointAppAtTarget) {
        // BEGIN readme-replication
        ReplicationUser repl = ReplicationUser.create(source, "repl", replPassword, target); // grants, auth plugin fit both ends
        SourcePreflight.of(source).target(target).replicationUser(repl)
                .plannedDuration(Duration.ofHours(6)).build().run().throwIfFailed();
        try (Replication replication = Replication.of(target).source(source, repl)
                .startAt(dump.binlogPosition().orElseThrow()).build()) {
            replication.configure();
            replication.start();
            replication.awaitCaughtUp(Duration.ofMinutes(30));
            CutOverReport report = CutOver.of(replication)
                    .stopWrites(pauseApp).resumeWrites(resumeApp)             // resumeWrites: the rollback path
                    .verify(Verify.between(source, target).schemas("myschema").build()) // a difference stops it
                    .switchApplications(pointAppAtTarget)
                    .build().run();                                           // each step timed; writes-stopped duration
        }
        // END readme-replication
    }

    static void packageInfo(Endpoint source, Endpoint target, String replPassword, DumpResult dump, App app) {
        // BEGIN javadoc-package
        ReplicationUser user = ReplicationUser.create(source, "repl", replPassword, target);
        SourcePreflight.of(source).target(target).replicationUser(user)
            .plannedDuration(Duration.ofHours(12)).build().run().throwIfFailed();
        try (Replication repl = Replication.of(target).source(source, user)
                .startAt(dump.binlogPosition().orElseThrow()).heartbeat(Duration.ofSeconds(1)).build()) {
            repl.configure();
            repl.start();
            repl.awaitCaughtUp(Duration.ofHours(2));
            CutOver.of(repl)
                .stopWrites(app::pauseWriters).resumeWrites(app::resumeWriters)
                .verify(Verify.between(source, target).schemas("shop").build())
                .switchApplications(() -> app.useDatabase(target))
                .build().run();
        }
        // END javadoc-package
    }

    static void replication(Endpoint source, Endpoint target, String replPassword, DumpResult dump) {
        // BEGIN javadoc-replication
        try (Replication repl = Replication.of(target)
                .source(source, ReplicationUser.of("repl", replPassword))
                .startAt(dump.binlogPosition().orElseThrow())
                .heartbeat(Duration.ofSeconds(1))
                .build()) {
            repl.configure();
            repl.start();
            repl.awaitCaughtUp(Duration.ofMinutes(30));
            ReplicationLag lag = repl.lag();
            ReplicationHealth health = repl.diagnose();
            StuckOrBusyReport why = repl.stuckOrBusy(Duration.ofSeconds(10));
        }
        // END javadoc-replication
    }

    static void cutOver(Replication repl, Endpoint source, Endpoint target, App app) {
        // BEGIN javadoc-cutover
        CutOverReport r = CutOver.of(repl)
            .stopWrites(() -> app.pauseWriters())
            .resumeWrites(() -> app.resumeWriters())
            .verify(Verify.between(source, target).schemas("shop").build())
            .switchApplications(() -> app.useDatabase(target))
            .catchUpTimeout(Duration.ofMinutes(5))
            .build()
            .run();
        // END javadoc-cutover
    }

    static void preflight(Endpoint source, Endpoint target, String pw) {
        // BEGIN javadoc-preflight
        PreflightReport r = SourcePreflight.of(source)
            .target(target)
            .replicationUser(ReplicationUser.of("repl", pw))
            .plannedDuration(Duration.ofHours(12))
            .build().run();
        r.throwIfFailed();
        // END javadoc-preflight
    }

    static void user(Endpoint source, Endpoint target, String secret) {
        // BEGIN javadoc-user
        ReplicationUser repl = ReplicationUser.create(source, "repl", secret, target);
        // END javadoc-user
    }
}
