package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --source} and its password and TLS options (see {@link EndpointSpec}).
 *
 * <pre>{@code
 * @Mixin SourceOptions source;   // source.endpoint(io)
 * }</pre>
 */
public final class SourceOptions {
    @Option(names = "--source", paramLabel = "ADDRESS", description = "The source server: user@host[:port][?prop=value]"
            + " or jdbc:mysql://user@host:port/. No password here: see --source-password-file.")
    String address;

    @Option(names = "--source-password-file", paramLabel = "FILE", description = "A file whose first line is the source"
            + " password. Else the environment variable AURORA_MIGRATE_SOURCE_PASSWORD, else --source-password-prompt.")
    Path passwordFile;

    @Option(names = "--source-password-prompt", description = "Ask for the source password on the terminal.")
    boolean prompt;

    @Option(names = "--source-tls", paramLabel = "MODE", description = "DISABLED, PREFERRED, REQUIRED, VERIFY_CA or"
            + " VERIFY_IDENTITY.")
    TlsMode tls;

    @Option(names = "--source-ca-bundle", paramLabel = "PEM", description = "CA certificates for VERIFY_CA/VERIFY_IDENTITY:"
            + " a PEM file, or 'rds' for the RDS/Aurora CA certificates shipped with aurora-migrate.")
    String caBundle;

    @Option(names = "--source-iam", paramLabel = "REGION", description = "Log in with an RDS/Aurora IAM authentication token"
            + " for the address's host, port and user, signed with the AWS credentials of this machine (environment,"
            + " profile, instance role) for REGION; no password is read. TLS defaults to VERIFY_IDENTITY with the RDS CA"
            + " certificates (the token travels in clear text inside TLS).")
    String iamRegion;

    /** @return whether --source was given */
    public boolean given() {
        return address != null;
    }

    /** @return the source endpoint */
    public Endpoint endpoint(Io io) {
        return EndpointSpec.endpoint("source", address, new EndpointSpec.Access(passwordFile, prompt, tls, caBundle,
                iamRegion), io);
    }
}
