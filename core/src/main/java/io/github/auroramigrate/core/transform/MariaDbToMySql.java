package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes MariaDB dumps loadable by MySQL (and Aurora MySQL) where that is faithful, and reports what is not.
 * Built by {@link Transforms#mariaDbToMySql()}.
 *
 * <pre>{@code
 * /*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 * /;  -> (dropped: only a MariaDB comment)
 * ) ENGINE=InnoDB ... PAGE_CHECKSUM=1 TRANSACTIONAL=1;                       -> ) ENGINE=InnoDB ...;
 * CREATE SEQUENCE `seq1` start with 100 ...;                                 -> (dropped, reported)
 * DO SETVAL(`seq1`, 100, 0);                                                 -> (dropped, reported)
 * }</pre>
 *
 * <ul>
 *   <li>{@code /*M!NNNNNN ... * /} comments are code only for MariaDB; MySQL ignores them, and a statement made of
 *       nothing else fails there with "Query was empty" (1065). They are removed, and such statements
 *       dropped.</li>
 *   <li>{@code PAGE_CHECKSUM} and {@code TRANSACTIONAL} table options (Aria) are syntax errors on MySQL: removed.
 *       Convert Aria tables themselves with {@link Transforms#forceInnoDb()}.</li>
 *   <li>Sequences have no MySQL equivalent: {@code CREATE/DROP SEQUENCE} and {@code SETVAL}/{@code NEXTVAL}
 *       statements are dropped and reported; replace them with AUTO_INCREMENT columns or a counter table.</li>
 *   <li>Index and default syntax MySQL 8.0 spells differently, meaning the same: an {@code IGNORED} index becomes
 *       {@code INVISIBLE}; an expression default without parentheses ({@code DEFAULT uuid()}) and a literal
 *       default of a TEXT, BLOB, JSON or spatial column ({@code DEFAULT 'x'}, which MySQL takes only as an
 *       expression and otherwise drops with a warning) get parentheses: {@code DEFAULT (uuid())},
 *       {@code DEFAULT ('x')}. MySQL 5.7 has neither invisible indexes nor expression defaults (see
 *       {@link Transforms#downgradeTo(TargetVersion)}).</li>
 *   <li>Reported, left as they are (the target will reject them): {@code INET4}/{@code INET6}/{@code UUID}
 *       column types (map them with {@link Transforms#mapMariaDbTypes()}), {@code WITH SYSTEM VERSIONING},
 *       {@code DEFAULT NEXTVAL(...)}.</li>
 * </ul>
 *
 * <p>Collations: use {@link Transforms#mapCollations(TargetVersion)} as well. Report counters:
 * {@code "statement dropped"}, {@code "comment removed"}, {@code "option removed"}, {@code "ignored index made
 * invisible"}, {@code "default parenthesized"}. Immutable and thread-safe.
 */
final class MariaDbToMySql implements Transform {
    private static final Set<String> ARIA_OPTIONS = Set.of("PAGE_CHECKSUM", "TRANSACTIONAL");
    private static final Set<String> MARIADB_TYPES = Set.of("INET4", "INET6", "UUID");

    /** Removes the Aria options {@code page_checksum} and {@code transactional} from every table. */
    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String tableOption(String engine, String option, String value) {
                return ARIA_OPTIONS.contains(option.toUpperCase(java.util.Locale.ROOT)) ? null : value;
            }
        };
    }

    @Override
    public String name() {
        return "mariaDbToMySql";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        StatementKind kind = s.kind();
        if (kind == StatementKind.CREATE_SEQUENCE || sequenceStatement(s)) {
            ctx.untranslatable(s, "MariaDB sequences have no MySQL equivalent; statement dropped (use an"
                    + " AUTO_INCREMENT column or a counter table)");
            ctx.count("statement dropped");
            return List.of();
        }
        boolean mariaComment = s.text().contains("/*M!");
        boolean table = kind == StatementKind.CREATE_TABLE || kind == StatementKind.ALTER_TABLE;
        if (!mariaComment && !table) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        boolean anythingElse = false;
        int depth = 0;
        List<int[]> removed = new java.util.ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.type() == TokenType.VERSIONED_COMMENT_OPEN && k.isMariaDbComment()) {
                int close = i;
                while (close < t.size() && t.get(close).type() != TokenType.VERSIONED_COMMENT_CLOSE) {
                    close++;
                }
                close = Math.min(close, t.size() - 1);
                e.delete(k, t.get(close));
                ctx.count("comment removed");
                removed.add(new int[] {i, close});
                i = close;
                continue;
            }
            if (k.isSignificant()) {
                anythingElse = true;
            }
            if (!table) {
                continue;
            }
            if (k.isOperator("(")) {
                depth++;
            } else if (k.isOperator(")")) {
                depth--;
            } else if (depth == 0 && k.isWord() && ARIA_OPTIONS.contains(Heads.upper(k))) {
                int eq = e.next(i);
                int v = eq >= 0 && t.get(eq).isOperator("=") ? e.next(eq) : eq;
                if (v >= 0 && (t.get(v).type() == TokenType.NUMBER || t.get(v).isWord())) {
                    Heads.deleteClause(e, i, v);
                    ctx.count("option removed");
                    i = v;
                }
            } else if (k.isWord() && MARIADB_TYPES.contains(Heads.upper(k)) && depth == 1) {
                int prev = e.previous(i);
                if (prev >= 0 && t.get(prev).isName()) {
                    ctx.untranslatable(s, "column type " + k.text() + " exists only in MariaDB; map it with"
                            + " Transforms.mapMariaDbTypes()");
                }
            } else if (k.isWord("SYSTEM") && e.next(i) >= 0 && t.get(e.next(i)).isWord("VERSIONING")) {
                ctx.untranslatable(s, "WITH SYSTEM VERSIONING exists only in MariaDB");
            } else if (k.isWord("NEXTVAL") || k.isWord("SETVAL") || k.isWord("LASTVAL")) {
                ctx.untranslatable(s, "sequence function " + k.text() + " exists only in MariaDB");
            }
        }
        if (!anythingElse) {
            ctx.count("statement dropped");
            return List.of();
        }
        if (table) {
            definitions(e, s, ctx, removed);
        }
        return List.of(e.apply());
    }

    /** IGNORED indexes become INVISIBLE; expression defaults and defaults of TEXT/BLOB columns get parentheses. */
    private static void definitions(StatementEditor e, Statement s, TransformContext ctx, List<int[]> removed) {
        List<Token> t = e.tokens();
        for (TableDdl.Use u : TableDdl.scan(e)) {
            if (removed.stream().anyMatch(r -> u.first() <= r[1] && u.last() >= r[0])) {
                continue;                            // inside a MariaDB comment removed above
            }
            switch (u.construct()) {
                case IGNORED_INDEX -> {
                    e.replace(t.get(u.first()), "INVISIBLE");
                    ctx.count("ignored index made invisible");
                }
                case BARE_EXPRESSION_DEFAULT, LOB_LITERAL_DEFAULT -> {
                    e.insertBefore(t.get(u.first()), "(");
                    e.insertAfter(t.get(u.last()), ")");
                    ctx.count("default parenthesized");
                }
                default -> {
                }
            }
        }
    }

    /** {@code DROP SEQUENCE}, {@code DO SETVAL(...)}, {@code SELECT SETVAL/NEXTVAL(...)}. */
    private static boolean sequenceStatement(Statement s) {
        List<Token> head = s.headTokens(3).stream().filter(Token::isSignificant).toList();
        if (head.size() < 2) {
            return false;
        }
        String a = head.get(0).text().toUpperCase(Locale.ROOT);
        String b = head.get(1).text().toUpperCase(Locale.ROOT);
        return (a.equals("DROP") && b.equals("SEQUENCE"))
                || ((a.equals("DO") || a.equals("SELECT")) && (b.equals("SETVAL") || b.equals("NEXTVAL")));
    }
}
