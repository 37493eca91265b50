package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.StoreOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A {@link DumpStore} in an S3 bucket under a key prefix: a dump written straight to S3 and a load reading from it,
 * for the handbook's two-client scenario (dump on one machine, load on another) and for staging flat files.
 *
 * <pre>{@code
 * try (DumpStore store = S3DumpStore.of("my-bucket").prefix("dumps/shop").region("eu-west-1").build()) {
 *     Dump.from(source).schemas("shop").to(store).build().run();
 * }
 * // or, from a URI (core finds this store through its ServiceLoader): DumpStores.of(URI.create("s3://my-bucket/dumps/shop"))
 * }</pre>
 *
 * <p>Every file is written as one streamed upload of unknown length through the SDK's Java-based async client with
 * multipart (no native library): parts of {@link Builder#partSize} are sent as they fill, so memory is bounded by a
 * few parts per open file whatever the file's size, and the object appears under its key only when the upload
 * completes ({@link StoreOutputStream#close()}): S3 never shows a partial object, and {@link StoreOutputStream#abort()}
 * cancels the upload. Small files ({@link #put}) are one PutObject.
 *
 * <p>Failures are {@link IOException}s naming the object and what to do: a missing object is a
 * {@link NoSuchFileException} (as a missing file is for the directory store), a missing bucket, a denied access and
 * an unreachable endpoint each say so. Credentials never appear in messages, logs or {@link #toString()}.
 *
 * <p>Thread-safe. {@link #close()} closes the client this store made, never one passed to {@link Builder#client}.
 */
public final class S3DumpStore implements DumpStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3DumpStore.class);
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final S3AsyncClient client;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;
    private final ServerSideEncryption encryption;
    private final String kmsKeyId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean abortOrphans;
    /** Keys this store is uploading now: never orphans. */
    private final java.util.Set<String> writing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean orphansChecked = new AtomicBoolean();
    private final AuroraS3Read serverSideRead;
    private final long partSize;
    private final ChecksumAlgorithm checksum;

    private S3DumpStore(Builder b, String prefix, S3AsyncClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.bucket = b.bucket;
        this.prefix = prefix;
        this.encryption = b.kmsKeyId != null ? ServerSideEncryption.AWS_KMS : b.sseS3 ? ServerSideEncryption.AES256 : null;
        this.kmsKeyId = b.kmsKeyId;
        this.abortOrphans = b.abortOrphanedUploads;
        this.partSize = b.partSize.toBytes();
        this.checksum = b.checksumCalculation == RequestChecksumCalculation.WHEN_SUPPORTED ? ChecksumAlgorithm.CRC32_C : null;
        String region = b.region != null ? b.region.toLowerCase(Locale.ROOT)
                : ownsClient ? null : regionOf(client);
        this.serverSideRead = new AuroraS3Read(bucket, prefix, region);
    }

    private static String regionOf(S3AsyncClient client) {
        Region r = client.serviceClientConfiguration().region();
        return r == null ? null : r.id();
    }

    /**
     * Starts configuring a store in {@code bucket}.
     *
     * @throws NullPointerException when bucket is null
     */
    public static Builder of(String bucket) {
        return new Builder(Objects.requireNonNull(bucket, "bucket"));
    }

    /** @return {@code s3://bucket/prefix} */
    @Override
    public String describe() {
        return "s3://" + bucket + "/" + (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }

    /** @return the bucket */
    public String bucket() {
        return bucket;
    }

    /** @return the key prefix of the store's files ("" or ending with {@code /}) */
    public String prefix() {
        return prefix;
    }

    /**
     * Aurora MySQL's {@code LOAD DATA FROM S3}: with {@code Load...method(LoadMethod.SERVER_SIDE)} the cluster reads
     * each chunk file of an uncompressed flat dump from this bucket itself. The URIs name the store's region when it
     * was given ({@code s3-eu-west-1://bucket/key}), else the cluster's ({@code s3://bucket/key}). Before loading, the
     * load checks what the cluster and the account need (Aurora 3: the AWS_LOAD_S3_ACCESS role granted and active;
     * Aurora 2: the LOAD FROM S3 privilege; an IAM role in aws_default_s3_role) and names each fix; afterwards it
     * compares its journal with mysql.aurora_s3_load_history.
     */
    @Override
    public java.util.Optional<io.github.auroramigrate.core.store.ServerSideRead> serverSideRead() {
        return java.util.Optional.of(serverSideRead);
    }

    @Override
    public StoreOutputStream create(String key) throws IOException {
        return create(key, -1);
    }

    /**
     * Starts a streamed upload whose first parts are sized for {@code expectedBytes}: {@link Builder#partSize}, or
     * larger (up to 64 MiB) for a file expected to be so large that its parts would otherwise approach S3's 10,000-part
     * limit; later parts double every 1,000 parts in any case, so a file far larger than expected still fits.
     */
    @Override
    public StoreOutputStream create(String key, long expectedBytes) throws IOException {
        String k = objectKey(key);
        if (abortOrphans && !orphansChecked.get()) {
            synchronized (orphansChecked) { // before this store's first upload exists: none of ours can be taken for one
                if (!orphansChecked.get()) {
                    abortOrphanedUploads();
                    orphansChecked.set(true);
                }
            }
        }
        return new S3Upload(client, putRequest(k), S3Upload.firstPartSize(partSize, expectedBytes), checksum, writing);
    }

    /** One object, known in full: a single PutObject. */
    @Override
    public void put(String key, byte[] content) throws IOException {
        String k = objectKey(key);
        PutObjectRequest r = checksum == null ? putRequest(k) : putRequest(k).toBuilder().checksumAlgorithm(checksum).build();
        join(client.putObject(r, AsyncRequestBody.fromBytes(content)), "write", k);
    }

    /**
     * Opens an object for reading. A connection that drops while the object is read is reopened where it stopped
     * (a ranged GET of the same version, by its ETag), up to {@value S3Read#RESUMES} times, so a network drop does not
     * fail a long load; an object replaced meanwhile fails the read instead of mixing two versions.
     */
    @Override
    public InputStream open(String key) throws IOException {
        return new S3Read(client, bucket, objectKey(key));
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            size(key);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public long size(String key) throws IOException {
        String k = objectKey(key);
        return join(client.headObject(r -> r.bucket(bucket).key(k)), "look up", k).contentLength();
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        Objects.requireNonNull(keyPrefix, "prefix");
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        join(client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + keyPrefix))
                .subscribe(page -> page.contents().forEach(o -> keys.add(o.key().substring(prefix.length())))),
                "list", prefix + keyPrefix);
        List<String> out = new ArrayList<>(keys);
        Collections.sort(out);
        return out;
    }

    @Override
    public void delete(String key) throws IOException {
        String k = objectKey(key);
        join(client.deleteObject(r -> r.bucket(bucket).key(k)), "delete", k);
    }

    /**
     * Aborts the multipart uploads under this store's prefix that this store is not writing and that were never
     * completed: what a writer that crashed (kill -9, lost machine) leaves behind (one writer per prefix is assumed). S3 never shows them as objects, so
     * no load can take one for a complete file, but their parts are stored and billed until aborted. Called before
     * the first file is written, unless {@link Builder#abortOrphanedUploads(boolean)} says not to; each abort is logged
     * at WARN with the key and when its upload started.
     *
     * @return the keys (relative to the store) whose uploads were aborted
     * @throws IOException when the uploads cannot be listed or aborted
     */
    public List<String> abortOrphanedUploads() throws IOException {
        List<MultipartUpload> found = Collections.synchronizedList(new ArrayList<>());
        join(client.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(prefix))
                .subscribe(page -> found.addAll(page.uploads())), "list the uploads under", prefix);
        List<String> aborted = new ArrayList<>();
        for (MultipartUpload u : List.copyOf(found)) {
            if (writing.contains(u.key())) {
                continue; // this store's own upload, in progress
            }
            join(client.abortMultipartUpload(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId())),
                    "abort the unfinished upload of", u.key());
            LOG.warn("s3://{}/{}: aborted an upload started at {} and never completed (a writer that crashed left it; "
                    + "it was never visible as a file)", bucket, u.key(), u.initiated());
            aborted.add(u.key().substring(prefix.length()));
        }
        return aborted;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "S3DumpStore{" + describe() + "}";
    }

    private PutObjectRequest putRequest(String k) {
        PutObjectRequest.Builder r = PutObjectRequest.builder().bucket(bucket).key(k);
        if (encryption != null) {
            r.serverSideEncryption(encryption);
        }
        if (kmsKeyId != null) {
            r.ssekmsKeyId(kmsKeyId);
        }
        return r.build();
    }

    private String objectKey(String key) {
        return prefix + DumpStore.checkKey(key);
    }

    private <T> T join(CompletableFuture<T> f, String what, String key) throws IOException {
        return S3Errors.join(f, what, bucket, key);
    }

    /** Builder of an {@link S3DumpStore}; not thread-safe. */
    public static final class Builder {
        private final String bucket;
        private String prefix = "";
        private String region;
        private URI endpoint;
        private boolean pathStyle;
        private AwsCredentialsProvider credentials;
        private S3AsyncClient client;
        private DataSize partSize = DataSize.ofMegabytes(8);
        private String kmsKeyId;
        private boolean sseS3;
        private boolean abortOrphanedUploads = true;
        private RequestChecksumCalculation checksumCalculation = RequestChecksumCalculation.WHEN_SUPPORTED;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        /** The key prefix of the store's files, e.g. {@code dumps/shop}; default: the bucket's root. */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The bucket's region, e.g. {@code eu-west-1}; default: the SDK's region chain (AWS_REGION, the profile). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Another endpoint than AWS's (an S3-compatible server, a VPC endpoint); default: AWS's for the region. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** Path-style addressing ({@code https://host/bucket/key}), which most S3-compatible servers need; default false. */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /** The credentials; default: the SDK's default chain (environment, profile, instance or task role). */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The caller's own client, used instead of one made by the store and never closed by it. Region, endpoint, path
         * style and credentials are then the client's (the store's multipart uploads are its own, part size included).
         */
        public Builder client(S3AsyncClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The size of the first parts a file is uploaded in, 5 MiB..1 GiB; default 8 MiB. A file expected to be large
         * starts with larger parts, and parts double every 1,000 parts, so no file meets S3's 10,000-part limit below
         * about 4 TiB. Memory: two parts per file being written.
         */
        public Builder partSize(DataSize partSize) {
            this.partSize = Objects.requireNonNull(partSize, "partSize");
            return this;
        }

        /** Encrypts every object with this KMS key (SSE-KMS); default: the bucket's default encryption. */
        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = Objects.requireNonNull(kmsKeyId, "kmsKeyId");
            return this;
        }

        /** Encrypts every object with S3-managed keys (SSE-S3); default false (the bucket's default encryption). */
        public Builder sseS3(boolean sseS3) {
            this.sseS3 = sseS3;
            return this;
        }

        /**
         * Whether the unfinished multipart uploads a crashed writer left under the prefix are aborted before the first
         * file is written ({@link S3DumpStore#abortOrphanedUploads()}); default true. Turn it off when another process
         * writes under the same prefix at the same time.
         */
        public Builder abortOrphanedUploads(boolean abort) {
            this.abortOrphanedUploads = abort;
            return this;
        }

        /**
         * Whether uploads carry checksums S3 verifies: {@code WHEN_SUPPORTED} (the default) sends a CRC-32C with every
         * part and object, and downloads are checked against it; {@code WHEN_REQUIRED} sends none, for S3-compatible
         * servers that reject them. Either way the dump's own CRC-32C per chunk is checked when a load reads it.
         */
        public Builder checksumCalculation(RequestChecksumCalculation mode) {
            this.checksumCalculation = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @throws IllegalArgumentException for a malformed bucket name or prefix, a part size out of range, or both SSE
         *                                  modes
         */
        public S3DumpStore build() {
            if (!BUCKET.matcher(bucket).matches()) {
                throw new IllegalArgumentException("not a valid S3 bucket name: '" + bucket + "' (3-63 characters: "
                        + "lower-case letters, digits, dots and hyphens)");
            }
            String p = prefix;
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (!p.isEmpty()) {
                DumpStore.checkKey(p);
            }
            long part = partSize.toBytes();
            if (part < 5L << 20 || part > S3Upload.MAX_PART) {
                throw new IllegalArgumentException("partSize must be 5 MiB..1 GiB, was " + partSize);
            }
            if (kmsKeyId != null && sseS3) {
                throw new IllegalArgumentException("choose one of kmsKeyId (SSE-KMS) and sseS3 (SSE-S3)");
            }
            String keyPrefix = p.isEmpty() ? "" : p + "/";
            if (client != null) {
                return new S3DumpStore(this, keyPrefix, client, false);
            }
            return new S3DumpStore(this, keyPrefix, S3Clients.of(region, endpoint, pathStyle, credentials,
                    checksumCalculation), true);
        }
    }
}
