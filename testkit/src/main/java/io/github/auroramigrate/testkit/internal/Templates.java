package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An initialised, never-started data directory per server kind, kept in the cache. Each server starts
 * from a copy: copying takes a fraction of a second where {@code --initialize} takes seconds.
 */
final class Templates {
    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    /** Bump when the initialisation flags change, so old templates are not reused. */
    private static final String NAME = "template-v1";
    private static final String MARKER = ".initialized";

    private Templates() {
    }

    static Path dataDir(ServerKind kind, Path basedir) {
        Path versionDir = Binaries.versionDir(kind);
        Path template = versionDir.resolve(NAME);
        Path marker = versionDir.resolve(NAME + MARKER);
        if (Files.exists(marker)) {
            return template;
        }
        return FileTools.withLock(versionDir.resolveSibling(versionDir.getFileName() + ".template.lock"), () -> {
            if (Files.exists(marker)) {
                return template;
            }
            long t0 = System.nanoTime();
            FileTools.deleteTree(template);
            Path log = versionDir.resolve(NAME + ".log");
            List<String> cmd = Commands.initialize(kind, basedir, template);
            try {
                Files.createDirectories(template);
                Process p = new ProcessBuilder(cmd)
                        .directory(versionDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                boolean done = p.waitFor(Timeouts.start().toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.destroyForcibly();
                }
                if (!done || p.exitValue() != 0) {
                    String what = done ? "initialisation exited with code " + p.exitValue()
                            : "initialisation did not finish within " + Timeouts.start().toSeconds() + " s";
                    throw new TestkitException(StartFailures.message(kind, what, FileTools.tail(log, 40)));
                }
                Files.writeString(marker, kind.version() + "\n");
            } catch (IOException e) {
                throw new TestkitException("Cannot initialise a " + kind.displayName() + " data directory: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("Interrupted while initialising " + kind.displayName(), e);
            }
            LOG.info("Initialised the {} template data directory {} in {} ms", kind.displayName(), template,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return template;
        });
    }
}
