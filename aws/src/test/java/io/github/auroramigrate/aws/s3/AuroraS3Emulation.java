package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.proxy.MysqlProxy;
import io.github.auroramigrate.testkit.proxy.ProxySession;
import io.github.auroramigrate.testkit.proxy.QueryDecision;
import io.github.auroramigrate.testkit.proxy.ServerResponse;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aurora MySQL 3's {@code LOAD DATA FROM S3}, emulated in front of a real Aurora-like 3 server: a testkit
 * {@link MysqlProxy} whose query handler takes the statement exactly as the library sends it, checks what Aurora checks
 * (the {@code AWS_LOAD_S3_ACCESS} role in effect in the session; an IAM role in {@code aws_default_s3_role}), fetches the
 * object from the local S3 server as Aurora fetches it from S3, and has the real server load its bytes with
 * {@code LOAD DATA LOCAL INFILE} in the client's own session and transaction, answering the client with the server's
 * own OK or error. Each file read is recorded in {@code mysql.aurora_s3_load_history} as Aurora does, on a connection of
 * its own (so, like a server-side record, a rolled-back load keeps its history row). {@code @@aurora_version} and the
 * S3 role parameters read as on Aurora.
 *
 * <p>What it does not emulate: the {@code PREFIX} and {@code MANIFEST} forms (the library sends {@code FILE}), IAM (any
 * role ARN is accepted), reading from real S3, Aurora 2's {@code LOAD FROM S3} privilege (a static privilege MySQL 5.7
 * cannot have), and {@code LOAD XML}.
 */
final class AuroraS3Emulation implements AutoCloseable {
    private static final Pattern FROM_S3 = Pattern.compile(
            "LOAD\\s+DATA\\s+FROM\\s+S3\\s+(FILE\\s+|PREFIX\\s+|MANIFEST\\s+)?'((?:[^'\\\\]|\\\\.|'')*)'\\s+(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern URI_FORM = Pattern.compile("s3(?:-([a-z0-9-]+))?://([^/]+)/(.+)");
    private static final Pattern VARIABLE = Pattern.compile("@@(?:GLOBAL\\.)?(aurora_version|aws_default_s3_role|"
            + "aurora_load_from_s3_role)\\b", Pattern.CASE_INSENSITIVE);
    private static final String ROLE_IN_EFFECT = "WITH RECURSIVE eff (r) AS (SELECT ROLE_NAME FROM "
            + "information_schema.ENABLED_ROLES UNION SELECT a.ROLE_NAME FROM information_schema.APPLICABLE_ROLES a "
            + "JOIN eff ON a.GRANTEE = eff.r) SELECT COUNT(*) FROM eff WHERE r = 'AWS_LOAD_S3_ACCESS'";

    private final TestServer server;
    private final S3Server s3;
    private final MysqlProxy proxy;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    /** The statements the emulation ran as Aurora would, as the library sent them. */
    final List<String> loads = new CopyOnWriteArrayList<>();
    /** The object bytes the emulation streamed to the server (not the client). */
    final AtomicLong objectBytes = new AtomicLong();

    private AuroraS3Emulation(TestServer server, S3Server s3, String auroraVersion) {
        this.server = server;
        this.s3 = s3;
        variables.put("aurora_version", auroraVersion);
        variables.put("aws_default_s3_role", "arn:aws:iam::123456789012:role/aurora-s3-import");
        variables.put("aurora_load_from_s3_role", "");
        this.proxy = MysqlProxy.to(server.host(), server.port()).stripSsl(true).forceLocalInfile(true)
                .queryHandler(this::onQuery).start();
    }

    /** Puts the emulation in front of an Aurora-like 3 server, reading objects from {@code s3}. */
    static AuroraS3Emulation of(TestServer aurora3, S3Server s3) {
        return new AuroraS3Emulation(aurora3, s3, "3.05.2");
    }

    /**
     * Puts the emulation of Aurora 2 in front of an Aurora-like 2 server (MySQL 5.7): no account can hold Aurora 2's
     * static {@code LOAD FROM S3} privilege there, so the statement is always refused as Aurora refuses it to an
     * account without it.
     */
    static AuroraS3Emulation aurora2(TestServer aurora2, S3Server s3) {
        return new AuroraS3Emulation(aurora2, s3, "2.11.2");
    }

    /** The cluster parameter {@code aws_default_s3_role}: "" as on a cluster that was given no role. */
    void s3Role(String arn) {
        variables.put("aws_default_s3_role", arn);
    }

    /** The proxy, for its counters and faults. */
    MysqlProxy proxy() {
        return proxy;
    }

    /** @return the endpoint of {@code user} through the emulation */
    Endpoint endpoint(String user, String password) {
        return Endpoint.builder().host("127.0.0.1").port(proxy.port()).user(user).password(password)
                .allowPublicKeyRetrieval(true).build();
    }

    /** @return the master user's endpoint through the emulation */
    Endpoint endpoint() {
        return endpoint(server.user(), server.password());
    }

    private QueryDecision onQuery(String sql, ProxySession session) throws Exception {
        Matcher load = FROM_S3.matcher(sql.strip());
        if (load.matches()) {
            return loadFromS3(load, sql, session);
        }
        Matcher v = VARIABLE.matcher(sql);
        if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6) && v.find()) {
            return QueryDecision.replace(v.replaceAll(m -> Matcher.quoteReplacement(
                    "'" + variables.get(m.group(1).toLowerCase(java.util.Locale.ROOT)).replace("'", "''") + "'")));
        }
        return QueryDecision.pass();
    }

    private QueryDecision loadFromS3(Matcher load, String sql, ProxySession session) throws Exception {
        String form = load.group(1) == null ? "FILE" : load.group(1).strip().toUpperCase(java.util.Locale.ROOT);
        String uri = load.group(2).replace("''", "'");
        if (!form.equals("FILE")) {
            return QueryDecision.error(1235, "42000", "the emulation supports LOAD DATA FROM S3 FILE only, not " + form);
        }
        boolean v2 = variables.get("aurora_version").startsWith("2.");
        ServerResponse role = v2 ? null : session.query(ROLE_IN_EFFECT);
        if (v2 || role.kind() != ServerResponse.Kind.RESULT_SET || !"1".equals(role.rows().get(0).get(0))) {
            return QueryDecision.error(1227, "42000",
                    "Access denied; you need (at least one of) the LOAD FROM S3 privilege(s) for this operation");
        }
        if (variables.get("aws_default_s3_role").isBlank() && variables.get("aurora_load_from_s3_role").isBlank()) {
            return QueryDecision.error(63985, "HY000", "S3 API returned error: Both aurora_load_from_s3_role and "
                    + "aws_default_s3_role are not specified, please see documentation for more details");
        }
        Matcher u = URI_FORM.matcher(uri);
        if (!u.matches()) {
            return QueryDecision.error(63994, "HY000", "S3 API returned error: Invalid URI " + uri);
        }
        // the key as it stands in the statement (a '%' is a '%'): quoted for the HTTP path by URI's constructor
        URI object = new URI("http", null, s3.endpoint().getHost(), s3.endpoint().getPort(),
                "/" + u.group(2) + "/" + u.group(3), null, null);
        HttpURLConnection get = (HttpURLConnection) object.toURL().openConnection();
        if (get.getResponseCode() != 200) {
            get.disconnect();
            return QueryDecision.error(63994, "HY000", "S3 API returned error: Missing Key:Unable to find the key "
                    + "in the bucket " + uri);
        }
        ServerResponse asked = session.query("LOAD DATA LOCAL INFILE " + literal(uri) + " " + load.group(3));
        if (asked.kind() != ServerResponse.Kind.LOCAL_INFILE) {
            get.disconnect();
            return QueryDecision.relay(asked);
        }
        long[] sent = {0};
        ServerResponse done;
        try (InputStream in = get.getInputStream()) {
            done = session.sendLocalInfile(new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    sent[0] += Math.max(n, 0);
                    return n;
                }
            });
        }
        objectBytes.addAndGet(sent[0]);
        if (done.kind() == ServerResponse.Kind.OK) {
            loads.add(sql);
            record(uri, sent[0]);
        }
        return QueryDecision.relay(done);
    }

    /** The history row Aurora writes for a file it read. */
    private void record(String uri, long bytes) {
        try (Connection c = server.rootConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + "mysql.aurora_s3_load_history (load_prefix, file_name, version_number, bytes_loaded) VALUES (?,?,NULL,?)")) {
            ps.setString(1, uri);
            ps.setString(2, uri);
            ps.setLong(3, bytes);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("recording the load history failed", e));
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public void close() {
        proxy.close();
    }
}
