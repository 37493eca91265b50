package io.github.auroramigrate.aws.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock executable jar (fetched by Maven into
 * {@code target/s3mock/s3mock.jar}, passed as the {@code s3mock.jar} system property) started as a separate JVM on a
 * free loopback port, stopped by {@link #close()} or when this JVM exits. Ready when it answers HTTP.
 */
final class S3TestServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private S3TestServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    private static S3TestServer shared;

    /**
     * The server of this test JVM, started on first use (objects in a temporary directory) and stopped when the JVM
     * exits, with {@code bucket} created; {@link #close()} is not to be called on it.
     */
    static synchronized S3TestServer shared(String bucket) throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(Files.createTempDirectory("s3mock-root"));
        }
        shared.createBucket(bucket);
        return shared;
    }

    /** Starts a server whose objects live under {@code root}. */
    static S3TestServer start(Path root) throws IOException, InterruptedException {
        String jar = System.getProperty("s3mock.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the S3 test server's jar is missing (s3mock.jar = " + jar + "): run the "
                    + "aws tests through Maven (./mvnw verify -pl aws -am), which copies com.adobe.testing:s3mock:exec "
                    + "into aws/target/s3mock");
        }
        int http = freePort();
        int https = freePort();
        Path log = Files.createTempFile("s3mock", ".log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--server.address=127.0.0.1",
                "--http.port=" + http, "--server.port=" + https,
                "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3TestServer server = new S3TestServer(p, http, log);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return a store in {@code bucket} on this server (the bucket must exist) */
    S3DumpStore.Builder store(String bucket) {
        return S3DumpStore.of(bucket).endpoint(endpoint()).pathStyle(true).region("us-east-1")
                .credentials(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"));
    }

    /** @return a plain SDK client of this server, for what a test does behind a store's back */
    software.amazon.awssdk.services.s3.S3AsyncClient client() {
        return software.amazon.awssdk.services.s3.S3AsyncClient.builder().endpointOverride(endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))
                .build();
    }

    /** Creates a bucket. */
    void createBucket(String bucket) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/" + bucket).toURL().openConnection();
        c.setRequestMethod("PUT");
        int code = c.getResponseCode();
        c.disconnect();
        if (code != 200 && code != 409) { // 409: it exists already (another test class made it)
            throw new IOException("creating bucket " + bucket + " answered HTTP " + code);
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the S3 test server exited with " + process.exitValue() + ":\n"
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
        throw new IllegalStateException("the S3 test server did not answer within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
