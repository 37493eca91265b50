package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.PlanHook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks a plan file can name: a command (a process; exit code 0 is success) and SQL statements on an endpoint.
 * Each one's {@code toString()} says what it runs (never a password). Immutable and thread-safe.
 *
 * <pre>{@code
 * PlanHook h = Hooks.command(List.of("./app.sh", "pause"), Duration.ofMinutes(2), Map.of(), null);
 * }</pre>
 */
public final class Hooks {
    private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);
    private static final int KEEP_OUTPUT = 4000;

    private Hooks() {
    }

    /** @return a hook that does nothing */
    public static PlanHook none() {
        return new PlanHook() {
            @Override
            public void run() {
            }

            @Override
            public String toString() {
                return "nothing";
            }
        };
    }

    /**
     * A command hook: runs {@code argv} (no shell unless you name one), with {@code env} added to this process's
     * environment, in {@code dir} (null: the working directory), and fails on a non-zero exit or after
     * {@code timeout} (the process is then killed). Its output (stdout and stderr, the last 4,000 characters) is
     * logged and, on failure, put in the diagnosis.
     */
    public static PlanHook command(List<String> argv, Duration timeout, Map<String, String> env, Path dir) {
        List<String> args = List.copyOf(argv);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a command hook needs a command");
        }
        Map<String, String> extra = Map.copyOf(env);
        return new PlanHook() {
            @Override
            public void run() throws Exception {
                ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
                pb.environment().putAll(extra);
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                Process p;
                try {
                    p = pb.start();
                } catch (IOException e) {
                    throw failed(this, "could not start: " + e.getMessage(), e);
                }
                p.getOutputStream().close();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Thread reader = new Thread(() -> copy(p.getInputStream(), out), "aurora-plan-hook-output");
                reader.setDaemon(true);
                reader.start();
                boolean ended;
                try {
                    ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    throw e;
                }
                if (!ended) {
                    p.destroyForcibly();
                }
                reader.join(5000);
                String text = tail(out.toString(StandardCharsets.UTF_8));
                LOG.info("hook {}: {}{}", this, ended ? "exit " + p.exitValue() : "timed out",
                        text.isBlank() ? "" : "\n" + text.strip());
                if (!ended) {
                    throw failed(this, "did not end within " + Human.duration(timeout) + " and was killed; output: " + text, null);
                }
                if (p.exitValue() != 0) {
                    throw failed(this, "exited with " + p.exitValue() + "; output: " + text, null);
                }
            }

            @Override
            public String toString() {
                return "command " + String.join(" ", args);
            }
        };
    }

    /** A SQL hook: runs {@code statements} in order on {@code endpoint}, in one session. */
    public static PlanHook sql(Endpoint endpoint, String endpointName, List<String> statements) {
        List<String> sql = List.copyOf(statements);
        return new PlanHook() {
            @Override
            public void run() throws Exception {
                try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
                    for (String s : sql) {
                        st.execute(s);
                    }
                } catch (SQLException e) {
                    throw failed(this, "failed on " + endpoint.describe() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String toString() {
                return "SQL on " + endpointName + ": " + String.join("; ", sql);
            }
        };
    }

    static MigrationException failed(PlanHook hook, String what, Exception cause) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.HOOK_FAILED, "Hook " + hook + " " + what), cause);
    }

    /**
     * Runs a hook; anything but a {@code MigrationException} it throws becomes HOOK_FAILED naming it.
     *
     * @throws InterruptedException when interrupted
     */
    public static void run(PlanHook hook, String role) throws InterruptedException {
        try {
            hook.run();
        } catch (MigrationException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.HOOK_FAILED, "The " + role + " hook (" + hook
                    + ") failed: " + e), e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String tail(String s) {
        return s.length() <= KEEP_OUTPUT ? s : "..." + s.substring(s.length() - KEEP_OUTPUT);
    }
}
