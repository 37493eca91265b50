package io.github.auroramigrate.core.sql;

/**
 * What a {@link Token} is.
 *
 * <pre>{@code
 * for (Token t : statement.tokens()) {
 *     if (t.type() == TokenType.STRING) { ... }   // never rewrite inside a literal
 * }
 * }</pre>
 */
public enum TokenType {
    /** Spaces, tabs, line breaks. */
    WHITESPACE,
    /** A comment the server ignores: {@code -- ...}, {@code # ...}, {@code /* ... * /} (also optimizer hints). */
    COMMENT,
    /**
     * The opening of an executable (versioned) comment: {@code /*!}, {@code /*!50013} or MariaDB's
     * {@code /*M!100100}. The tokens up to the matching {@link #VERSIONED_COMMENT_CLOSE} are SQL.
     */
    VERSIONED_COMMENT_OPEN,
    /** The {@code * /} closing an executable comment. */
    VERSIONED_COMMENT_CLOSE,
    /** An unquoted word that MySQL 8.0 reserves ({@code SELECT}, {@code CREATE}, {@code TABLE}...). */
    KEYWORD,
    /**
     * Any other unquoted word: a name, or a non-reserved keyword such as {@code DEFINER}, {@code ENGINE} or
     * {@code VIEW} (which only a parser can tell from a name). Use {@link Token#isWord(String)} to match both.
     */
    IDENTIFIER,
    /** A {@code `backtick`} quoted name (or a "double-quoted" one under {@code ANSI_QUOTES}). */
    QUOTED_IDENTIFIER,
    /** A string literal: '...', "..." and the prefixed forms X'..', B'..', N'..'. */
    STRING,
    /** A number: 42, 1.5e3, 0x1F, 0b101. */
    NUMBER,
    /** A user or system variable: {@code @v}, {@code @@sql_mode}, {@code @@GLOBAL.GTID_PURGED}. */
    VARIABLE,
    /** Operators and punctuation: {@code = ( ) , . ; @ <=> :=} ... */
    OPERATOR
}
