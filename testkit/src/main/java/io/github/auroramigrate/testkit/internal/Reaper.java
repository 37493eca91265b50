package io.github.auroramigrate.testkit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure no server outlives its JVM: one shutdown hook stops every live server (in parallel), and
 * on first use the directories of servers whose owning JVM died without running hooks (kill -9) are
 * cleaned up, killing their still-running server process.
 */
final class Reaper {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    static final String DIR_PREFIX = "aurora-migrate-";
    private static final Set<LocalServer> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private Reaper() {
    }

    static synchronized void register(LocalServer server) {
        if (!installed) {
            installed = true;
            reapOrphans();
            Runtime.getRuntime().addShutdownHook(new Thread(Reaper::stopAll, "aurora-testkit-shutdown"));
        }
        LIVE.add(server);
    }

    static void unregister(LocalServer server) {
        LIVE.remove(server);
    }

    private static void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (LocalServer server : List.copyOf(LIVE)) {
            Thread t = new Thread(server::stop, "aurora-testkit-stop-" + server.port());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join(LocalServer.DISPOSE_DEADLINE.plusSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Cleans up after JVMs that were killed: their servers still run and their temp dirs remain. */
    private static void reapOrphans() {
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
            for (Path dir : dirs) {
                reapIfOrphan(dir);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not scan {} for orphaned test servers: {}", tmp, e.toString());
        }
    }

    private static void reapIfOrphan(Path dir) {
        Optional<Long> owner = readPid(dir.resolve("owner.pid"));
        if (owner.isEmpty() || ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
            return;   // not ours to judge, or its JVM still runs
        }
        readPid(dir.resolve("mysqld.pid")).flatMap(ProcessHandle::of).ifPresent(p -> {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains(dir.toString())) {
                LOG.warn("Killing orphaned test server pid {} left by dead JVM {}", p.pid(), owner.get());
                p.destroyForcibly();
                p.onExit().join();
            }
        });
        try {
            FileTools.deleteTree(dir);
            LOG.info("Removed orphaned test server directory {}", dir);
        } catch (RuntimeException e) {
            LOG.debug("Could not remove {}: {}", dir, e.toString());
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(FileTools.read(file).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
