package io.github.auroramigrate.aws.s3;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 failures as a {@link io.github.auroramigrate.core.store.DumpStore}'s callers expect them: a missing object is a
 * {@link NoSuchFileException} (as a missing file is), a missing bucket, denied access and an unreachable endpoint are
 * IOExceptions saying what to do. No message carries credentials (the SDK's do not either). Stateless.
 */
final class S3Errors {
    private S3Errors() {
    }

    private static final java.util.regex.Pattern EXPECTING = java.util.regex.Pattern.compile("expecting '([a-z0-9-]+)'");

    /** S3's answers to a request signed for, or sent to, another region than the bucket's. */
    private static boolean wrongRegion(S3Exception s) {
        String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
        return s.statusCode() == 301 || code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")
                || code.equals("IllegalLocationConstraintException");
    }

    /** Waits for an S3 call; its failure as {@link #of} says. */
    static <T> T join(CompletableFuture<T> f, String what, String bucket, String key) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw of(e.getCause() != null ? e.getCause() : e, what, bucket, key);
        } catch (CancellationException e) {
            throw new IOException("cannot " + what + " s3://" + bucket + "/" + key + ": cancelled", e);
        }
    }

    /** The failure as the store's callers expect it: NoSuchFileException for a missing object, else a diagnosis. */
    static IOException of(Throwable t, String what, String bucket, String key) {
        String where = "s3://" + bucket + "/" + key;
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof NoSuchBucketException) {
            return new IOException("cannot " + what + " " + where + ": the bucket " + bucket + " does not exist (or is "
                    + "in another region than the client's). Create it, or correct the bucket or region.", t);
        }
        if (t instanceof NoSuchKeyException || t instanceof S3Exception s && s.statusCode() == 404) {
            NoSuchFileException e = new NoSuchFileException(where);
            e.initCause(t);
            return e;
        }
        if (t instanceof S3Exception s && wrongRegion(s)) {
            java.util.regex.Matcher m = EXPECTING.matcher(String.valueOf(s.getMessage()));
            return new IOException("cannot " + what + " " + where + ": the bucket " + bucket + " is in another region than "
                    + "the client's" + (m.find() ? " (" + m.group(1) + ")" : "") + ". Give the store the bucket's region "
                    + "(S3DumpStore.Builder.region(..), or ?region= in an s3: URI).", t);
        }
        if (t instanceof S3Exception s && s.statusCode() == 403) {
            return new IOException("cannot " + what + " " + where + ": access denied. The credentials need s3:PutObject, "
                    + "s3:GetObject, s3:ListBucket and s3:DeleteObject on the bucket (and kms:GenerateDataKey/kms:Decrypt "
                    + "for an SSE-KMS key).", t);
        }
        if (t instanceof S3Exception s && s.awsErrorDetails() != null) {
            return new IOException("cannot " + what + " " + where + ": " + s.awsErrorDetails().errorCode() + " (HTTP "
                    + s.statusCode() + "): " + s.awsErrorDetails().errorMessage(), t);
        }
        if (t instanceof SdkClientException) {
            return new IOException("cannot " + what + " " + where + ": " + t.getMessage() + " Check the endpoint, region "
                    + "and network.", t);
        }
        return new IOException("cannot " + what + " " + where + ": " + t, t);
    }
}
