package io.github.auroramigrate.examples.nearzero;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.examples.demo.DemoApp;
import io.github.auroramigrate.examples.demo.DemoServers;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Handbook scenario 5 and the README's main job, "self-managed migration with near-zero downtime", run with the
 * {@code aurora-migrate} command of the CLI distribution as an operator would: while an application keeps writing to
 * the source, {@code aurora-migrate migrate} probes both sides, pre-checks, dumps with binlog coordinates, loads
 * (stripping definers, converting MyISAM), replicates from the dump's coordinates through the target's
 * {@code mysql.rds_*} procedures, and cuts over through the application's own pause/resume/switch endpoints with a
 * verification, writing a Markdown and HTML report. Before it, {@code aurora-migrate check} shows what Aurora MySQL 2
 * would refuse, for comparison.
 *
 * <pre>{@code
 * scripts/main-job.sh                                                # embedded MySQL 8.0 and Aurora-like MySQL 3
 * scripts/main-job.sh --source root@10.0.0.5 --target admin@mycluster.cluster-xyz.rds.amazonaws.com --schema shop
 * }</pre>
 */
public final class MainJob {
    private MainJob() {
    }

    /** Runs the job; a failure of the migration ends it with the command's exit status in the message. */
    public static void main(String[] args) throws Exception {
        Path cli = launcher();
        Path report = Path.of(System.getProperty("aurora.migrate.report", "main-job-report")).toAbsolutePath();
        System.out.println("aurora-migrate main job: near-zero-downtime migration to an Aurora-like MySQL 3 target, with the"
                + " command line " + cli);
        try (DemoServers s = DemoServers.from(args, ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
            s.applyParameterGroup();
            boolean embedded = !s.embedded().isEmpty();
            String source = embedded ? address(s.source()) : s.option("--source", null);
            String target = embedded ? address(s.target()) : s.option("--target", null);
            Map<String, String> env = new HashMap<>();
            env.put("AURORA_MIGRATE_SOURCE_PASSWORD", password(s.source()));
            env.put("AURORA_MIGRATE_TARGET_PASSWORD", password(s.target()));

            System.out.println();
            System.out.println("$ aurora-migrate check --source " + source + " --schemas " + s.schema() + " --target-profile aurora-mysql-2");
            int check = run(cli, env, "check", "--source", source, "--schemas", s.schema(), "--target-profile", "aurora-mysql-2");
            System.out.println("(exit " + check + ": Aurora MySQL 2 would refuse this schema as it is; our target is Aurora MySQL 3)");

            Path dump = Files.createTempDirectory("aurora-migrate-main-job-dump-");
            try (DemoApp app = DemoApp.start(s.source(), s.schema())) {
                List<String> migrate = List.of("migrate", "--source", source, "--target", target, "--schemas", s.schema(),
                        "--dump-to", dump.toString(), "--transform", "strip-definers,force-innodb",
                        "--planned-duration", "30m", "--heartbeat", "500ms",
                        "--stop-writes", app.url("pause"), "--resume-writes", app.url("resume"), "--switch", app.url("switch"),
                        "--report", report.toString());
                System.out.println();
                System.out.println("$ aurora-migrate " + String.join(" ", migrate));
                int code = run(cli, env, migrate.toArray(String[]::new));
                System.out.println();
                System.out.println("The application committed " + app.commits() + " transactions on the source during the"
                        + " migration; switched to the target: " + app.switched() + ".");
                if (code != 0) {
                    throw new IllegalStateException("aurora-migrate migrate exited with " + code + " (aurora-migrate exit-codes)");
                }
            }
        }
    }

    /** Runs the command line: on a terminal it draws its own progress bars; otherwise its output is passed on. */
    static int run(Path cli, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(cli.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (System.console() != null) {
            return pb.inheritIO().start().waitFor();
        }
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println(line);
            }
        }
        return p.waitFor();
    }

    private static Path launcher() {
        String p = System.getProperty("aurora.migrate.cli");
        if (p == null || !Files.isExecutable(Path.of(p))) {
            throw new IllegalStateException("the aurora-migrate command is not built (system property aurora.migrate.cli = " + p
                    + "): run scripts/main-job.sh, which builds the distribution first");
        }
        return Path.of(p);
    }

    private static String address(Endpoint e) {
        return e.user() + "@" + e.host() + ":" + e.port() + "?allowPublicKeyRetrieval=true";
    }

    private static String password(Endpoint e) {
        return e.driverProperties().getProperty("password", "");
    }
}
