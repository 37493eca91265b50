package io.github.auroramigrate.core.internal.manifest;

import java.util.List;
import java.util.Objects;

/**
 * An account and its DDL: CREATE USER first, then its GRANT statements, one statement per file. The files hold
 * password hashes (never passwords): protect the dump accordingly.
 *
 * <pre>{@code
 * for (UserEntry u : manifest.users()) { u.files().forEach(f -> execute(read(f))); }
 * }</pre>
 *
 * @param account {@code 'user'@'host'}
 * @param files   store keys of the statements, in execution order
 */
public record UserEntry(String account, List<String> files) {
    /** Validates and copies. */
    public UserEntry {
        Objects.requireNonNull(account, "account");
        files = List.copyOf(files);
    }
}
