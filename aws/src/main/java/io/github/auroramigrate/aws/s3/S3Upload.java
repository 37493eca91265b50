package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.store.StoreOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A file being streamed to S3, published only when closed: small files as one PutObject, larger ones as a multipart
 * upload completed on close and aborted on {@link #abort()}, so S3 never shows a partial object. One writer.
 *
 * <p>Memory is two parts at most (one filling, one uploading). Parts start at the size {@link S3DumpStore} chose from
 * the file's expected size and double every {@value #PARTS_PER_TIER} parts (up to 1 GiB), so that even a file far
 * larger than expected stays under S3's 10,000-part limit (about 4 TiB from 8 MiB parts). Each part's body is in
 * memory, so the SDK's retry policy can resend it after a dropped connection.
 */
final class S3Upload extends StoreOutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);
    static final int PARTS_PER_TIER = 1000;
    static final int MAX_PARTS = 10_000;
    static final int MAX_PART = 1 << 30;

    private final S3AsyncClient client;
    private final PutObjectRequest put;
    private final ChecksumAlgorithm checksum;
    private final int firstPart;
    private final List<CompletedPart> parts = new ArrayList<>();
    private final Set<String> writing;
    private byte[] buf;
    private int len;
    private String uploadId;
    private int sent;
    private CompletableFuture<UploadPartResponse> inFlight;
    private boolean done;

    /**
     * @param put       bucket, key and encryption of the object
     * @param firstPart the size of the first parts (5 MiB .. 1 GiB)
     * @param checksum  the checksum S3 verifies each part and the object by, or null for the client's default
     * @param writing   the object keys the store is uploading now (this one is in it while its upload is open)
     */
    S3Upload(S3AsyncClient client, PutObjectRequest put, int firstPart, ChecksumAlgorithm checksum,
            Set<String> writing) {
        this.client = client;
        this.writing = writing;
        this.put = put;
        this.firstPart = firstPart;
        this.checksum = checksum;
        this.buf = new byte[Math.min(firstPart, 1 << 16)]; // grows to the part size only for files that need it
    }

    /** @return the first part size for a file of about {@code expectedBytes} (unknown: negative) */
    static int firstPartSize(long partSize, long expectedBytes) {
        long wanted = expectedBytes <= 0 ? 0 : (expectedBytes / 5_000 + (1 << 20) - 1) & -(1L << 20);
        return (int) Math.min(Math.max(partSize, Math.min(wanted, 64L << 20)), MAX_PART);
    }

    /** @return the size of part {@code number} (1-based) */
    static int partSize(int firstPart, int number) {
        int tier = (number - 1) / PARTS_PER_TIER;
        long size = (long) firstPart << Math.min(tier, 30);
        return (int) Math.min(size, MAX_PART);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (done) {
            throw new IOException(where() + " is closed");
        }
        while (n > 0) {
            int size = partSize(firstPart, sent + 1);
            if (len == buf.length && buf.length < size) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(size, (long) buf.length * 4));
            }
            int take = Math.min(n, buf.length - len);
            System.arraycopy(b, off, buf, len, take);
            len += take;
            off += take;
            n -= take;
            if (len == size) {
                sendPart();
            }
        }
    }

    /** Sends the filled buffer as the next part, after the previous part has been accepted. */
    private void sendPart() throws IOException {
        try {
            if (uploadId == null) {
                CreateMultipartUploadRequest.Builder r = CreateMultipartUploadRequest.builder().bucket(put.bucket())
                        .key(put.key()).serverSideEncryption(put.serverSideEncryption()).ssekmsKeyId(put.ssekmsKeyId());
                if (checksum != null) {
                    r.checksumAlgorithm(checksum);
                }
                writing.add(put.key());
                uploadId = S3Errors.join(client.createMultipartUpload(r.build()), "start the upload of", put.bucket(),
                        put.key()).uploadId();
            }
            awaitInFlight();
            int number = sent + 1;
            if (number > MAX_PARTS) {
                throw new IOException("cannot write " + where() + ": more than " + MAX_PARTS + " parts (S3's limit)");
            }
            byte[] body = len == buf.length ? buf : java.util.Arrays.copyOf(buf, len);
            inFlight = client.uploadPart(p -> {
                p.bucket(put.bucket()).key(put.key()).uploadId(uploadId).partNumber(number).contentLength((long) body.length);
                if (checksum != null) {
                    p.checksumAlgorithm(checksum);
                }
            }, AsyncRequestBody.fromBytesUnsafe(body)).thenApply(r -> {
                synchronized (parts) {
                    parts.add(completed(number, r));
                }
                return r;
            });
            sent = number;
            buf = new byte[partSize(firstPart, sent + 1)];
            len = 0;
        } catch (IOException e) {
            done = true;
            abortQuietly();
            throw e;
        }
    }

    private CompletedPart completed(int number, UploadPartResponse r) {
        CompletedPart.Builder p = CompletedPart.builder().partNumber(number).eTag(r.eTag());
        if (checksum == ChecksumAlgorithm.CRC32_C) {
            p.checksumCRC32C(r.checksumCRC32C());
        } else if (checksum == ChecksumAlgorithm.CRC32) {
            p.checksumCRC32(r.checksumCRC32());
        } else if (checksum == ChecksumAlgorithm.SHA256) {
            p.checksumSHA256(r.checksumSHA256());
        } else if (checksum == ChecksumAlgorithm.SHA1) {
            p.checksumSHA1(r.checksumSHA1());
        }
        return p.build();
    }

    private void awaitInFlight() throws IOException {
        if (inFlight != null) {
            CompletableFuture<UploadPartResponse> f = inFlight;
            inFlight = null;
            S3Errors.join(f, "write a part of", put.bucket(), put.key());
        }
    }

    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        if (uploadId == null) {
            PutObjectRequest.Builder r = put.toBuilder();
            if (checksum != null) {
                r.checksumAlgorithm(checksum);
            }
            S3Errors.join(client.putObject(r.build(), AsyncRequestBody.fromBytesUnsafe(java.util.Arrays.copyOf(buf, len))),
                    "write", put.bucket(), put.key());
            return;
        }
        try {
            if (len > 0) {
                sendPart();
            }
            awaitInFlight();
            List<CompletedPart> all;
            synchronized (parts) {
                all = parts.stream().sorted(java.util.Comparator.comparing(CompletedPart::partNumber)).toList();
            }
            S3Errors.join(client.completeMultipartUpload(r -> r.bucket(put.bucket()).key(put.key()).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(all))), "complete the upload of", put.bucket(), put.key());
            writing.remove(put.key());
            LOG.debug("{}: {} parts uploaded", where(), all.size());
        } catch (IOException | RuntimeException e) {
            abortQuietly();
            throw e;
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        abortQuietly();
    }

    /** Discards the upload: S3 then shows no object and keeps no parts. */
    private void abortQuietly() {
        buf = new byte[0];
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        if (uploadId != null) {
            try {
                String id = uploadId;
                S3Errors.join(client.abortMultipartUpload(r -> r.bucket(put.bucket()).key(put.key()).uploadId(id)),
                        "abort the upload of", put.bucket(), put.key());
                LOG.debug("{}: upload aborted", where());
            } catch (IOException e) {
                LOG.warn("{}: the unfinished upload could not be aborted ({}); the next writer of the prefix aborts it",
                        where(), e.getMessage());
            }
            uploadId = null;
        }
        writing.remove(put.key());
    }

    private String where() {
        return "s3://" + put.bucket() + "/" + put.key();
    }
}
