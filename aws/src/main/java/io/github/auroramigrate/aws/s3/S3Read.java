package io.github.auroramigrate.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An S3 object read as a stream that survives dropped connections: after a failure in the middle of the body it asks
 * again for the rest (a ranged GET pinned to the first response's ETag) and goes on from the same byte, up to
 * {@link #RESUMES} times per object. An object replaced while it is read fails the read (HTTP 412) rather than mixing
 * two versions; a missing object is a {@link java.nio.file.NoSuchFileException} at open. One reader.
 */
final class S3Read extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(S3Read.class);
    static final int RESUMES = 5;

    private final S3AsyncClient client;
    private final String bucket;
    private final String key;
    private ResponseInputStream<GetObjectResponse> in;
    private String etag;
    private long length;
    private long position;
    private int resumes;
    private boolean closed;

    S3Read(S3AsyncClient client, String bucket, String key) throws IOException {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.in = get(GetObjectRequest.builder().bucket(bucket).key(key).build());
        this.etag = in.response().eTag();
        this.length = in.response().contentLength() == null ? -1 : in.response().contentLength();
    }

    private ResponseInputStream<GetObjectResponse> get(GetObjectRequest r) throws IOException {
        CompletableFuture<ResponseInputStream<GetObjectResponse>> f = client.getObject(r,
                AsyncResponseTransformer.toBlockingInputStream());
        return S3Errors.join(f, "read", bucket, key);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("s3://" + bucket + "/" + key + " is closed");
        }
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    position += n;
                } else if (n < 0 && length >= 0 && position < length) {
                    throw new IOException("the connection ended after " + position + " of " + length + " bytes");
                }
                return n;
            } catch (IOException | SdkException e) {
                resume(e);
            }
        }
    }

    /** Reopens the object at {@link #position}, or fails when that is not safe or was tried often enough. */
    private void resume(Exception cause) throws IOException {
        closeQuietly();
        if (++resumes > RESUMES) {
            throw S3Errors.of(cause, "read (after " + RESUMES + " resumed connections)", bucket, key);
        }
        LOG.warn("s3://{}/{}: reading failed after {} bytes ({}); resuming from there (attempt {} of {})", bucket, key,
                position, cause.toString(), resumes, RESUMES);
        GetObjectRequest.Builder r = GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=" + position + "-");
        if (etag != null) {
            r.ifMatch(etag); // the same version, or HTTP 412
        }
        try {
            in = get(r.build());
        } catch (IOException e) {
            if (position == length) { // nothing was left: a ranged GET past the end is refused (416)
                in = new ResponseInputStream<>(GetObjectResponse.builder().build(), InputStream.nullInputStream());
                return;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            in.abort(); // do not drain the rest of a large object just to close
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing s3://{}/{} failed: {}", bucket, key, e.toString());
        }
    }
}
