package io.github.auroramigrate.core.diagnose;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * Turns driver, network and I/O exceptions into {@link Diagnosis} values from the {@link DiagnosisCode}
 * catalogue. Recognises Connector/J's client-side failures (which carry no MySQL error number) by the
 * exception chain: an {@link UnknownHostException} is 2005, a refused connection 2003, a communications
 * failure after connecting 2006/2013.
 *
 * <pre>{@code
 * catch (SQLException e) {
 *     throw new MigrationException(ErrorCatalog.diagnose(e, endpoint.describe()), e);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorCatalog {
    private static final Map<Integer, DiagnosisCode> BY_NUMBER = Stream.of(DiagnosisCode.values())
            .flatMap(c -> c.errorNumbers().stream().map(n -> Map.entry(n, c)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    private ErrorCatalog() {
    }

    /** @return the catalogue entry for a MySQL/MariaDB error number, or {@link DiagnosisCode#UNKNOWN} */
    public static DiagnosisCode codeFor(int errorNumber) {
        return BY_NUMBER.getOrDefault(errorNumber, DiagnosisCode.UNKNOWN);
    }

    /**
     * Diagnoses a failure while opening a connection (so a lost link means "cannot connect", and 1045 is
     * about credentials).
     *
     * @param failure  what the driver or pool threw
     * @param endpoint the endpoint description ({@code user@host:port}), or null
     */
    public static Diagnosis diagnoseConnect(Throwable failure, String endpoint) {
        return diagnose(failure, endpoint, true);
    }

    /**
     * Diagnoses a failure while running statements on an open connection.
     *
     * @param failure  what the driver threw
     * @param endpoint the endpoint description ({@code user@host:port}), or null
     */
    public static Diagnosis diagnose(Throwable failure, String endpoint) {
        return diagnose(failure, endpoint, false);
    }

    /** Wraps a failure in a {@link MigrationException} (or {@link ConnectionException} when connecting). */
    public static MigrationException toException(Throwable failure, String endpoint, boolean connecting) {
        if (failure instanceof MigrationException me) {
            return me;
        }
        Diagnosis d = diagnose(failure, endpoint, connecting);
        return connecting ? new ConnectionException(d, failure) : new MigrationException(d, failure);
    }

    private static Diagnosis diagnose(Throwable failure, String endpoint, boolean connecting) {
        if (failure instanceof MigrationException me) {
            return me.diagnosis();
        }
        SQLException sql = deepestSqlException(failure);
        String text = sql != null ? sql.getMessage() : messageOf(failure);
        String sqlState = sql != null ? sql.getSQLState() : "";

        Diagnosis d;
        if (find(failure, UnknownHostException.class) != null) {
            Throwable uh = find(failure, UnknownHostException.class);
            d = client(DiagnosisCode.UNKNOWN_HOST, 2005, sqlState, "Unknown MySQL server host '" + uh.getMessage() + "'");
        } else if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null
                || (connecting && find(failure, SocketTimeoutException.class) != null)) {
            d = client(DiagnosisCode.CANNOT_CONNECT, 2003, sqlState, "Can't connect to MySQL server: " + text);
        } else if (find(failure, SSLException.class) != null || find(failure, java.security.GeneralSecurityException.class) != null
                || text.toLowerCase(Locale.ROOT).contains("ssl connection required")) {
            d = client(DiagnosisCode.TLS_FAILURE, 0, sqlState, text);
        } else if (sql != null) {
            d = fromSql(sql, text, connecting);
        } else if (failure instanceof IOException && text.toLowerCase(Locale.ROOT).contains("no space left")) {
            d = client(DiagnosisCode.OUT_OF_SPACE, 28, "", text);
        } else {
            d = client(DiagnosisCode.UNKNOWN, 0, "", failure.getClass().getSimpleName() + ": " + text);
        }
        return endpoint == null ? d : d.withEndpoint(endpoint);
    }

    private static Diagnosis fromSql(SQLException sql, String text, boolean connecting) {
        int number = sql.getErrorCode();
        String lower = text.toLowerCase(Locale.ROOT);
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (lower.contains("public key retrieval is not allowed")) {
            return client(DiagnosisCode.PUBLIC_KEY_RETRIEVAL, 0, state, text);
        }
        if (lower.contains("loading local data is disabled")) {
            return client(DiagnosisCode.LOCAL_INFILE_DISABLED, number, state, text);
        }
        if (sql.getClass().getSimpleName().equals("PacketTooBigException") || (number == 0 && lower.contains("max_allowed_packet"))) {
            return client(DiagnosisCode.PACKET_TOO_LARGE, 2020, state, text);
        }
        if (number == 1045) {
            DiagnosisCode code = lower.contains("using password: no") ? DiagnosisCode.ACCESS_DENIED_NO_PASSWORD
                    : connecting ? DiagnosisCode.ACCESS_DENIED_BAD_PASSWORD : DiagnosisCode.ACCESS_DENIED_STATEMENT;
            return client(code, number, state, text);
        }
        if (number == 1005 && lower.contains("errno: 150")) {
            // MariaDB (and MySQL before 5.6) reports a foreign key it cannot create as "Can't create table (errno: 150)"
            return client(DiagnosisCode.FOREIGN_KEY_INVALID, number, state, text);
        }
        if (number != 0 && BY_NUMBER.containsKey(number)) {
            return client(BY_NUMBER.get(number), number, state, text);
        }
        boolean linkFailure = state.startsWith("08") || sql.getClass().getSimpleName().contains("Communications")
                || lower.contains("connection closed") || lower.contains("communications link failure");
        if (linkFailure) {
            return connecting ? client(DiagnosisCode.CANNOT_CONNECT, 2003, state, text)
                    : client(DiagnosisCode.SERVER_GONE_AWAY, 2013, state, text);
        }
        if (state.equals("40001")) {
            return client(DiagnosisCode.DEADLOCK, number, state, text);
        }
        return client(DiagnosisCode.UNKNOWN, number, state, text);
    }

    private static Diagnosis client(DiagnosisCode code, int number, String state, String text) {
        return new Diagnosis(code, number, state, text, null, null, code.remedy());
    }

    /** The innermost SQLException with a server error number, else the outermost SQLException. */
    private static SQLException deepestSqlException(Throwable t) {
        SQLException first = null;
        SQLException numbered = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                if (first == null) {
                    first = s;
                }
                if (s.getErrorCode() != 0) {
                    numbered = s;
                }
            }
        }
        return numbered != null ? numbered : first;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String messageOf(Throwable t) {
        Function<Throwable, String> msg = x -> x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
        return msg.apply(t);
    }
}
