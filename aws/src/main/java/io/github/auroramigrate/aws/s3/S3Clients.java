package io.github.auroramigrate.aws.s3;

import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/** The SDK client an {@link S3DumpStore} makes for itself when the caller gives none. Stateless. */
final class S3Clients {
    private S3Clients() {
    }

    /**
     * @param region      the bucket's region, or null for the SDK's chain (or us-east-1 with an endpoint override: an
     *                    S3-compatible server ignores it, but the signer needs one)
     * @param endpoint    another endpoint than AWS's, or null
     * @param credentials the credentials, or null for the SDK's default chain
     */
    static S3AsyncClient of(String region, URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials,
            RequestChecksumCalculation checksums) {
        S3AsyncClientBuilder b = S3AsyncClient.builder()
                .requestChecksumCalculation(checksums)
                .responseChecksumValidation(checksums == RequestChecksumCalculation.WHEN_SUPPORTED
                        ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
        if (region != null) {
            b.region(Region.of(region.toLowerCase(Locale.ROOT)));
        } else if (endpoint != null) {
            b.region(Region.US_EAST_1);
        }
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }
}
