package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --target} and its password and TLS options (see {@link EndpointSpec}).
 *
 * <pre>{@code
 * @Mixin TargetOptions target;   // target.endpoint(io)
 * }</pre>
 */
public final class TargetOptions {
    @Option(names = "--target", paramLabel = "ADDRESS", description = "The target server: user@host[:port][?prop=value]"
            + " or jdbc:mysql://user@host:port/. No password here: see --target-password-file.")
    String address;

    @Option(names = "--target-password-file", paramLabel = "FILE", description = "A file whose first line is the target"
            + " password. Else the environment variable AURORA_MIGRATE_TARGET_PASSWORD, else --target-password-prompt.")
    Path passwordFile;

    @Option(names = "--target-password-prompt", description = "Ask for the target password on the terminal.")
    boolean prompt;

    @Option(names = "--target-tls", paramLabel = "MODE", description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA or"
            + " VERIFY_IDENTITY.")
    TlsMode tls;

    @Option(names = "--target-ca-bundle", paramLabel = "PEM", description = "CA certificates for VERIFY_CA/VERIFY_IDENTITY:"
            + " a PEM file, or 'rds' for the RDS/Aurora CA certificates shipped with aurora-migrate.")
    String caBundle;

    @Option(names = "--target-iam", paramLabel = "REGION", description = "Log in with an RDS/Aurora IAM authentication token"
            + " for the address's host, port and user, signed with the AWS credentials of this machine (environment,"
            + " profile, instance role) for REGION; no password is read. TLS defaults to VERIFY_IDENTITY with the RDS CA"
            + " certificates (the token travels in clear text inside TLS).")
    String iamRegion;

    /** @return whether --target was given */
    public boolean given() {
        return address != null;
    }

    /** @return the target endpoint */
    public Endpoint endpoint(Io io) {
        return EndpointSpec.endpoint("target", address, new EndpointSpec.Access(passwordFile, prompt, tls, caBundle,
                iamRegion), io);
    }
}
