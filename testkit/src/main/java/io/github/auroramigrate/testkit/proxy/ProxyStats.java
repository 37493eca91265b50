package io.github.auroramigrate.testkit.proxy;

/**
 * What a {@link MysqlProxy} has done since it started: a snapshot of its counters.
 *
 * <pre>{@code
 * ProxyStats s = proxy.stats();
 * assertThat(s.byteCuts()).isEqualTo(1);
 * assertThat(s.bytesClientToServer()).isGreaterThan(4 << 20);
 * }</pre>
 *
 * <p>Each counter is read separately, so a snapshot taken while connections are busy may mix instants.
 * Immutable and thread-safe.
 *
 * @param connectionsAccepted client connections accepted, refused ones included
 * @param connectionsOpen     client connections open when the snapshot was taken
 * @param connectionsRefused  connections accepted and reset at once by {@link MysqlProxy#refuseConnections}
 * @param bytesClientToServer bytes written to the server: the clients' and the query handler's
 * @param bytesServerToClient bytes written to clients: relayed and synthesized
 * @param resets              connections reset by {@link MysqlProxy#resetAll}
 * @param byteCuts            connections cut by {@link MysqlProxy#cutAfter}
 * @param queryCuts           connections cut by {@link MysqlProxy#cutOnQuery}
 * @param heldByBlackHole     chunks the black hole held back (and forwarded once it was switched off)
 * @param queries             COM_QUERY commands seen on connections that are not opaque
 * @param handlerCalls        calls of the query handler
 * @param handlerFailures     handler calls that threw, returned null, left the protocol out of step or gave
 *                            {@link ProxySession#sendLocalInfile} a stream that failed; each closed its connection
 *                            (a handler that fails because a fault or {@link MysqlProxy#close()} closed its
 *                            connection is not counted)
 * @param opaqueConnections   connections relayed as opaque bytes (TLS or compression), whose queries are not seen
 */
public record ProxyStats(long connectionsAccepted, long connectionsOpen, long connectionsRefused,
                         long bytesClientToServer, long bytesServerToClient, long resets, long byteCuts,
                         long queryCuts, long heldByBlackHole, long queries, long handlerCalls, long handlerFailures,
                         long opaqueConnections) {
}
