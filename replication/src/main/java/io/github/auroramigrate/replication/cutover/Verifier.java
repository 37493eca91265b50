package io.github.auroramigrate.replication.cutover;

/**
 * A check of your own that compares source and target during the cut-over, after writes stopped and the target
 * caught up. For the library's verification pass a {@code Verify} to {@link CutOver.Builder#verify} instead; this
 * hook is for anything else (an application-level reconciliation, say).
 *
 * <pre>{@code
 * CutOver.of(repl)...verifier(() -> new Verification(ledgerTotalsEqual(), "ledger totals")).build();
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
