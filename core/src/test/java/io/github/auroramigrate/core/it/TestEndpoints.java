package io.github.auroramigrate.core.it;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.testkit.TestServer;

/** Endpoints for testkit servers. */
public final class TestEndpoints {
    private TestEndpoints() {
    }

    /** The endpoint of the account tests should use (root, or the Aurora-like master user). */
    public static Endpoint of(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.user()).password(server.password())
                .allowPublicKeyRetrieval(true).build();
    }

    /** The root endpoint, whatever the profile. */
    public static Endpoint root(TestServer server) {
        return Endpoint.builder().host(server.host()).port(server.port()).user(server.rootUser()).password(server.rootPassword())
                .allowPublicKeyRetrieval(true).build();
    }
}
