package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.sql.SqlLexer;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds SQL that MySQL 5.7 rejects in the text of views, routines, triggers and events, read as tokens (so words in
 * strings and comments do not count): common table expressions, window functions, LATERAL, JSON_TABLE and functions
 * added in 8.0. Stateless.
 */
final class NewerSql {
    private static final Set<String> FUNCTIONS_80 = Set.of("JSON_TABLE", "JSON_VALUE", "JSON_OVERLAPS", "JSON_SCHEMA_VALID",
            "JSON_SCHEMA_VALIDATION_REPORT", "REGEXP_LIKE", "REGEXP_INSTR", "REGEXP_REPLACE", "REGEXP_SUBSTR", "UUID_TO_BIN",
            "BIN_TO_UUID", "IS_UUID", "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD",
            "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "GROUPING", "STATEMENT_DIGEST", "STATEMENT_DIGEST_TEXT",
            "ST_LATFROMGEOHASH", "ST_TRANSFORM", "ST_FRECHETDISTANCE", "ST_HAUSDORFFDISTANCE", "ST_LINEINTERPOLATEPOINT");

    private NewerSql() {
    }

    /** @return what of the object's text needs MySQL 8.0 (e.g. "JSON_TABLE", "WITH (common table expression)") */
    static Set<String> in(String text) {
        List<Token> t = SqlLexer.tokenize(text, SqlOptions.DEFAULT).stream().filter(Token::isSignificant).toList();
        return in(t);
    }

    /** @return the same, for tokens already lexed (significant ones only) */
    static Set<String> in(List<Token> t) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (!k.isWord()) {
                continue;
            }
            String w = k.text().toUpperCase(Locale.ROOT);
            Token next = i + 1 < t.size() ? t.get(i + 1) : null;
            boolean call = next != null && next.isOperator("(");
            if (FUNCTIONS_80.contains(w) && call) {
                out.add(w + "()");
            } else if (w.equals("OVER") && next != null && (next.isOperator("(") || next.isName()) && i > 0
                    && t.get(i - 1).isOperator(")")) {
                out.add("window function (OVER)");
            } else if (w.equals("LATERAL") && next != null && (next.isOperator("(") || next.isWord("SELECT"))) {
                out.add("LATERAL");
            } else if (w.equals("WITH") && cte(t, i)) {
                out.add("WITH (common table expression)");
            }
        }
        return out;
    }

    /** {@code WITH [RECURSIVE] name [(columns)] AS (} */
    private static boolean cte(List<Token> t, int i) {
        int n = i + 1;
        if (n < t.size() && t.get(n).isWord("RECURSIVE")) {
            n++;
        }
        if (n >= t.size() || !t.get(n).isName() || t.get(n).isWord("ROLLUP") || t.get(n).isWord("CHECK")) {
            return false;
        }
        n++;
        if (n < t.size() && t.get(n).isOperator("(")) {
            while (n < t.size() && !t.get(n).isOperator(")")) {
                n++;
            }
            n++;
        }
        return n + 1 < t.size() && t.get(n).isWord("AS") && t.get(n + 1).isOperator("(");
    }
}
