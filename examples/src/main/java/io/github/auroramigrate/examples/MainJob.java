package io.github.auroramigrate.examples;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.io.PrintStream;
import java.sql.Connection;

/**
 * The README's main job: starts a MySQL 8.0 source and an Aurora-like MySQL 3 target (a real 8.0 server whose
 * master user has Aurora's privileges), creates a sample schema with the usual migration traps on the source,
 * and prints the pre-flight report: what the probe found on each side and what would fail on the target.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am exec:java     (or scripts/main-job.sh)
 * }</pre>
 */
public final class MainJob {
    private MainJob() {
    }

    /** Runs the job; exits non-zero (by exception) if a server cannot start. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        out.println("aurora-migrate main job: pre-flight report for a MySQL 8.0 -> Aurora-like MySQL 3 migration");
        try (TestServer source = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE);
             TestServer target = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
            try (Connection c = source.rootConnection()) {
                SampleSchema.create(c, "shop");
            }
            Endpoint src = endpoint(source);
            Endpoint dst = endpoint(target);

            ServerInfo s = ServerProbe.probe(src);
            ServerInfo t = ServerProbe.probe(dst);
            out.println();
            out.println("## What the probe found");
            out.println();
            print(out, "Source", s);
            print(out, "Target", t);

            CompatibilityReport live = CompatibilityCheck.source(src).schemas("shop").target(TargetProfile.probe(dst)).build().run();
            out.println();
            out.println(live.toMarkdown());
            CompatibilityReport aurora2 = CompatibilityCheck.source(src).schemas("shop").target(TargetProfile.AURORA_MYSQL_2).build().run();
            out.println("(and, for comparison, against the documented Aurora MySQL 2 profile)");
            out.println();
            out.println(aurora2.toMarkdown());
        }
    }

    private static Endpoint endpoint(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.user()).password(server.password())
                .allowPublicKeyRetrieval(true).build();
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
