package io.github.auroramigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroramigrate.cli.internal.Io;
import io.github.auroramigrate.cli.internal.command.Root;
import io.github.auroramigrate.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command in tests: in this JVM ({@link #run}, fast) or as the built distribution's {@code bin/aurora-migrate}
 * in a child process ({@link #dist}, what a person runs), capturing its output and exit status.
 */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What a run printed and how it ended. */
    record Result(int exit, String out, String err) {
        /** @return the --json lines of standard output, parsed (every line must be one JSON object) */
        List<JsonNode> events() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : this.out.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    assertThat(n.isObject()).as("a JSON object per line: %s", line).isTrue();
                    out.add(n);
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
            return out;
        }

        /** @return the events of that name */
        List<JsonNode> events(String name) {
            return events().stream().filter(e -> name.equals(e.path("event").asText())).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs the command in this JVM with these environment variables and no terminal. */
    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = Root.commandLine(new Io(o, e, env, false, null), args).execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** @return the distribution's launcher, built by the package phase */
    static Path launcher() {
        String dist = System.getProperty("aurora.migrate.dist");
        assertThat(dist).as("the failsafe property aurora.migrate.dist (run the ITs with mvn verify)").isNotNull();
        Path bin = Path.of(dist, "bin", "aurora-migrate");
        assertThat(bin).as("the distribution is built by 'package' before the integration tests").isExecutable();
        return bin;
    }

    /** Runs the distribution's launcher as a child process. */
    static Result dist(Map<String, String> env, Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("aurora-migrate " + String.join(" ", args) + " did not end in 5 minutes:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return {@code user@127.0.0.1:port?allowPublicKeyRetrieval=true} for the server's migration user */
    static String address(TestServer s) {
        return s.user() + "@" + s.host() + ":" + s.port() + "?allowPublicKeyRetrieval=true";
    }

    /** @return the same for its root account */
    static String rootAddress(TestServer s) {
        return s.rootUser() + "@" + s.host() + ":" + s.port() + "?allowPublicKeyRetrieval=true";
    }
}
