package io.github.auroramigrate.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.store.StoreOutputStream;
import io.github.auroramigrate.testkit.proxy.Direction;
import io.github.auroramigrate.testkit.proxy.MysqlProxy;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Network drops between the store and S3, injected by a TCP proxy (testkit's, relaying bytes blindly) in front of the
 * real S3-compatible server: a download cut in the middle of an object resumes where it stopped and returns the exact
 * bytes; an upload whose connection is cut in the middle of a part is retried by the SDK and completes exactly.
 */
class S3NetworkDropIT {
    private static final String BUCKET = "aurora-migrate-drops";

    @Test
    void aDownloadCutMidObjectResumesAndAnUploadCutMidPartIsRetried() throws Exception {
        S3TestServer.shared(BUCKET);
        URI s3 = S3Server.shared().endpoint();
        byte[] big = new byte[24 << 20];
        new Random(11).nextBytes(big);
        try (MysqlProxy proxy = MysqlProxy.to(s3.getHost(), s3.getPort()).raw(true).start();
                S3DumpStore store = S3DumpStore.of(BUCKET).prefix("drops").endpoint(URI.create("http://127.0.0.1:"
                        + proxy.port())).pathStyle(true).region("us-east-1")
                        .credentials(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("t", "t"))
                        .build()) {
            // upload: the connection drops 5 MiB into the second part's request body
            proxy.cutAfter(Direction.CLIENT_TO_SERVER, (8 << 20) + (5 << 20));
            try (StoreOutputStream out = store.create("big.bin")) {
                out.write(big);
            }
            assertThat(proxy.stats().byteCuts()).as("the upload's connection was cut").isEqualTo(1);
            assertThat(store.size("big.bin")).isEqualTo(big.length);

            // download: the connection drops 10 MiB into the object
            proxy.cutAfter(Direction.SERVER_TO_CLIENT, 10 << 20);
            byte[] read;
            try (InputStream in = store.open("big.bin")) {
                read = in.readAllBytes();
            }
            assertThat(proxy.stats().byteCuts()).as("the download's connection was cut").isEqualTo(2);
            assertThat(sha256(read)).isEqualTo(sha256(big));
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
