package io.github.auroramigrate.core.sql;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How SQL text is read: its character set, the server's quoting rules in force, and the statement-splitting rule.
 *
 * <pre>{@code
 * SqlOptions opts = SqlOptions.builder()
 *     .charset(StandardCharsets.ISO_8859_1)   // byte-exact: raw BLOB bytes survive a round trip
 *     .splitMode(SplitMode.MYDUMPER)
 *     .build();
 * try (StatementReader r = StatementReader.open(Path.of("db.t1.00000.sql"), opts)) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #DEFAULT}: UTF-8, backslash escapes on, {@code ANSI_QUOTES} off,
 * {@link SplitMode#MYSQL_CLIENT}.
 *
 * @param charset           the file's character set. UTF-8 (the default) is decoded strictly: a byte sequence that
 *                          is not UTF-8 (typically raw binary column data in a dump made without
 *                          {@code --hex-blob}) fails with {@code CORRUPT_FILE} instead of being silently replaced.
 *                          ISO-8859-1 maps every byte to one character and back, so any file round-trips
 *                          byte-for-byte; the statement text then holds UTF-8 sequences as Latin-1 characters
 *                          (send it with a binary/latin1 connection character set).
 * @param backslashEscapes  whether a backslash escapes the next character inside '...' and "..." strings (the
 *                          server default); false models {@code sql_mode=NO_BACKSLASH_ESCAPES}
 * @param ansiQuotes        whether "..." quotes an identifier rather than a string ({@code sql_mode=ANSI_QUOTES});
 *                          it only changes token types, never where statements split
 * @param splitMode         the statement-splitting rule
 */
public record SqlOptions(Charset charset, boolean backslashEscapes, boolean ansiQuotes, SplitMode splitMode) {

    /** UTF-8, backslash escapes, no ANSI_QUOTES, mysql-client splitting. */
    public static final SqlOptions DEFAULT = new SqlOptions(StandardCharsets.UTF_8, true, false,
            SplitMode.MYSQL_CLIENT);

    /** Validates. */
    public SqlOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(splitMode, "splitMode");
    }

    /** @return a builder starting from {@link #DEFAULT} */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder for {@link SqlOptions}; not thread-safe. */
    public static final class Builder {
        private Charset charset;
        private boolean backslashEscapes;
        private boolean ansiQuotes;
        private SplitMode splitMode;

        private Builder(SqlOptions from) {
            this.charset = from.charset;
            this.backslashEscapes = from.backslashEscapes;
            this.ansiQuotes = from.ansiQuotes;
            this.splitMode = from.splitMode;
        }

        /** The file's character set; default UTF-8 (strict). */
        public Builder charset(Charset value) {
            this.charset = value;
            return this;
        }

        /** Whether backslash escapes apply in strings; default true. False = {@code NO_BACKSLASH_ESCAPES}. */
        public Builder backslashEscapes(boolean value) {
            this.backslashEscapes = value;
            return this;
        }

        /** Whether "..." is an identifier ({@code ANSI_QUOTES}); default false. */
        public Builder ansiQuotes(boolean value) {
            this.ansiQuotes = value;
            return this;
        }

        /** The statement-splitting rule; default {@link SplitMode#MYSQL_CLIENT}. */
        public Builder splitMode(SplitMode value) {
            this.splitMode = value;
            return this;
        }

        /**
         * @return the options
         * @throws NullPointerException if charset or split mode is null
         */
        public SqlOptions build() {
            return new SqlOptions(charset, backslashEscapes, ansiQuotes, splitMode);
        }
    }
}
