package io.github.auroramigrate.replication.cutover;

/**
 * A user action within the cut-over: stop writes, resume writes, switch the applications. It should return only when
 * the action has taken effect (e.g. every writer has paused and its last transaction has committed).
 *
 * <pre>{@code
 * CutOverHook stopWrites = () -> app.pauseWritersAndWait(Duration.ofSeconds(30));
 * }</pre>
 */
@FunctionalInterface
public interface CutOverHook {
    /**
     * @throws Exception anything; the cut-over records it and rolls back (before the switch)
     */
    void run() throws Exception;
}
