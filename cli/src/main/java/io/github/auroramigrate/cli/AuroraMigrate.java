package io.github.auroramigrate.cli;

import io.github.auroramigrate.cli.internal.Io;
import io.github.auroramigrate.cli.internal.command.Root;
import java.util.Arrays;

/**
 * The {@code aurora-migrate} command: every capability of the library from a terminal or a script, with live progress,
 * {@code --json} events and Markdown/HTML reports. Its exit status is an {@link ExitCode}.
 *
 * <pre>{@code
 * aurora-migrate migrate --source root@10.0.0.5 --target admin@mycluster.cluster-xyz.rds.amazonaws.com \
 *     --schemas shop --dump-to shop_dump --transform strip-definers --stop-writes 'app-ctl pause' --report report/
 * }</pre>
 */
public final class AuroraMigrate {
    private AuroraMigrate() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command with this process's streams, environment and console, and returns its exit status (for
     * launchers that want to go on afterwards).
     */
    public static int run(String... args) {
        configureLogging(args);
        return Root.commandLine(Io.system(), args).execute(args);
    }

    /**
     * The log backend (slf4j-simple) reads its settings once, at the first logger: WARN and above to standard error,
     * INFO with -v, DEBUG with -vv; before any class logs.
     */
    static void configureLogging(String[] args) {
        long v = Arrays.stream(args).filter(a -> a.matches("-v+|--verbose")).mapToLong(a -> a.startsWith("--") ? 1 : a.length() - 1).sum();
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", v >= 2 ? "debug" : v == 1 ? "info" : "warn");
        }
    }
}
