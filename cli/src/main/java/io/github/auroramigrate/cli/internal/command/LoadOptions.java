package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How to load: the options {@code load}, {@code copy} and {@code migrate} share.
 *
 * <pre>{@code
 * @Mixin LoadOptions how;   // how.apply(Load.into(target))
 * }</pre>
 */
public final class LoadOptions {
    @Option(names = "--transform", split = ",", paramLabel = "NAME", description = "Rewrite DDL while loading, in order: "
            + Options.TRANSFORMS + ". The pre-check names the ones a target needs.")
    List<String> transforms = new ArrayList<>();

    @Option(names = "--load-threads", paramLabel = "N", description = "Load connections. Default: --threads.")
    Integer loadThreads;

    /** @return the transform, or null */
    Transform transform() {
        return Options.transform("--transform", transforms);
    }

    /** Applies the options to a load builder. */
    Load.Builder apply(Load.Builder b, int threads) {
        Transform t = transform();
        if (t != null) {
            b.transform(t);
        }
        return b.threads(Options.positive("--load-threads", loadThreads == null ? threads : loadThreads));
    }
}
