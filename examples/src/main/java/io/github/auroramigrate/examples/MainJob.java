package io.github.auroramigrate.examples;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpListener;
import io.github.auroramigrate.core.dump.DumpProgress;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.ChunkProgress;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadListener;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's main job: a near-zero-downtime migration between embedded servers. It starts a MySQL 8.0 source
 * and an Aurora-like MySQL 3 target (a real 8.0 server whose master user has Aurora's privileges and the
 * mysql.rds_* procedures), creates a sample schema with the usual migration traps, prints the pre-flight report,
 * then - while an application thread keeps writing to the source - dumps, loads (stripping definers, converting
 * MyISAM), replicates from the dump's coordinates through the rds procedures, cuts over with a checksum
 * verification, and prints each step's timing.
 *
 * <pre>{@code
 * scripts/main-job.sh
 * }</pre>
 */
public final class MainJob {
    /** What the load changes on purpose; the verification at cut-over expects exactly that. */
    private static final io.github.auroramigrate.core.transform.Transform LOAD_TRANSFORM =
            Transforms.stripDefiners().andThen(Transforms.forceInnoDb());
    private static final String SCHEMA = "shop";

    private MainJob() {
    }

    /** Runs the job; a failure ends it with the exception's diagnosis. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Map<String, Duration> timings = new LinkedHashMap<>();
        out.println("aurora-migrate main job: near-zero-downtime migration MySQL 8.0 -> Aurora-like MySQL 3");
        long t0 = System.nanoTime();
        try (TestServer source = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE);
             TestServer target = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
            try (Connection c = source.rootConnection()) {
                SampleSchema.create(c, SCHEMA);
            }
            Endpoint src = endpoint(source);
            Endpoint dst = endpoint(target);
            timings.put("start servers, create sample schema", since(t0));

            long t = System.nanoTime();
            preflight(out, src, dst);
            timings.put("probe and pre-check", since(t));

            // The pre-check said: stored functions need log_bin_trust_function_creators=1. On Aurora that is a DB
            // parameter group setting; the emulation applies it as root.
            target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
            out.println("Applied the pre-check's advice on the target: log_bin_trust_function_creators=1 (a parameter-group"
                    + " setting on Aurora; set as root in this emulation).");

            ReplicationUser repl = ReplicationUser.create(src, "repl", "Repl-demo-pw-1", dst);
            SourcePreflight.of(src).target(dst).replicationUser(repl).plannedDuration(Duration.ofHours(1))
                    .growthSample(Duration.ZERO).build().run().throwIfFailed();

            Path dumpDir = Files.createTempDirectory("aurora-migrate-main-job-");
            try (DemoWriter writer = new DemoWriter(src, SCHEMA)) {
                writer.start();
                out.println();
                out.println("## Migration (the application keeps writing to the source)");
                out.println();

                t = System.nanoTime();
                DumpResult dump = Dump.from(src).schemas(SCHEMA).to(DumpStores.directory(dumpDir)).threads(2)
                        .listener(new DumpListener() {
                            @Override
                            public void onProgress(DumpProgress p) {
                                out.printf("  dump: %d/%d tables, %d chunks, %d rows, %.1f MB/s%n", p.tablesDone(), p.tablesTotal(),
                                        p.chunksDone(), p.rows(), p.bytesPerSecond() / 1e6);
                            }
                        }).build().run();
                timings.put("dump", since(t));
                out.println("- dump: " + dump.rows() + " rows in " + dump.chunks() + " chunks, consistency " + dump.consistency()
                        + ", binlog position " + dump.binlogPosition().map(Object::toString).orElse("none"));

                t = System.nanoTime();
                LoadResult load = Load.into(dst).from(LoadSources.dump(DumpStores.directory(dumpDir))).threads(2)
                        .transform(LOAD_TRANSFORM)
                        .listener(new LoadListener() {
                            @Override
                            public void chunkLoaded(ChunkProgress p) {
                                out.printf("  load: chunk %d/%d (%s, %d rows)%n", p.chunksDone(), p.chunksTotal(), p.table(), p.rows());
                            }
                        }).build().run();
                timings.put("load (strip definers, MyISAM -> InnoDB)", since(t));
                out.println("- load: " + load.summary());

                try (Replication replication = Replication.of(dst).source(src, repl)
                        .startAt(dump.binlogPosition().orElseThrow()).heartbeat(Duration.ofMillis(500)).build()) {
                    t = System.nanoTime();
                    replication.configure();
                    replication.start();
                    replication.awaitCaughtUp(Duration.ofMinutes(2));
                    timings.put("replicate from the dump's coordinates until caught up", since(t));
                    out.println("- replication (" + replication.dialect() + "): caught up, lag " + replication.lag()
                            + "; the application committed " + writer.commits() + " transactions so far");

                    CutOverReport cut = CutOver.of(replication)
                            .stopWrites(writer::stop).resumeWrites(writer::start)
                            .verify(verify(src, dst))
                            .switchApplications(() -> out.println("  (switch hook: point the application at " + dst.describe() + ")"))
                            .build().run();
                    timings.put("cut-over (total)", cut.total());
                    timings.put("cut-over: writes stopped", cut.writeDowntime());
                    out.println("- " + cut.describe().replace("\n", "\n  "));
                }
            }
            printTimings(out, timings);
        }
    }

    private static void preflight(PrintStream out, Endpoint src, Endpoint dst) {
        ServerInfo s = ServerProbe.probe(src);
        ServerInfo t = ServerProbe.probe(dst);
        out.println();
        out.println("## What the probe found");
        out.println();
        print(out, "Source", s);
        print(out, "Target", t);
        CompatibilityReport live = CompatibilityCheck.of(src).schemas(SCHEMA).target(TargetProfile.probe(dst)).build().run();
        out.println();
        out.println(live.toMarkdown());
        CompatibilityReport aurora2 = CompatibilityCheck.of(src).schemas(SCHEMA).target(TargetProfile.AURORA_MYSQL_2).build().run();
        out.println("(and, for comparison, against the documented Aurora MySQL 2 profile)");
        out.println();
        out.println(aurora2.toMarkdown());
    }

    /** Source and target equal: object definitions, row counts and chunked checksums over every column of every table. */
    private static Verify verify(Endpoint src, Endpoint dst) {
        return Verify.between(src, dst).schemas(SCHEMA).transform(LOAD_TRANSFORM).build();
    }

    private static Endpoint endpoint(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.user()).password(server.password())
                .allowPublicKeyRetrieval(true).build();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void printTimings(PrintStream out, Map<String, Duration> timings) {
        out.println();
        out.println("## Step timings");
        out.println();
        out.println("| step | seconds |");
        out.println("|---|---|");
        timings.forEach((step, d) -> out.printf("| %s | %.2f |%n", step, d.toNanos() / 1e9));
    }

    private static void print(PrintStream out, String side, ServerInfo info) {
        out.println("- **" + side + "** " + info.endpoint() + ": " + info.summary());
        out.println("  - privileges: SUPER=" + info.hasPrivilege("SUPER") + ", SET_USER_ID=" + info.hasPrivilege("SET_USER_ID")
                + ", RELOAD=" + info.hasPrivilege("RELOAD") + ", REPLICATION CLIENT=" + info.hasPrivilege("REPLICATION CLIENT")
                + ", BACKUP_ADMIN=" + info.hasPrivilege("BACKUP_ADMIN") + ", mysql.rds_* procedures=" + info.rdsProcedures());
        out.println("  - lower_case_table_names=" + info.lowerCaseTableNames() + ", max_allowed_packet=" + info.maxAllowedPacket()
                + ", local_infile=" + info.localInfile() + ", sql_mode=" + info.sqlMode() + ", time_zone=" + info.timeZone());
        out.println("  - schemas: " + info.schemas() + "; engines in use: " + info.enginesInUse() + "; collations: " + info.collationsInUse());
        out.println("  - objects with definers: " + info.definedObjects());
    }
}
