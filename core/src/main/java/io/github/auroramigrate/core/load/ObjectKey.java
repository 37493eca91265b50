package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.sql.ObjectName;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The object a DDL statement creates - kind, schema, name - as the load journal knows it: a resumed load finds what
 * an earlier run created by the object, not by the file and line it came from, so an edited DDL file or a changed
 * transform does not lose track of it.
 *
 * @param kind   the object kind
 * @param schema the schema (for a schema: its own name)
 * @param name   the object's name (for a schema: its own name)
 */
record ObjectKey(Kind kind, String schema, String name) {
    /** Kinds of objects a load creates. */
    enum Kind {
        SCHEMA, TABLE, VIEW, PROCEDURE, FUNCTION, TRIGGER, EVENT, SEQUENCE
    }

    ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param currentSchema the schema unqualified names belong to, or null
     * @return the object the statement creates, or empty for statements that create none (or an unqualified name
     *         without a current schema)
     */
    static Optional<ObjectKey> of(Statement s, String currentSchema) {
        Kind kind = switch (s.kind()) {
            case CREATE_DATABASE -> Kind.SCHEMA;
            case CREATE_TABLE -> Kind.TABLE;
            case CREATE_VIEW -> Kind.VIEW;
            case CREATE_PROCEDURE -> Kind.PROCEDURE;
            case CREATE_FUNCTION -> Kind.FUNCTION;
            case CREATE_TRIGGER -> Kind.TRIGGER;
            case CREATE_EVENT -> Kind.EVENT;
            case CREATE_SEQUENCE -> Kind.SEQUENCE;
            default -> null;
        };
        Optional<ObjectName> name = s.objectName();
        if (kind == null || name.isEmpty() || isTemporary(s)) {
            return Optional.empty();
        }
        if (kind == Kind.SCHEMA) {
            return Optional.of(new ObjectKey(kind, name.get().name(), name.get().name()));
        }
        String schema = name.get().schemaOr(currentSchema);
        return schema == null ? Optional.empty() : Optional.of(new ObjectKey(kind, schema, name.get().name()));
    }

    private static boolean isTemporary(Statement s) {
        return s.kind() == StatementKind.CREATE_TABLE
                && s.headTokens(3).stream().anyMatch(t -> t.isWord("TEMPORARY"));
    }

    /** @return the journal key: {@code obj:KIND:schema.name}, or a digest of it when longer than the key column */
    String journalKey() {
        String key = "obj:" + kind + ":" + schema + "." + name;
        return key.length() <= 190 ? key : "obj:" + kind + ":" + digest(key);
    }

    /** @return e.g. {@code table `shop`.`orders`} */
    String describe() {
        String quoted = kind == Kind.SCHEMA ? quote(name) : quote(schema) + "." + quote(name);
        return kind.name().toLowerCase(Locale.ROOT) + " " + quoted;
    }

    /** @return the SHA-256 of the text, hex (the journal's record of which definition was executed) */
    static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String identifier) {
        return io.github.auroramigrate.core.sql.SqlText.quoteIdentifier(identifier);
    }
}
