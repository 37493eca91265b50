package io.github.auroramigrate.cli.bench;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up of the distribution's command, measured from outside as a person waits for it (scripts/startup-bench.sh):
 * wall time of {@code --version}, and time to first row of a dump (process start to the first chunk written, seen as
 * its {@code dump.chunk} event on standard output), with and without the AppCDS archive that {@code
 * bin/aurora-migrate-cds} makes. Median of N runs each, interleaved; prints a Markdown table.
 */
public final class StartupBench {
    private StartupBench() {
    }

    /** {@code StartupBench <distribution dir> [runs]}. */
    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path bin = dist.resolve("bin/aurora-migrate");
        try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE)) {
            s.execute("CREATE DATABASE startup", "CREATE TABLE startup.t (id INT PRIMARY KEY, v VARCHAR(100))",
                    "SET SESSION cte_max_recursion_depth = 1000000",
                    "INSERT INTO startup.t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                            + " SELECT i, REPEAT('x', 80) FROM n");
            String address = s.rootUser() + "@" + s.host() + ":" + s.port() + "?allowPublicKeyRetrieval=true";
            Path jsa = dist.resolve("lib/aurora-migrate.jsa");
            Files.deleteIfExists(jsa);
            Process cds = new ProcessBuilder(dist.resolve("bin/aurora-migrate-cds").toString()).inheritIO().start();
            if (cds.waitFor() != 0 || !Files.exists(jsa)) {
                throw new IllegalStateException("bin/aurora-migrate-cds did not make " + jsa);
            }
            Map<String, List<Double>> t = new java.util.LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (String cdsMode : List.of("0", "1")) {
                    Map<String, String> env = Map.of("AURORA_MIGRATE_CDS", cdsMode, "AURORA_MIGRATE_SOURCE_PASSWORD", s.rootPassword());
                    t.computeIfAbsent("version, CDS " + cdsMode, k -> new ArrayList<>()).add(untilEnd(env, bin, "--version"));
                    Path out = Files.createTempDirectory("startup-dump");
                    t.computeIfAbsent("first row, CDS " + cdsMode, k -> new ArrayList<>()).add(untilLine(env, "\"event\":\"dump.chunk\"",
                            bin, "dump", "--json", "--source", address, "--schemas", "startup", "--to", out.resolve("d").toString(),
                            "--threads", "2"));
                }
            }
            System.out.println("| measure | without the archive (AURORA_MIGRATE_CDS=0) | with lib/aurora-migrate.jsa |");
            System.out.println("|---|---:|---:|");
            for (String m : List.of("version", "first row")) {
                System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s |%n", m.equals("version") ? "`aurora-migrate --version`"
                        : "dump: process start to first chunk written", median(t.get(m + ", CDS 0")), median(t.get(m + ", CDS 1")));
            }
            System.out.println("(median of " + runs + " runs each, interleaved; all runs: " + t + ")");
        }
    }

    private static double untilEnd(Map<String, String> env, Path bin, String... args) throws Exception {
        long start = System.nanoTime();
        Process p = start(env, bin, args);
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("exit " + p.exitValue());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double untilLine(Map<String, String> env, String marker, Path bin, String... args) throws Exception {
        long start = System.nanoTime();
        Process p = start(env, bin, args);
        double at = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (at < 0 && line.contains(marker)) {
                    at = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        if (p.waitFor() != 0 || at < 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ", marker seen: " + (at >= 0));
        }
        return at;
    }

    private static Process start(Map<String, String> env, Path bin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
