/**
 * {@link io.github.auroramigrate.testkit.proxy.MysqlProxy}: a MySQL-protocol-aware TCP proxy for tests, to put
 * network faults between a client and a real server, and to see, rewrite or answer the client's statements.
 *
 * <pre>{@code
 * TestServer server = TestServers.shared(ServerKind.MYSQL_80);
 * try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start()) {
 *     String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
 *     try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
 *         proxy.cutAfter(Direction.CLIENT_TO_SERVER, 4 << 20);    // the LOAD DATA LOCAL below dies after ~4 MiB
 *         ...
 *     }
 *     assertThat(proxy.stats().byteCuts()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <h2>Faults</h2>
 * Each is switched at any time, also while connections are open, and counted in
 * {@link io.github.auroramigrate.testkit.proxy.ProxyStats}:
 * <ul>
 *   <li>{@code resetAll()}: TCP RST to both ends of every open connection; {@code refuseConnections(true)}:
 *       accept and reset every new one until switched off;</li>
 *   <li>{@code blackHole(true)}: nothing forwarded either way, sockets kept open (a client waits for its own
 *       timeout); switching it off forwards what was held;</li>
 *   <li>{@code latency(...)}: added before each forwarded chunk (a packet or up to 64 KiB of one), per
 *       direction; {@code bandwidth(...)}: bytes per second per connection and direction, without bursts;</li>
 *   <li>{@code cutAfter(direction, n)}: one-shot, the next connection to pass n more bytes that way is reset
 *       there (a drop in the middle of a {@code LOAD DATA LOCAL} stream or of a streamed {@code SELECT});</li>
 *   <li>{@code cutOnQuery(predicate, point)}: one-shot, the connection of the next matching COM_QUERY is reset
 *       before the statement reaches the server or when its response would reach the client
 *       ({@link io.github.auroramigrate.testkit.proxy.QueryCut}).</li>
 * </ul>
 * A reset or a cut resets both sockets, so the server aborts the session and rolls back its open transaction;
 * Connector/J reports a communications failure (SQLSTATE {@code 08S01}).
 *
 * <h2>Statements</h2>
 * A {@link io.github.auroramigrate.testkit.proxy.QueryHandler} sees every COM_QUERY's text and passes it,
 * replaces it, or takes the exchange over: it runs statements of its own on the connection's server session
 * ({@link io.github.auroramigrate.testkit.proxy.ProxySession#query}, which reads OK, ERR, LOCAL INFILE requests
 * and text result sets), answers a LOCAL INFILE request from an {@code InputStream}
 * ({@link io.github.auroramigrate.testkit.proxy.ProxySession#sendLocalInfile}), and finally answers the client
 * with one of the server's responses, renumbered, or a synthesized OK or ERR packet
 * ({@link io.github.auroramigrate.testkit.proxy.QueryDecision}). Aurora's {@code LOAD DATA FROM S3}, for one,
 * can be emulated so: the handler turns it into a {@code LOAD DATA LOCAL INFILE} on the same session and streams
 * the rows itself (with {@code forceLocalInfile(true)}, the client need not enable LOCAL INFILE).
 *
 * <h2>What the proxy understands of the protocol</h2>
 * <ul>
 *   <li>Packets are framed (3-byte length, sequence id; a payload of 0xFFFFFF bytes continues in the next
 *       packet) and forwarded exactly, multi-packet payloads included.</li>
 *   <li>Handshake: the server's capability flags can lose CLIENT_SSL ({@code stripSsl}) and CLIENT_COMPRESS
 *       ({@code stripCompression}); the client's response can gain CLIENT_LOCAL_FILES
 *       ({@code forceLocalInfile}). A connection that uses TLS or compression anyway is relayed as opaque bytes:
 *       byte faults apply, statements are not seen ({@code ProxyStats.opaqueConnections()}).</li>
 *   <li>Commands are found without a full state machine: after the handshake, a client packet with sequence
 *       id 0 that continues no other packet is a command, except inside a LOCAL INFILE stream (client packets
 *       after a COM_QUERY that are not commands, up to the empty packet). This assumes, as Connector/J and the
 *       MySQL and MariaDB clients do, that a client waits for each response before its next command.</li>
 *   <li>COM_QUERY text is decoded as UTF-8. With CLIENT_QUERY_ATTRIBUTES (MySQL 8.0.23+) the attribute
 *       counts are skipped; a statement that carries attributes is passed on unread.</li>
 * </ul>
 * Not seen: statements on TLS or compressed connections; prepared statements ({@code COM_STMT_PREPARE} and
 * {@code COM_STMT_EXECUTE}, i.e. Connector/J's {@code useServerPrepStmts=true}); statements with query
 * attributes; any command other than COM_QUERY. Clients that pipeline commands confuse command detection.
 *
 * <p>{@code MysqlProxy.to(host, port).raw(true)} relays any TCP protocol whose client speaks first (HTTP to an
 * S3-compatible server) without reading it; only the byte faults apply.
 */
package io.github.auroramigrate.testkit.proxy;
