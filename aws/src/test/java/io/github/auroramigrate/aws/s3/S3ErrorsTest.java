package io.github.auroramigrate.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How S3's answers that the local S3 server cannot give (it checks neither regions nor credentials) are explained: the
 * error codes and statuses are AWS's documented ones, built here as the SDK builds them from a response.
 */
class S3ErrorsTest {

    @Test
    void aWrongRegionSaysWhichRegionTheBucketIsIn() {
        IOException e = S3Errors.of(s3(301, "PermanentRedirect", "The bucket you are attempting to access must be "
                + "addressed using the specified endpoint."), "read", "b", "k");
        assertThat(e.getMessage()).contains("s3://b/k").contains("another region").contains("region(");
        e = S3Errors.of(s3(400, "AuthorizationHeaderMalformed", "the region 'us-east-1' is wrong; expecting 'eu-west-1'"),
                "read", "b", "k");
        assertThat(e.getMessage()).contains("eu-west-1").contains("another region");
    }

    @Test
    void deniedAccessNamesThePermissionsAndTheKmsOnes() {
        IOException e = S3Errors.of(s3(403, "AccessDenied", "Access Denied"), "write", "b", "k");
        assertThat(e.getMessage()).contains("access denied").contains("s3:PutObject").contains("kms:Decrypt");
    }

    @Test
    void aMissingObjectIsNoSuchFileAndAnUnreachableEndpointSaysCheckTheNetwork() {
        assertThat(S3Errors.of(s3(404, "NoSuchKey", "gone"), "read", "b", "k")).isInstanceOf(NoSuchFileException.class);
        IOException e = S3Errors.of(SdkClientException.create("Unable to execute HTTP request: Connection refused"),
                "read", "b", "k");
        assertThat(e.getMessage()).contains("Connection refused").contains("endpoint, region and network");
    }

    private static S3Exception s3(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
