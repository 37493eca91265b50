package io.github.auroramigrate.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the text of one statement into {@link Token}s, following the MySQL server's lexical rules: '...' and
 * "..." strings with backslash escapes and doubled quotes, {@code `backtick`} names, {@code -- }, {@code #} and
 * {@code /* * /} comments, and executable comments {@code /*!50013 ... * /} / {@code /*M!100100 ... * /}, whose
 * content is lexed as SQL between a {@link TokenType#VERSIONED_COMMENT_OPEN} and a
 * {@link TokenType#VERSIONED_COMMENT_CLOSE} token.
 *
 * <pre>{@code
 * List<Token> tokens = SqlLexer.tokenize("/*!50013 DEFINER=`u`@`%` SQL SECURITY DEFINER * /", SqlOptions.DEFAULT);
 * // VERSIONED_COMMENT_OPEN(/*!50013) WHITESPACE IDENTIFIER(DEFINER) OPERATOR(=) QUOTED_IDENTIFIER(`u`) ...
 * }</pre>
 *
 * <p>The lexer is lenient: it never throws. A quote or comment left open runs to the end of the text (the
 * {@link StatementReader} has already rejected files where that happens). Concatenating the token texts always
 * gives back the input exactly. Stateless and thread-safe.
 */
public final class SqlLexer {

    /** MySQL 8.0's reserved words: these can never be unquoted names. */
    private static final Set<String> RESERVED = Set.of(("ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE "
            + "BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN "
            + "CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS CUBE CUME_DIST CURRENT_DATE CURRENT_TIME "
            + "CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR DAY_MICROSECOND DAY_MINUTE DAY_SECOND "
            + "DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DESC DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW "
            + "DIV DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT EXPLAIN FALSE FETCH "
            + "FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT FUNCTION GENERATED GET GRANT GROUP "
            + "GROUPING GROUPS HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IN INDEX INFILE "
            + "INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO "
            + "IO_AFTER_GTIDS IO_BEFORE_GTIDS IS ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD "
            + "LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP "
            + "LOW_PRIORITY MASTER_BIND MASTER_SSL_VERIFY_SERVER_CERT MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT "
            + "MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE NTILE "
            + "NULL NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER PARTITION "
            + "PERCENT_RANK PRECISION PRIMARY PROCEDURE PURGE RANGE RANK READ READS READ_WRITE REAL RECURSIVE "
            + "REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN REVOKE RIGHT RLIKE ROW "
            + "ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SMALLINT "
            + "SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS "
            + "SQL_SMALL_RESULT SSL STARTING STORED STRAIGHT_JOIN SYSTEM TABLE TERMINATED THEN TINYBLOB TINYINT "
            + "TINYTEXT TO TRAILING TRIGGER TRUE UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE "
            + "UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW "
            + "WITH WRITE XOR YEAR_MONTH ZEROFILL").split(" "));

    private static final String[] OPERATORS3 = {"<=>", "->>"};
    private static final String[] OPERATORS2 = {"<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>", "->"};

    private SqlLexer() {
    }

    /**
     * @param text    the SQL text (one statement, or any fragment)
     * @param options quoting rules ({@link SqlOptions#backslashEscapes()}, {@link SqlOptions#ansiQuotes()})
     * @return all tokens, whose texts concatenate to {@code text}
     */
    public static List<Token> tokenize(CharSequence text, SqlOptions options) {
        return tokenize(text, options, Integer.MAX_VALUE);
    }

    /**
     * Tokenizes only the beginning of a text: stops after {@code maxSignificant} significant tokens (see
     * {@link Token#isSignificant()}). Cheap on a multi-megabyte INSERT when only its head matters.
     *
     * @param text           the SQL text
     * @param options        quoting rules
     * @param maxSignificant how many significant tokens to produce at most
     * @return the tokens up to and including the last significant one produced
     */
    public static List<Token> tokenize(CharSequence text, SqlOptions options, int maxSignificant) {
        List<Token> out = new ArrayList<>();
        Lexer lx = new Lexer(text.toString(), options);
        int significant = 0;
        while (significant < maxSignificant) {
            Token t = lx.next();
            if (t == null) {
                break;
            }
            out.add(t);
            if (t.isSignificant()) {
                significant++;
            }
        }
        return out;
    }

    /** @return whether {@code word} is reserved in MySQL 8.0 (case-insensitive) */
    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }

    static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    /** The state of one pass over a text. */
    private static final class Lexer {
        private final String s;
        private final SqlOptions options;
        private final int n;
        private int i;
        private boolean inVersioned;

        Lexer(String s, SqlOptions options) {
            this.s = s;
            this.options = options;
            this.n = s.length();
        }

        Token next() {
            if (i >= n) {
                return null;
            }
            int start = i;
            char c = s.charAt(i);
            TokenType type;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                type = TokenType.WHITESPACE;
            } else if (c == '#' || (c == '-' && startsLineComment(s, i))) {
                i = endOfLine(s, i);
                type = TokenType.COMMENT;
            } else if (c == '/' && at(i + 1) == '*') {
                int marker = versionedMarkerEnd(s, i);
                if (marker > 0 && !inVersioned) {
                    i = marker;
                    inVersioned = true;
                    type = TokenType.VERSIONED_COMMENT_OPEN;
                } else {
                    int close = s.indexOf("*/", i + 2);
                    i = close < 0 ? n : close + 2;
                    type = TokenType.COMMENT;
                }
            } else if (inVersioned && c == '*' && at(i + 1) == '/') {
                i += 2;
                inVersioned = false;
                type = TokenType.VERSIONED_COMMENT_CLOSE;
            } else if (c == '\'') {
                i = endOfQuoted(s, i, '\'', options.backslashEscapes());
                type = TokenType.STRING;
            } else if (c == '"') {
                i = endOfQuoted(s, i, '"', options.backslashEscapes() && !options.ansiQuotes());
                type = options.ansiQuotes() ? TokenType.QUOTED_IDENTIFIER : TokenType.STRING;
            } else if (c == '`') {
                i = endOfQuoted(s, i, '`', false);
                type = TokenType.QUOTED_IDENTIFIER;
            } else if (c == '@') {
                type = variable();
            } else if (c >= '0' && c <= '9' || (c == '.' && isDigit(at(i + 1)) && !afterName(start))) {
                type = number();
            } else if (isIdentifierChar(c)) {
                type = word();
            } else {
                i += operatorLength();
                type = TokenType.OPERATOR;
            }
            return new Token(type, s.substring(start, i), start, i);
        }

        private char at(int k) {
            return k < n ? s.charAt(k) : '\0';
        }

        /** ".5" is a number, but in "t.5col" the dot qualifies a name. */
        private boolean afterName(int k) {
            return k > 0 && (isIdentifierChar(s.charAt(k - 1)) || s.charAt(k - 1) == '`');
        }

        private TokenType variable() {
            int k = i + 1;
            if (at(k) == '@') {
                k++;
            }
            int nameStart = k;
            while (k < n && (isIdentifierChar(s.charAt(k)) || s.charAt(k) == '.')) {
                k++;
            }
            if (k == nameStart) {
                i++;                       // a bare '@' as in 'user'@'host'
                return TokenType.OPERATOR;
            }
            i = k;
            return TokenType.VARIABLE;
        }

        private TokenType number() {
            int start = i;
            if (s.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X' || at(i + 1) == 'b' || at(i + 1) == 'B')
                    && isIdentifierChar(at(i + 2))) {
                i += 2;
                while (i < n && isIdentifierChar(s.charAt(i))) {
                    i++;
                }
                return isRadixLiteral(s.substring(start, i)) ? TokenType.NUMBER : TokenType.IDENTIFIER;
            }
            while (isDigit(at(i))) {
                i++;
            }
            if (at(i) == '.') {
                i++;
                while (isDigit(at(i))) {
                    i++;
                }
            }
            if ((at(i) == 'e' || at(i) == 'E')
                    && (isDigit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))))) {
                i += 2;
                while (isDigit(at(i))) {
                    i++;
                }
            }
            if (i < n && isIdentifierChar(s.charAt(i)) && s.charAt(start) != '.') {
                // MySQL allows names that start with digits, such as 1t or 123abc
                while (i < n && isIdentifierChar(s.charAt(i))) {
                    i++;
                }
                return TokenType.IDENTIFIER;
            }
            return TokenType.NUMBER;
        }

        private static boolean isRadixLiteral(String t) {
            String digits = t.substring(2);
            boolean hex = t.charAt(1) == 'x' || t.charAt(1) == 'X';
            for (int k = 0; k < digits.length(); k++) {
                char d = Character.toLowerCase(digits.charAt(k));
                boolean ok = hex ? isDigit(d) || (d >= 'a' && d <= 'f') : d == '0' || d == '1';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private TokenType word() {
            int start = i;
            char c = s.charAt(i);
            // X'0A', B'01', N'text': one string literal with its prefix
            if ((c == 'x' || c == 'X' || c == 'b' || c == 'B' || c == 'n' || c == 'N') && at(i + 1) == '\'') {
                i = endOfQuoted(s, i + 1, '\'', c == 'n' || c == 'N' ? options.backslashEscapes() : false);
                return TokenType.STRING;
            }
            while (i < n && isIdentifierChar(s.charAt(i))) {
                i++;
            }
            return RESERVED.contains(s.substring(start, i).toUpperCase(Locale.ROOT)) ? TokenType.KEYWORD
                    : TokenType.IDENTIFIER;
        }

        private int operatorLength() {
            for (String op : OPERATORS3) {
                if (s.startsWith(op, i)) {
                    return 3;
                }
            }
            for (String op : OPERATORS2) {
                if (s.startsWith(op, i)) {
                    return 2;
                }
            }
            return 1;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "--" starts a comment only when followed by whitespace, a control character or the end. */
    static boolean startsLineComment(CharSequence s, int i) {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '-') {
            return false;
        }
        return i + 2 >= s.length() || s.charAt(i + 2) <= ' ';
    }

    /** @return the offset just after the line's '\n' (or the end) */
    static int endOfLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl + 1;
    }

    /**
     * @return the end of a versioned-comment marker ({@code /*!}, {@code /*!50013}, {@code /*M!100100}) starting at
     *         {@code i}, or -1 if none starts there
     */
    static int versionedMarkerEnd(CharSequence s, int i) {
        int k = i + 2;
        if (k < s.length() && s.charAt(k) == 'M' && k + 1 < s.length() && s.charAt(k + 1) == '!') {
            k += 2;
        } else if (k < s.length() && s.charAt(k) == '!') {
            k++;
        } else {
            return -1;
        }
        int digits = 0;
        while (k < s.length() && digits < 6 && isDigit(s.charAt(k))) {
            k++;
            digits++;
        }
        return k;
    }

    /** @return the offset after the closing quote (or the end of the text if it never closes) */
    static int endOfQuoted(String s, int open, char quote, boolean backslash) {
        int n = s.length();
        int k = open + 1;
        while (k < n) {
            char c = s.charAt(k);
            if (c == '\\' && backslash) {
                k += 2;
            } else if (c == quote) {
                if (k + 1 < n && s.charAt(k + 1) == quote) {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        return n;
    }
}
