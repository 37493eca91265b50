package io.github.auroramigrate.core.sql;

import java.util.Objects;

/**
 * One lexical token of a statement: its type, its exact text, and where it sits in the statement text.
 *
 * <pre>{@code
 * List<Token> tokens = SqlLexer.tokenize("CREATE DEFINER=`u`@`%` VIEW v AS SELECT 1", SqlOptions.DEFAULT);
 * Token definer = tokens.get(2);             // IDENTIFIER "DEFINER"
 * definer.isWord("definer");                 // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param type  the token type
 * @param text  the exact characters of the token
 * @param start offset of the first character in the statement text
 * @param end   offset just after the last character
 */
public record Token(TokenType type, String text, int start, int end) {

    /** Validates. */
    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("bad token bounds " + start + ".." + end + " for '" + text + "'");
        }
    }

    /** @return whether this is an unquoted word (keyword or identifier) equal to {@code word}, ignoring case */
    public boolean isWord(String word) {
        return (type == TokenType.KEYWORD || type == TokenType.IDENTIFIER) && text.equalsIgnoreCase(word);
    }

    /** @return whether this is an unquoted word (keyword or identifier) */
    public boolean isWord() {
        return type == TokenType.KEYWORD || type == TokenType.IDENTIFIER;
    }

    /** @return whether this is the operator or punctuation {@code op} */
    public boolean isOperator(String op) {
        return type == TokenType.OPERATOR && text.equals(op);
    }

    /** @return false for whitespace, comments and the markers of executable comments; true otherwise */
    public boolean isSignificant() {
        return switch (type) {
            case WHITESPACE, COMMENT, VERSIONED_COMMENT_OPEN, VERSIONED_COMMENT_CLOSE -> false;
            default -> true;
        };
    }

    /** @return whether this token can name an object: an unquoted word or a quoted identifier */
    public boolean isName() {
        return type == TokenType.IDENTIFIER || type == TokenType.KEYWORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    /**
     * @return the name this token denotes: the text of an unquoted word, the unescaped content of a quoted
     *         identifier, or the unescaped content of a string (as used for {@code 'user'@'host'})
     */
    public String name() {
        return switch (type) {
            case QUOTED_IDENTIFIER -> SqlText.unquote(text, true);
            case STRING -> SqlText.unquote(text, true);
            default -> text;
        };
    }

    /**
     * @return the version of an executable comment opening ({@code 50013} for {@code /*!50013}), or 0 when it has
     *         none or this is not a {@link TokenType#VERSIONED_COMMENT_OPEN}
     */
    public int commentVersion() {
        if (type != TokenType.VERSIONED_COMMENT_OPEN) {
            return 0;
        }
        int i = text.indexOf('!') + 1;
        return i < text.length() ? Integer.parseInt(text.substring(i)) : 0;
    }

    /** @return whether this opens a MariaDB-only executable comment ({@code /*M!...}) */
    public boolean isMariaDbComment() {
        return type == TokenType.VERSIONED_COMMENT_OPEN && text.startsWith("/*M!");
    }

    @Override
    public String toString() {
        return type + "(" + text + ")@" + start;
    }
}
