package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Token-index helpers shared by the built-in transforms. */
final class Heads {
    static final Set<String> DEFINER_OBJECTS = Set.of("VIEW", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");

    private Heads() {
    }

    /**
     * The head of a CREATE/ALTER statement of a stored object, as token indexes (-1 when absent).
     *
     * @param definer          the DEFINER word
     * @param definerEnd       the last token of the account
     * @param accountStart     the first token of the account
     * @param security         the SQL of SQL SECURITY in the head
     * @param securityValue    DEFINER or INVOKER after SQL SECURITY
     * @param object           the object word (VIEW, PROCEDURE...)
     * @param objectWord       that word in upper case, or "" if none
     */
    record StoredObjectHead(int definer, int accountStart, int definerEnd, int security, int securityValue,
            int object, String objectWord) {
    }

    /** @return the head, or null when the statement is not CREATE/ALTER of a view, routine, trigger or event */
    static StoredObjectHead storedObject(StatementEditor e) {
        List<Token> t = e.tokens();
        int i = e.next(-1);
        if (i < 0 || !(t.get(i).isWord("CREATE") || t.get(i).isWord("ALTER"))) {
            return null;
        }
        int definer = -1;
        int accountStart = -1;
        int definerEnd = -1;
        int security = -1;
        int securityValue = -1;
        i = e.next(i);
        while (i >= 0) {
            Token k = t.get(i);
            String w = k.isWord() ? k.text().toUpperCase(Locale.ROOT) : "";
            if (DEFINER_OBJECTS.contains(w)) {
                return new StoredObjectHead(definer, accountStart, definerEnd, security, securityValue, i, w);
            }
            switch (w) {
                case "OR", "REPLACE", "AGGREGATE", "IF", "NOT", "EXISTS" -> i = e.next(i);
                case "ALGORITHM" -> {
                    int eq = e.next(i);
                    i = eq >= 0 && t.get(eq).isOperator("=") ? e.next(e.next(eq)) : -1;
                }
                case "DEFINER" -> {
                    int eq = e.next(i);
                    if (eq < 0 || !t.get(eq).isOperator("=") || e.next(eq) < 0) {
                        return null;
                    }
                    definer = i;
                    accountStart = e.next(eq);
                    definerEnd = accountEnd(e, accountStart);
                    i = e.next(definerEnd);
                }
                case "SQL" -> {
                    int sec = e.next(i);
                    if (sec < 0 || !t.get(sec).isWord("SECURITY")) {
                        return null;
                    }
                    security = i;
                    securityValue = e.next(sec);
                    i = securityValue < 0 ? -1 : e.next(securityValue);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** @return the index of the last token of an account starting at {@code i}: user[@host] or CURRENT_USER[()] */
    static int accountEnd(StatementEditor e, int i) {
        List<Token> t = e.tokens();
        int j = e.next(i);
        if (t.get(i).isWord("CURRENT_USER")) {
            if (j >= 0 && t.get(j).isOperator("(")) {
                int k = e.next(j);
                return k >= 0 && t.get(k).isOperator(")") ? k : i;
            }
            return i;
        }
        if (j < 0) {
            return i;
        }
        Token at = t.get(j);
        if (at.type() == TokenType.VARIABLE && at.text().startsWith("@") && !at.text().startsWith("@@")
                && j == i + 1) {
            return j;                               // user@localhost
        }
        if (at.isOperator("@") && j == i + 1) {
            int host = e.next(j);
            return host == j + 1 ? host : j;
        }
        return i;
    }

    /**
     * Deletes tokens {@code first..last} with one whitespace next to them; if they were all a versioned comment
     * held, deletes the whole comment instead (so {@code /*!50017 DEFINER=`u`@`h`* /} disappears).
     */
    static void deleteClause(StatementEditor e, int first, int last) {
        List<Token> t = e.tokens();
        int open = first - 1;
        while (open >= 0 && t.get(open).type() == TokenType.WHITESPACE) {
            open--;
        }
        int close = last + 1;
        while (close < t.size() && t.get(close).type() == TokenType.WHITESPACE) {
            close++;
        }
        if (open >= 0 && close < t.size() && t.get(open).type() == TokenType.VERSIONED_COMMENT_OPEN
                && t.get(close).type() == TokenType.VERSIONED_COMMENT_CLOSE) {
            first = open;
            last = close;
        }
        if (first > 0 && t.get(first - 1).type() == TokenType.WHITESPACE) {
            e.delete(t.get(first - 1), t.get(last));
        } else if (last + 1 < t.size() && t.get(last + 1).type() == TokenType.WHITESPACE) {
            e.delete(t.get(first), t.get(last + 1));
        } else {
            e.delete(t.get(first), t.get(last));
        }
    }

    /** @return the index of the ')' matching the '(' at {@code open}, or -1 */
    static int matchingParen(StatementEditor e, int open) {
        List<Token> t = e.tokens();
        int depth = 0;
        for (int i = open; i >= 0; i = e.next(i)) {
            if (t.get(i).isOperator("(")) {
                depth++;
            } else if (t.get(i).isOperator(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index after a possibly qualified name starting at {@code i} (name [. name]) */
    static int afterName(StatementEditor e, int i) {
        List<Token> t = e.tokens();
        int j = e.next(i);
        if (j >= 0 && t.get(j).isOperator(".")) {
            int k = e.next(j);
            return k >= 0 ? e.next(k) : -1;
        }
        return j;
    }

    static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }
}
