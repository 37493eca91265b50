package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aurora-migrate exit-codes}: what each exit status means, for people writing scripts around the command.
 *
 * <pre>{@code
 * aurora-migrate exit-codes
 * }</pre>
 */
@Command(name = "exit-codes", description = "List the exit codes and what each means.")
public final class ExitCodesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = ((Root) spec.root().userObject()).io().out();
        for (ExitCode c : ExitCode.values()) {
            out.println(String.format(Locale.ROOT, "%4d  %-22s %s", c.code(), c.name(), c.meaning()));
        }
        return 0;
    }
}
