package io.github.auroramigrate.core.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong, where, and what to do about it: the payload of every {@link MigrationException}.
 *
 * <pre>{@code
 * try {
 *     load.run();
 * } catch (MigrationException e) {
 *     Diagnosis d = e.diagnosis();
 *     if (d.code() == DiagnosisCode.SUPER_PRIVILEGE_REQUIRED) { ... }
 *     log.error("{}", d.render());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Never contains a password: messages are built from server error texts and
 * {@link io.github.auroramigrate.core.endpoint.Endpoint#describe()}, which omits it.
 *
 * @param code        the catalogue entry
 * @param vendorCode  the MySQL/MariaDB error number (0 when the failure came from the client or the network)
 * @param sqlState    the SQLSTATE, or an empty string
 * @param message     what happened, in concrete terms (the server's text where there was one)
 * @param endpoint    the endpoint involved ({@code user@host:port}), or null
 * @param location    file, line and statement excerpt when the statement came from a file, or null
 * @param remedy      what to do
 */
public record Diagnosis(DiagnosisCode code, int vendorCode, String sqlState, String message, String endpoint,
        SourceLocation location, String remedy) {

    /** Validates required parts. */
    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
        sqlState = sqlState == null ? "" : sqlState;
    }

    /** A diagnosis for {@code code} with the catalogue's own remedy. */
    public static Diagnosis of(DiagnosisCode code, String message) {
        return new Diagnosis(code, 0, "", message, null, null, code.remedy());
    }

    /** @return the endpoint involved, if known */
    public Optional<String> endpointDescription() {
        return Optional.ofNullable(endpoint);
    }

    /** @return the file location of the failing statement, if it came from a file */
    public Optional<SourceLocation> sourceLocation() {
        return Optional.ofNullable(location);
    }

    /** @return whether running the same work again may succeed (lost connection, deadlock, lock wait timeout) */
    public boolean isRetryable() {
        return code.isRetryable();
    }

    /** @return a copy that names the endpoint involved */
    public Diagnosis withEndpoint(String endpointDescription) {
        return new Diagnosis(code, vendorCode, sqlState, message, endpointDescription, location, remedy);
    }

    /** @return a copy that names the file location of the failing statement */
    public Diagnosis withLocation(SourceLocation where) {
        return new Diagnosis(code, vendorCode, sqlState, message, endpoint, where, remedy);
    }

    /** @return a copy with extra advice appended to the remedy */
    public Diagnosis withAdvice(String advice) {
        return new Diagnosis(code, vendorCode, sqlState, message, endpoint, location, remedy + " " + advice);
    }

    /**
     * The diagnosis as text for people, e.g.
     * {@code [SUPER_PRIVILEGE_REQUIRED] ERROR 1227 (42000) at myschema_dump.sql line 884 on master@db:3306: ...}.
     */
    public String render() {
        StringBuilder sb = new StringBuilder().append('[').append(code).append("] ");
        if (vendorCode != 0) {
            sb.append("ERROR ").append(vendorCode);
            if (!sqlState.isEmpty()) {
                sb.append(" (").append(sqlState).append(')');
            }
            sb.append(' ');
        }
        if (location != null) {
            sb.append("at ").append(location.file()).append(" line ").append(location.line()).append(' ');
        }
        if (endpoint != null) {
            sb.append("on ").append(endpoint).append(' ');
        }
        sb.append("- ").append(message);
        if (location != null) {
            sb.append("\n  statement: ").append(location.excerpt());
        }
        sb.append("\n  what to do: ").append(remedy);
        sb.append(code.isRetryable() ? "\n  retry: may succeed" : "\n  retry: will not help until the cause is fixed");
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
