package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The aws tests' view of testkit's real S3-compatible server ({@link S3Server}, one per test JVM): stores and plain SDK
 * clients pointed at it, and endpoints of testkit servers.
 */
final class S3TestServer {
    private final S3Server server;

    private S3TestServer(S3Server server) {
        this.server = server;
    }

    /** The server of this test JVM, with {@code bucket} created. */
    static S3TestServer shared(String bucket) {
        S3Server s = S3Server.shared();
        s.createBucket(bucket);
        return new S3TestServer(s);
    }

    /** @return the HTTP endpoint, e.g. {@code http://127.0.0.1:41234} */
    URI endpoint() {
        return server.endpoint();
    }

    /** @return a store in {@code bucket} on this server (the bucket must exist) */
    S3DumpStore.Builder store(String bucket) {
        return S3DumpStore.of(bucket).endpoint(endpoint()).pathStyle(true).region("us-east-1")
                .credentials(() -> AwsBasicCredentials.create("test", "test"));
    }

    /** @return a plain SDK client of this server, for what a test does behind a store's back */
    S3AsyncClient client() {
        return S3AsyncClient.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("test", "test")).build();
    }

    /** @return the endpoint of a testkit server's application user (Aurora-like: its master user) */
    static Endpoint endpoint(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.user()).password(server.password())
                .allowPublicKeyRetrieval(true).build();
    }

    /** @return the endpoint of a testkit server's root user */
    static Endpoint rootEndpoint(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.rootUser())
                .password(server.rootPassword()).allowPublicKeyRetrieval(true).build();
    }
}
