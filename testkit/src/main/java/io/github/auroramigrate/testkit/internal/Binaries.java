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
 * <pre>{@code Path base = Binaries.basedir(ServerKind.MYSQL_80, extractor);   // .../base/bin/mysqld}</pre>
 *
 * Extracts a server's binaries, which a bundle artifact carries on the classpath, once per version into a
 * cache directory shared by all JVMs of the user. Extraction is guarded by a lock file and finished by a
 * completion marker, so concurrent JVMs neither race nor use half-extracted trees.
 */
public final class Binaries {
    private static final Logger LOG = LoggerFactory.getLogger(Binaries.class);
    private static final String MARKER = ".extracted";

    /** Writes a kind's binaries into an empty directory, so that {@code bin/mysqld} (or {@code bin/mariadbd}) exists. */
    @FunctionalInterface
    public interface Extractor {
        /** Extracts into {@code base}, which exists and is empty. */
        void extractTo(Path base) throws IOException;
    }

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

    /** Returns the extracted base directory of {@code kind}, extracting it with {@code extractor} first if needed. */
    public static Path basedir(ServerKind kind, Extractor extractor) {
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
                extractor.extractTo(base);
                String server = kind.isMariaDb() ? "bin/mariadbd" : "bin/mysqld";
                if (!Files.isRegularFile(base.resolve(server))) {
                    throw new TestkitException("The " + kind.displayName() + " binaries extracted into " + base
                            + " have no " + server);
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

    /**
     * The URL of {@code markerResource}, a class or resource only the binaries' artifact contains.
     *
     * @throws TestkitException naming {@code artifact} if it is not on the classpath
     */
    public static URL marker(ClassLoader loader, String markerResource, String artifact) {
        URL url = loader.getResource(markerResource);
        if (url == null) {
            throw new TestkitException("Cannot find the server binaries: the artifact " + artifact
                    + " is not on the classpath (" + markerResource + " is missing); it is a dependency of the"
                    + " testkit bundle artifact, so do not exclude it");
        }
        return url;
    }

    /**
     * Extracts the tarball {@code tarball} that lies in the same jar (or directory) as {@code markerResource}.
     * Both MySQL artifacts contain a resource named {@code mysql-Linux-amd64.tar.gz}, so it is addressed
     * relative to a class only its own artifact has.
     */
    public static void extractTarGz(URL marker, String markerResource, String tarball, Path base) throws IOException {
        String m = marker.toString();
        URL url = new URL(m.substring(0, m.length() - markerResource.length()) + tarball);
        Path log = base.resolveSibling("extract.log");
        Process tar = new ProcessBuilder("tar", "xzf", "-", "-C", base.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream(); OutputStream out = tar.getOutputStream()) {
            in.transferTo(out);
        }
        try {
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new TestkitException("tar failed extracting " + url + ": " + FileTools.tail(log, 20));
            }
        } catch (InterruptedException e) {
            tar.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while extracting " + url, e);
        }
    }

    /**
     * Copies the entries under {@code prefix} of the jar holding {@code marker} into {@code base}, making
     * {@code bin/*} and {@code scripts/*} executable.
     */
    public static void copyJarDirectory(URL marker, String prefix, Path base) throws IOException {
        URLConnection connection = marker.openConnection();
        if (!(connection instanceof JarURLConnection)) {
            throw new TestkitException("Expected the server binaries inside a jar, found " + marker);
        }
        connection.setUseCaches(false);
        Path jarPath;
        try {
            jarPath = Paths.get(((JarURLConnection) connection).getJarFileURL().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new TestkitException("Cannot locate the jar of " + marker, e);
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                    continue;
                }
                Path target = base.resolve(name.substring(prefix.length())).normalize();
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
