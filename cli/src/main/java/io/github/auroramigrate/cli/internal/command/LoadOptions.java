package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadMethod;
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

    @Option(names = "--load-method", paramLabel = "METHOD", description = "How data reaches the target: AUTO (LOAD DATA"
            + " LOCAL where the target allows it, else INSERT), LOAD_DATA_LOCAL, INSERT, or SERVER_SIDE (Aurora reads each"
            + " chunk itself with LOAD DATA FROM S3: a dump in s3://, uncompressed; its privileges and settings are"
            + " checked first). Default: AUTO.")
    LoadMethod method = LoadMethod.AUTO;

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
        return b.method(method).threads(Options.positive("--load-threads", loadThreads == null ? threads : loadThreads));
    }
}
