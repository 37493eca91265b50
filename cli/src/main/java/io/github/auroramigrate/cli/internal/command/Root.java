package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Io;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code aurora-migrate} command itself: its subcommands, help, version, and the exit codes in its usage.
 *
 * <pre>{@code
 * int status = Root.commandLine(Io.system()).execute(args);
 * }</pre>
 */
@Command(name = "aurora-migrate", mixinStandardHelpOptions = true, versionProvider = Root.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Move MySQL-compatible databases into Amazon Aurora MySQL (or any MySQL-compatible target) with"
                + " near-zero downtime.",
        subcommands = {ProbeCommand.class, CheckCommand.class, DumpCommand.class, LoadCommand.class, CopyCommand.class,
            VerifyCommand.class, ReplicateCommand.class, CutOverCommand.class, MigrateCommand.class, PlanCommand.class,
            TransformCommand.class, ReportCommand.class, ExitCodesCommand.class, WarmUpCommand.class},
        footer = {"", "Passwords never go on the command line: --source-password-file, AURORA_MIGRATE_SOURCE_PASSWORD or"
            + " --source-password-prompt (same for --target). Documentation: docs/cli.md."})
public final class Root implements Runnable {
    private final Io io;

    @Spec
    CommandSpec spec;

    /** A root for one invocation. */
    public Root(Io io) {
        this.io = io;
    }

    /** @return the streams and environment of this invocation */
    public Io io() {
        return io;
    }

    @Override
    public void run() {
        spec.commandLine().usage(io.out());
    }

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "A properties file of option values (source = ..., schemas = ...); the command line wins.")
    java.nio.file.Path config;

    /** @return a command line whose failures in parsing and in commands map to the documented exit codes */
    public static CommandLine commandLine(Io io) {
        return commandLine(io, new String[0]);
    }

    /**
     * @param args the arguments it will run, for {@code --config FILE} (read before parsing, as it gives defaults), or
     *             the environment variable AURORA_MIGRATE_CONFIG
     */
    public static CommandLine commandLine(Io io, String[] args) {
        CommandLine cl = new CommandLine(new Root(io));
        String config = io.env().get("AURORA_MIGRATE_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                config = args[i].substring("--config=".length());
            }
        }
        try {
            cl.setDefaultValueProvider(new io.github.auroramigrate.cli.internal.ConfigDefaults(io,
                    config == null ? null : java.nio.file.Path.of(config)));
        } catch (io.github.auroramigrate.cli.internal.BadInput e) {
            cl.setDefaultValueProvider(arg -> {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            });
        }
        cl.setOut(new java.io.PrintWriter(io.out(), true));
        cl.setErr(new java.io.PrintWriter(io.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.valueOf(c.code()), c.name() + ": " + c.meaning());
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException
                || t instanceof io.github.auroramigrate.cli.internal.BadInput ? ExitCode.BAD_INPUT.code() : ExitCode.FAILED.code());
        cl.setParameterExceptionHandler((ex, given) -> {
            io.err().println("aurora-migrate: " + ex.getMessage());
            io.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT.code();
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            io.err().println("aurora-migrate: " + ex.getMessage());
            return ex instanceof io.github.auroramigrate.cli.internal.BadInput ? ExitCode.BAD_INPUT.code() : ExitCode.FAILED.code();
        });
        return cl;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aurora-migrate " + Context.version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
