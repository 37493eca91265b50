package io.github.auroramigrate.aws.iam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import io.github.auroramigrate.core.endpoint.TlsRequiredPassword;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS/Aurora IAM database authentication tokens as an {@link io.github.auroramigrate.core.endpoint.Endpoint}'s
 * password supplier: a token is signed locally from AWS credentials (no call to AWS), valid 15 minutes, and reused for
 * {@link #REUSE} so a pool opening many connections signs once; the endpoint asks for a token for every new physical
 * connection, so a long load never logs in with an expired one.
 *
 * <pre>{@code
 * Endpoint aurora = Endpoint.builder().host("mycluster.cluster-abc.eu-west-1.rds.amazonaws.com").port(3306)
 *     .user("migrator").passwordSupplier(RdsIamTokens.of(host, 3306, "migrator", "eu-west-1").build())
 *     .tls(TlsMode.VERIFY_IDENTITY).caBundle(RdsCaBundle.global())   // clear text on the wire: build() refuses
 *     .build();                                                       // DISABLED and PREFERRED
 * }</pre>
 *
 * <p>The account needs {@code IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'} on the server and
 * {@code rds-db:connect} in IAM. Tokens and credentials are never logged or shown ({@link #toString()} names the
 * user, host and region only). Thread-safe.
 */
public final class RdsIamTokens implements TlsRequiredPassword {
    /** How long a token is reused: a minute short of its 15-minute validity, so a connection never gets a stale one. */
    public static final Duration REUSE = Duration.ofMinutes(14);

    private final String host;
    private final int port;
    private final String user;
    private final Region region;
    private final Supplier<String> sign;
    private final Clock clock;
    private String token;
    private Instant signedAt;

    RdsIamTokens(String host, int port, String user, Region region, Supplier<String> sign, Clock clock) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.region = region;
        this.sign = sign;
        this.clock = clock;
    }

    /**
     * Starts configuring the tokens of {@code user} at {@code host:port} in {@code region}.
     *
     * @throws NullPointerException when an argument is null
     */
    public static Builder of(String host, int port, String user, String region) {
        return new Builder(Objects.requireNonNull(host, "host"), port, Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(region, "region"));
    }

    /** @return a token: the one signed less than {@link #REUSE} ago, or a new one */
    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(signedAt.plus(REUSE))) {
            token = sign.get();
            signedAt = now;
        }
        return token;
    }

    @Override
    public String toString() {
        return "RdsIamTokens{" + user + "@" + host + ":" + port + " in " + region + "}";
    }

    /** Builder of {@link RdsIamTokens}; not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String user;
        private final String region;
        private AwsCredentialsProvider credentials;

        private Builder(String host, int port, String user, String region) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.region = region;
        }

        /** The credentials that sign; default: the SDK's default chain (environment, profile, instance or task role). */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** @throws IllegalArgumentException for a port outside 1-65535 or an empty host, user or region */
        public RdsIamTokens build() {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, was " + port);
            }
            if (host.isBlank() || user.isBlank() || region.isBlank()) {
                throw new IllegalArgumentException("host, user and region must not be empty");
            }
            Region r = Region.of(region);
            AwsCredentialsProvider c = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
            RdsUtilities utilities = RdsUtilities.builder().region(r).credentialsProvider(c).build();
            return new RdsIamTokens(host, port, user, r, () -> utilities.generateAuthenticationToken(t -> t
                    .hostname(host).port(port).username(user)), Clock.systemUTC());
        }
    }
}
