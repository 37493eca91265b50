package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.GlobalOptions;
import io.github.auroramigrate.cli.internal.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that does work: it opens a {@link Context} (events, terminal or JSON, report), runs, and turns any
 * failure into the exit code and the diagnosis.
 *
 * <pre>{@code
 * @Command(name = "probe") final class ProbeCommand extends RunCommand { protected int run(Context ctx) { ... } }
 * }</pre>
 */
public abstract class RunCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** Does the command's work. @return the exit status, from {@link Context#finish} */
    protected abstract int run(Context ctx) throws Exception;

    @Override
    public Integer call() {
        Io io = ((Root) spec.root().userObject()).io();
        String name = spec.qualifiedName(" ").substring(spec.root().name().length()).trim();
        Context ctx = Context.open(name, global, io);
        try {
            return run(ctx);
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (t instanceof Error e && !(t instanceof AssertionError)) {
                ctx.fail(new RuntimeException(t));
                throw e;
            }
            return ctx.fail(t);
        } finally {
            ctx.close();
        }
    }

    /** @return the terminal and environment */
    protected Io io() {
        return ((Root) spec.root().userObject()).io();
    }
}
