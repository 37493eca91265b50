package io.github.auroramigrate.replication.cutover;

/**
 * Compares source and target during the cut-over, after writes stopped and the target caught up. Plug in the
 * library's chunked checksums, or your own.
 *
 * <pre>{@code
 * CutOver.builder()...verifier(() -> new Verification(countsAndChecksumsEqual(), "orders, customers")).build();
 * }</pre>
 */
@FunctionalInterface
public interface Verifier {
    /**
     * @return the verdict; {@code matches() == false} fails the cut-over (and writes resume on the source)
     * @throws Exception anything; treated as a failed verification
     */
    Verification verify() throws Exception;
}
