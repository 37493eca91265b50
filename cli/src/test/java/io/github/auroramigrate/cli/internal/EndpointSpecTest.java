package io.github.auroramigrate.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.aws.tls.RdsCaBundle;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a side's options become an endpoint: IAM tokens with TLS that checks the host, the shipped RDS CAs by name. */
class EndpointSpecTest {
    private static final String AURORA = "migrator@mycluster.cluster-abc.eu-west-1.rds.amazonaws.com:3306";
    private final Io io = new Io(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
            Map.of("AURORA_MIGRATE_TARGET_PASSWORD", "not-this-one"), false, null);

    @Test
    void anIamLoginUsesTokensOverTlsThatChecksTheHostWithTheRdsCas() {
        Endpoint e = EndpointSpec.endpoint("target", AURORA, new EndpointSpec.Access(null, false, null, null, "eu-west-1"), io);
        assertThat(e.suppliesPassword()).as("a token per new connection, not the environment's password").isTrue();
        assertThat(e.tls()).isEqualTo(TlsMode.VERIFY_IDENTITY);
        assertThat(e.caBundle()).contains(RdsCaBundle.global());
        assertThat(e.toString()).doesNotContain("not-this-one");
        // a weaker TLS mode the person asked for is refused, not weakened silently
        assertThatThrownBy(() -> EndpointSpec.endpoint("target", AURORA,
                new EndpointSpec.Access(null, false, TlsMode.PREFERRED, null, "eu-west-1"), io))
                .isInstanceOf(BadInput.class).hasMessageContaining("clear text");
        assertThatThrownBy(() -> EndpointSpec.endpoint("target", AURORA,
                new EndpointSpec.Access(java.nio.file.Path.of("pw.txt"), false, null, null, "eu-west-1"), io))
                .isInstanceOf(BadInput.class).hasMessageContaining("--target-iam");
    }

    @Test
    void theRdsCaBundleByNameAndAPasswordFromTheEnvironmentOtherwise() {
        Endpoint e = EndpointSpec.endpoint("target", AURORA,
                new EndpointSpec.Access(null, false, TlsMode.VERIFY_IDENTITY, "rds", null), io);
        assertThat(e.caBundle()).contains(RdsCaBundle.global());
        assertThat(e.suppliesPassword()).isFalse();
        assertThat(e.hasPassword()).isTrue();
    }
}
