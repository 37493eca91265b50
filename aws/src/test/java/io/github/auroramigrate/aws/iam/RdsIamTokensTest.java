package io.github.auroramigrate.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.aws.tls.RdsCaBundle;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * IAM tokens offline: what a signed token holds (host, port, user, the SigV4 inputs for rds-db in the region, 15
 * minutes), that the secret key never appears, and that a token is reused for 14 minutes and then signed again.
 */
class RdsIamTokensTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void aTokenIsAPresignedRdsDbConnectForTheUserHostAndRegion() {
        RdsIamTokens tokens = RdsIamTokens.of("mycluster.cluster-abc.eu-west-1.rds.amazonaws.com", 3306, "migrator",
                "eu-west-1").credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                SECRET))).build();
        String t = tokens.get();
        assertThat(t).startsWith("mycluster.cluster-abc.eu-west-1.rds.amazonaws.com:3306/?")
                .contains("Action=connect", "DBUser=migrator", "X-Amz-Algorithm=AWS4-HMAC-SHA256",
                        "X-Amz-Credential=AKIDEXAMPLE%2F", "%2Feu-west-1%2Frds-db%2Faws4_request", "X-Amz-Expires=900")
                .containsPattern("X-Amz-Signature=[0-9a-f]{64}")
                .doesNotContain(SECRET).doesNotContain("wJalrXUtnFEMI");
        assertThat(tokens.toString()).doesNotContain(t).doesNotContain("AKIDEXAMPLE")
                .contains("migrator", "eu-west-1");
    }

    @Test
    void aTokenIsReusedFor14MinutesThenSignedAgain() {
        AtomicInteger signed = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        RdsIamTokens tokens = new RdsIamTokens("h", 3306, "u", Region.EU_WEST_1,
                () -> "token-" + signed.incrementAndGet(), clock);
        assertThat(tokens.get()).isEqualTo("token-1");
        clock.now = clock.now.plus(Duration.ofMinutes(13).plusSeconds(59));
        assertThat(tokens.get()).isEqualTo("token-1");
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.get()).isEqualTo("token-2");
        assertThat(signed).hasValue(2);
    }

    @Test
    void anEndpointTakesItAsItsPasswordSupplierAndNeverShowsIt() {
        RdsIamTokens tokens = RdsIamTokens.of("h.example", 3306, "u", "us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET))).build();
        Endpoint e = Endpoint.builder().host("h.example").user("u").passwordSupplier(tokens)
                .tls(TlsMode.VERIFY_IDENTITY).caBundle(RdsCaBundle.global()).build();
        assertThat(e.toString()).contains("<supplied>").doesNotContain("X-Amz");
        assertThatThrownBy(() -> RdsIamTokens.of("h", 0, "u", "us-east-1").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The token goes in clear text (mysql_clear_password): an endpoint that could send it unencrypted is refused. */
    @Test
    void anEndpointWithTokensRefusesEveryTlsModeThatCouldSendThemInClear() {
        RdsIamTokens tokens = RdsIamTokens.of("h.example", 3306, "u", "us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET))).build();
        for (TlsMode weak : new TlsMode[] {TlsMode.PREFERRED, TlsMode.DISABLED}) {
            assertThatThrownBy(() -> Endpoint.builder().host("h.example").user("u").passwordSupplier(tokens).tls(weak)
                    .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clear text")
                    .hasMessageContaining("VERIFY_IDENTITY").hasMessageContaining(weak.name())
                    .hasMessageNotContaining(SECRET).hasMessageNotContaining("X-Amz");
        }
        // the default mode is PREFERRED: refused too, so TLS is never left to chance
        assertThatThrownBy(() -> Endpoint.builder().host("h.example").user("u").passwordSupplier(tokens).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Endpoint.builder().host("h.example").user("u").passwordSupplier(tokens).tls(TlsMode.REQUIRED).build()
                .toString()).contains("<supplied>");
        // an ordinary supplier (a rotating secret sent by the usual hashed handshake) keeps the default
        assertThat(Endpoint.builder().host("h.example").user("u").passwordSupplier(() -> "x").build()).isNotNull();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
