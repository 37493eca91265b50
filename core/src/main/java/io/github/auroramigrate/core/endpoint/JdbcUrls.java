package io.github.auroramigrate.core.endpoint;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import com.mysql.cj.conf.PropertyKey;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a Connector/J URL into an {@link Endpoint.Builder}. The driver's own parser reads it (so percent-decoding,
 * IPv6 brackets and {@code address=(host=..)(port=..)} mean what they mean to the driver); this class decides what
 * is accepted. No message names the URL, whose user info or query may hold the password.
 */
final class JdbcUrls {
    /** Transport and login settings that change neither values nor statements: passed to the driver unchanged. */
    private static final Set<String> PASSED_THROUGH = Set.of("socketTimeout", "tcpKeepAlive", "tcpNoDelay",
            "useCompression", "connectionAttributes", "enabledTLSProtocols", "enabledSSLCipherSuites",
            "defaultAuthenticationPlugin", "localSocketAddress", "maxAllowedPacket");
    /** Read into the Endpoint's own settings; {@code dbname} is the driver's name for the URL's path. */
    private static final Set<String> MAPPED = Set.of("sslMode", "connectTimeout", "allowPublicKeyRetrieval", "dbname",
            "user", "password");
    /** {@code jdbc:mysql://[user[:password]@]} followed by nothing, a path or a query: no host named. */
    private static final Pattern NO_HOST = Pattern.compile("(?s)jdbc:mysql://(?:[^@/?]*@)?(?:[/?].*)?");

    private JdbcUrls() {
    }

    static void read(String url, Endpoint.Builder b) {
        if (url == null) {
            throw new NullPointerException("url");
        }
        if (!url.startsWith("jdbc:mysql:")) {
            throw invalid("is not a MySQL Connector/J URL (jdbc:mysql://host:port/database?properties)",
                    "Give a jdbc:mysql:// URL; a MariaDB or Aurora server is reached with jdbc:mysql:// too.");
        }
        if (NO_HOST.matcher(url).matches()) {
            throw invalid("names no host (the driver would use localhost)", "Name the host: jdbc:mysql://host:3306/db.");
        }
        ConnectionUrl parsed;
        try {
            parsed = ConnectionUrl.getConnectionUrlInstance(url, null);
        } catch (RuntimeException e) { // the driver's messages quote the URL: neither message nor cause is kept
            throw invalid("cannot be read by Connector/J (" + e.getClass().getSimpleName() + ")",
                    "Check its syntax: jdbc:mysql://user:password@host:port/database?name=value&name2=value2, with"
                            + " reserved characters of the user and password percent-encoded (%40 for @, %3A for :).");
        }
        if (parsed.getType() != ConnectionUrl.Type.SINGLE_CONNECTION || parsed.getHostsList().size() != 1) {
            throw invalid("names " + parsed.getHostsList().size() + " host(s) as a " + parsed.getType()
                    + "; an Endpoint is one server", "Give one host: jdbc:mysql://host:port/database.");
        }
        HostInfo h = parsed.getMainHost();
        Map<String, String> props = h.getHostProperties();
        refuseWhatIsNotAccepted(props.keySet());
        String host = h.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank() || host.indexOf('[') >= 0 || host.indexOf(']') >= 0 || host.indexOf('/') >= 0) {
            throw invalid("names a host that is not a name or address (an IPv6 address goes in brackets: [::1]:3306)",
                    "Check the host part of the URL.");
        }
        if (h.getPort() < 1 || h.getPort() > 65535) {
            throw invalid("names port " + h.getPort() + ", outside 1-65535", "Check the port part of the URL.");
        }
        b.host(host).port(h.getPort());
        if (h.getUser() != null && !h.getUser().isEmpty()) {
            b.user(h.getUser());
        }
        if (h.getPassword() != null) {
            b.password(h.getPassword());
        }
        String database = h.getDatabase();
        if (database != null && !database.isEmpty()) {
            b.database(database);
        }
        props.forEach((name, value) -> {
            switch (name) {
                case "sslMode" -> b.tls(tls(value));
                case "connectTimeout" -> b.connectTimeout(Duration.ofMillis(number(name, value)));
                case "allowPublicKeyRetrieval" -> b.allowPublicKeyRetrieval(bool(name, value));
                default -> {
                    if (PASSED_THROUGH.contains(name)) {
                        b.property(name, value);
                    }
                }
            }
        });
    }

    private static void refuseWhatIsNotAccepted(Set<String> names) {
        Set<String> unknown = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        for (String name : names) {
            if (MAPPED.contains(name) || PASSED_THROUGH.contains(name)) {
                continue;
            }
            boolean driverKnowsIt = Arrays.stream(PropertyKey.values()).anyMatch(k -> k.getKeyName().equals(name));
            (driverKnowsIt ? refused : unknown).add(name);
        }
        if (unknown.isEmpty() && refused.isEmpty()) {
            return;
        }
        StringBuilder what = new StringBuilder("has properties an Endpoint does not accept:");
        if (!unknown.isEmpty()) {
            what.append(" unknown to Connector/J ").append(unknown);
        }
        if (!refused.isEmpty()) {
            what.append(unknown.isEmpty() ? " " : "; ").append("unsafe here ").append(refused)
                    .append(" (they change how values are read or written, what a statement may do, TLS trust or"
                            + " files the driver may read, which the library sets itself)");
        }
        throw invalid(what.toString(), "Remove them. Accepted: sslMode, connectTimeout, allowPublicKeyRetrieval, user,"
                + " password and " + new TreeSet<>(PASSED_THROUGH) + "; a CA bundle is set with Endpoint.Builder.caBundle,"
                + " other driver settings with Endpoint.Builder.property.");
    }

    private static TlsMode tls(String value) {
        try {
            return TlsMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("has sslMode=" + value + ", which is none of " + Arrays.toString(TlsMode.values()),
                    "Use one of those.");
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("has " + name + "=" + value + ", not a number of milliseconds", "Give milliseconds, e.g. 10000.");
        }
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid("has " + name + "=" + value + ", neither true nor false", "Give true or false.");
    }

    private static MigrationException invalid(String what, String advice) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The JDBC URL " + what + ".")
                .withAdvice(advice));
    }
}
