package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.store.StoreOutputStream;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.utils.CancellableOutputStream;

/**
 * A file being streamed to S3 as one upload of unknown length (multipart as it grows): published when closed,
 * cancelled when aborted, so S3 never shows a partial object. One writer.
 */
final class S3Upload extends StoreOutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);

    private final S3AsyncClient client;
    private final String bucket;
    private final String key;
    private final CancellableOutputStream out;
    private final CompletableFuture<PutObjectResponse> upload;
    private boolean done;

    S3Upload(S3AsyncClient client, String bucket, String key, CancellableOutputStream out,
            CompletableFuture<PutObjectResponse> upload) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.out = out;
        this.upload = upload;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            throw new IOException("s3://" + bucket + "/" + key + " is closed");
        }
        try {
            out.write(b, off, len);
        } catch (RuntimeException e) {
            throw failedUpload(e);
        }
    }

    /** A write that fails because the upload did: the upload's own failure says why. */
    private IOException failedUpload(RuntimeException e) {
        if (upload.isCompletedExceptionally()) {
            try {
                S3Errors.join(upload, "write", bucket, key);
            } catch (IOException cause) {
                return cause;
            }
        }
        return S3Errors.of(e, "write", bucket, key);
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            out.close();
        } catch (RuntimeException e) {
            throw failedUpload(e);
        }
        S3Errors.join(upload, "write", bucket, key);
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        out.cancel();
        try {
            upload.join();
            LOG.warn("s3://{}/{}: the upload completed although it was aborted; deleting it", bucket, key);
            client.deleteObject(r -> r.bucket(bucket).key(key)).join();
        } catch (CompletionException | CancellationException expected) {
            LOG.debug("s3://{}/{}: upload aborted", bucket, key);
        }
    }
}
