package io.github.auroramigrate.testkit.s3;

import io.github.auroramigrate.testkit.TestkitException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible server for tests and benchmarks: Adobe's S3Mock executable jar
 * ({@code com.adobe.testing:s3mock:<version>:exec}, from Maven Central) started as a separate JVM on a free loopback
 * port and stopped by {@link #close()} or when this JVM exits. Ready when it answers HTTP. It speaks the S3 REST API
 * over plain HTTP with path-style addressing and accepts any credentials.
 *
 * <pre>{@code
 * try (S3Server s3 = S3Server.start()) {
 *     s3.createBucket("dumps");
 *     URI endpoint = s3.endpoint();     // e.g. http://127.0.0.1:41234, for the SDK's endpointOverride + forcePathStyle
 * }
 * }</pre>
 *
 * <p>The jar is taken from the system property {@value #JAR_PROPERTY}, else from the local Maven repository
 * ({@code ~/.m2/repository/com/adobe/testing/s3mock/}{@value #VERSION}{@code /s3mock-}{@value #VERSION}{@code -exec.jar});
 * when neither exists the start fails saying how to fetch it. Thread-safe.
 */
public final class S3Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3Server.class);
    /** The S3Mock version looked for in the local Maven repository. */
    public static final String VERSION = "5.2.0";
    /** The system property naming the S3Mock executable jar. */
    public static final String JAR_PROPERTY = "s3mock.jar";
    private static S3Server shared;

    private final Process process;
    private final int port;
    private final Path log;

    private S3Server(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The server of this JVM, started on first use and stopped when the JVM exits; {@link #close()} is not to be
     * called on it.
     */
    public static synchronized S3Server shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
        }
        return shared;
    }

    /**
     * Starts a server whose objects live in a new temporary directory.
     *
     * @throws TestkitException when the jar is missing or the server does not answer within 90 seconds
     */
    public static S3Server start() {
        Path jar = jar();
        try {
            Path root = Files.createTempDirectory("s3server-root");
            int http = freePort();
            int https = freePort();
            Path log = Files.createTempFile("s3server", ".log");
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.address=127.0.0.1",
                    "--http.port=" + http, "--server.port=" + https,
                    "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3Server server = new S3Server(p, http, log);
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "s3server-reaper"));
            server.awaitReady(Duration.ofSeconds(90));
            LOG.info("S3-compatible server (S3Mock) on {}", server.endpoint());
            return server;
        } catch (IOException e) {
            throw new TestkitException("cannot start the S3 test server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while starting the S3 test server", e);
        }
    }

    private static Path jar() {
        String prop = System.getProperty(JAR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new TestkitException("the S3 test server's jar is missing: " + JAR_PROPERTY + " = " + prop);
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "adobe", "testing", "s3mock",
                VERSION, "s3mock-" + VERSION + "-exec.jar");
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        throw new TestkitException("the S3 test server's jar is missing (" + m2 + "): fetch it with `./mvnw "
                + "dependency:get -Dartifact=com.adobe.testing:s3mock:" + VERSION + ":jar:exec` or name it with -D"
                + JAR_PROPERTY + "=path");
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the port it serves HTTP on */
    public int port() {
        return port;
    }

    /**
     * Creates a bucket; one that exists already is fine.
     *
     * @throws TestkitException when the server refuses
     */
    public void createBucket(String bucket) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/" + bucket).toURL().openConnection();
            c.setRequestMethod("PUT");
            int code = c.getResponseCode();
            c.disconnect();
            if (code != 200 && code != 409) { // 409: it exists already
                throw new TestkitException("creating bucket " + bucket + " answered HTTP " + code);
            }
        } catch (IOException e) {
            throw new TestkitException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TestkitException("the S3 test server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode(); // any answer: it serves HTTP
                c.disconnect();
                return;
            } catch (IOException notYet) {
                process.waitFor(200, TimeUnit.MILLISECONDS); // the next poll, or the exit that ends the wait
            }
        }
        process.destroyForcibly();
        throw new TestkitException("the S3 test server did not answer within " + timeout.toSeconds() + " s:\n"
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the server (its objects are deleted). Idempotent. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "S3Server{" + endpoint() + "}";
    }
}
