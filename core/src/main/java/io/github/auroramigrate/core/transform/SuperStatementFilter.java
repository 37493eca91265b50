package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlLexer;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops what needs SUPER (or a dynamic privilege Aurora's master user lacks) and so fails with
 * {@code ERROR 1227} on Aurora: {@code SET GLOBAL}/{@code SET PERSIST} and {@code @@GLOBAL.} assignments,
 * restricted session variables ({@code sql_log_bin}, {@code gtid_next}, {@code binlog_format}...),
 * {@code SET @@GLOBAL.GTID_PURGED} in every form mysqldump writes (including {@code /*!80000 '+'* /}), MariaDB's
 * {@code SET GLOBAL gtid_slave_pos}, and replication control ({@code CHANGE MASTER/REPLICATION SOURCE TO},
 * {@code START/STOP SLAVE|REPLICA}, {@code RESET MASTER/SLAVE/REPLICA}, {@code PURGE BINARY LOGS}). Built by
 * {@link Transforms#dropSuperStatements()}.
 *
 * <pre>{@code
 * SET @@SESSION.SQL_LOG_BIN= 0;                                           -> dropped
 * SET @@GLOBAL.GTID_PURGED=/*!80000 '+'* / 'uuid:1-27';                   -> dropped, "uuid:1-27" captured
 * /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 * /   -> kept (session variables)
 * SET @a = 1, GLOBAL max_connections = 10;                                -> SET @a = 1
 * }</pre>
 *
 * <p>Values the dropped statements carried are kept in the report ({@link TransformReport#captured()}), so the
 * caller can point replication at them: {@link TransformReport#GTID_PURGED} (whitespace removed; set it on the
 * target with {@code mysql.rds_set_external_master_with_auto_position} or replication's own API),
 * {@link TransformReport#GTID_SLAVE_POS}, {@link TransformReport#SOURCE_LOG_FILE} and
 * {@link TransformReport#SOURCE_LOG_POS} (also read from mysqldump's commented
 * {@code -- CHANGE MASTER TO ...} lines written by {@code --master-data=2}). Reading a variable
 * ({@code SET @saved = @@SESSION.SQL_LOG_BIN}) needs no privilege and stays.
 *
 * <p>Report counters: {@code "statement dropped"}, {@code "assignment removed"}. Immutable and thread-safe.
 */
final class SuperStatementFilter implements Transform {
    private static final Set<String> GLOBAL_SCOPES = Set.of("GLOBAL", "PERSIST", "PERSIST_ONLY");
    private static final Set<String> SCOPES = Set.of("GLOBAL", "PERSIST", "PERSIST_ONLY", "SESSION", "LOCAL");
    /** Session variables only SUPER / SYSTEM_VARIABLES_ADMIN / REPLICATION_APPLIER may set. */
    private static final Set<String> RESTRICTED_SESSION = Set.of("SQL_LOG_BIN", "SQL_LOG_OFF", "GTID_NEXT",
            "BINLOG_FORMAT", "BINLOG_ROW_IMAGE", "BINLOG_ROW_VALUE_OPTIONS",
            "BINLOG_DIRECT_NON_TRANSACTIONAL_UPDATES", "PSEUDO_SLAVE_MODE", "PSEUDO_REPLICA_MODE", "GTID_PURGED",
            "GTID_SLAVE_POS", "GTID_EXECUTED");
    private static final Set<String> NOT_ASSIGNMENTS = Set.of("NAMES", "CHARACTER", "CHARSET", "TRANSACTION",
            "PASSWORD", "DEFAULT", "ROLE", "STATEMENT", "RESOURCE");

    @Override
    public String name() {
        return "dropSuperStatements";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        captureFromComments(s, ctx);
        return switch (s.kind()) {
            case SET -> set(s, ctx);
            case CHANGE_REPLICATION_SOURCE -> {
                captureCoordinates(SqlLexer.tokenize(s.text(), s.options()), ctx);
                yield drop(ctx);
            }
            case OTHER -> replicationControl(s) ? drop(ctx) : List.of(s);
            default -> List.of(s);
        };
    }

    private static List<Statement> drop(TransformContext ctx) {
        ctx.count("statement dropped");
        return List.of();
    }

    private static boolean replicationControl(Statement s) {
        List<String> w = new ArrayList<>();
        for (Token t : s.headTokens(3)) {
            if (t.isSignificant()) {
                w.add(t.isWord() ? Heads.upper(t) : t.text());
            }
        }
        if (w.size() < 2) {
            return false;
        }
        String a = w.get(0);
        String b = w.get(1);
        if (a.equals("START") || a.equals("STOP")) {
            return b.equals("SLAVE") || b.equals("REPLICA") || b.equals("ALL");
        }
        if (a.equals("RESET")) {
            return b.equals("MASTER") || b.equals("SLAVE") || b.equals("REPLICA") || b.equals("BINARY");
        }
        return a.equals("PURGE") && (b.equals("BINARY") || b.equals("MASTER"));
    }

    /** One assignment of a SET: its token range and what it sets. */
    private record Assignment(int first, int last, String scope, String variable, int valueFirst) {
    }

    private List<Statement> set(Statement s, TransformContext ctx) {
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        int set = e.next(-1);
        int i = e.next(set);
        if (i < 0 || (t.get(i).isWord() && NOT_ASSIGNMENTS.contains(Heads.upper(t.get(i))))) {
            return List.of(s);
        }
        List<Assignment> assignments = assignments(e, i);
        List<Assignment> restricted = new ArrayList<>();
        for (Assignment a : assignments) {
            if (GLOBAL_SCOPES.contains(a.scope()) || RESTRICTED_SESSION.contains(a.variable())) {
                restricted.add(a);
                capture(e, a, ctx);
            }
        }
        if (restricted.isEmpty()) {
            return List.of(s);
        }
        if (restricted.size() == assignments.size()) {
            return drop(ctx);
        }
        // delete runs of consecutive restricted assignments, each with one comma next to it
        int k = 0;
        while (k < assignments.size()) {
            if (!restricted.contains(assignments.get(k))) {
                k++;
                continue;
            }
            int end = k;
            while (end + 1 < assignments.size() && restricted.contains(assignments.get(end + 1))) {
                end++;
            }
            int first = assignments.get(k).first();
            int last = assignments.get(end).last();
            int prev = e.previous(first);
            int next = e.next(last);
            if (prev >= 0 && t.get(prev).isOperator(",")) {
                first = prev;                      // ", GLOBAL x = 1"
            } else if (next >= 0 && t.get(next).isOperator(",")) {
                last = next;                       // "GLOBAL x = 1, "
                if (last + 1 < t.size() && t.get(last + 1).type() == TokenType.WHITESPACE) {
                    last++;
                }
            }
            e.delete(t.get(first), t.get(last));
            ctx.count("assignment removed", end - k + 1L);
            k = end + 1;
        }
        // a removed "GLOBAL" keyword must not change the scope of the assignments after it: they were
        // restricted too (a scope word applies to the assignments that follow it) and are removed as well
        return List.of(e.apply());
    }

    private static List<Assignment> assignments(StatementEditor e, int start) {
        List<Token> t = e.tokens();
        List<Assignment> out = new ArrayList<>();
        String scope = "SESSION";
        int first = start;
        while (first >= 0) {
            int i = first;
            String variable;
            Token k = t.get(i);
            if (k.isWord() && SCOPES.contains(Heads.upper(k))) {
                scope = Heads.upper(k);
                i = e.next(i);
                if (i < 0) {
                    break;
                }
                k = t.get(i);
            }
            String ownScope = scope;
            if (k.type() == TokenType.VARIABLE && k.text().startsWith("@@")) {
                String v = k.text().substring(2).toUpperCase(Locale.ROOT);
                int dot = v.indexOf('.');
                if (dot > 0) {
                    ownScope = v.substring(0, dot);
                    v = v.substring(dot + 1);
                }
                variable = v;
            } else if (k.type() == TokenType.VARIABLE) {
                variable = "@" + k.text();          // user variable
                ownScope = "USER";
            } else {
                variable = k.name().toUpperCase(Locale.ROOT);
            }
            int eq = e.next(i);
            int valueFirst = eq >= 0 ? e.next(eq) : -1;
            // the assignment ends before the next comma at depth 0
            int depth = 0;
            int last = i;
            int j = e.next(i);
            while (j >= 0) {
                Token x = t.get(j);
                if (x.isOperator("(")) {
                    depth++;
                } else if (x.isOperator(")")) {
                    depth--;
                } else if (x.isOperator(",") && depth == 0) {
                    break;
                }
                last = j;
                j = e.next(j);
            }
            out.add(new Assignment(first, last, ownScope, variable, valueFirst));
            first = j < 0 ? -1 : e.next(j);
        }
        return out;
    }

    private static void capture(StatementEditor e, Assignment a, TransformContext ctx) {
        String key = switch (a.variable()) {
            case "GTID_PURGED" -> TransformReport.GTID_PURGED;
            case "GTID_SLAVE_POS" -> TransformReport.GTID_SLAVE_POS;
            default -> null;
        };
        if (key == null || a.valueFirst() < 0) {
            return;
        }
        List<Token> t = e.tokens();
        List<String> strings = new ArrayList<>();
        for (int i = a.valueFirst(); i >= 0 && i <= a.last(); i = e.next(i)) {
            if (t.get(i).type() == TokenType.STRING) {
                strings.add(t.get(i).name());
            }
        }
        if (strings.size() > 1 && strings.get(0).equals("+")) {
            strings.remove(0);                     // mysqldump 8.0: /*!80000 '+'*/ = append to gtid_purged
        }
        if (!strings.isEmpty()) {
            ctx.capture(key, String.join("", strings).replaceAll("\\s+", ""));
        }
    }

    private static void captureCoordinates(List<Token> tokens, TransformContext ctx) {
        List<Token> sig = tokens.stream().filter(Token::isSignificant).toList();
        for (int i = 0; i + 2 < sig.size(); i++) {
            if (!sig.get(i + 1).isOperator("=")) {
                continue;
            }
            Token v = sig.get(i + 2);
            String key = Heads.upper(sig.get(i));
            if (key.equals("MASTER_LOG_FILE") || key.equals("SOURCE_LOG_FILE")) {
                ctx.capture(TransformReport.SOURCE_LOG_FILE, v.name());
            } else if (key.equals("MASTER_LOG_POS") || key.equals("SOURCE_LOG_POS")) {
                ctx.capture(TransformReport.SOURCE_LOG_POS, v.text());
            }
        }
    }

    /** mysqldump --master-data=2 and mariadb-dump write the coordinates as comments; read them too. */
    private static void captureFromComments(Statement s, TransformContext ctx) {
        String leading = s.leading();
        if (!leading.contains("CHANGE MASTER") && !leading.contains("CHANGE REPLICATION")
                && !leading.contains("gtid_slave_pos")) {
            return;
        }
        for (Token c : SqlLexer.tokenize(leading, s.options())) {
            if (c.type() != TokenType.COMMENT || !c.text().startsWith("-- ")) {
                continue;
            }
            String body = c.text().substring(3).strip();
            List<Token> tokens = SqlLexer.tokenize(body, s.options());
            if (body.startsWith("CHANGE MASTER") || body.startsWith("CHANGE REPLICATION")) {
                captureCoordinates(tokens, ctx);
            } else if (body.startsWith("SET GLOBAL gtid_slave_pos")) {
                tokens.stream().filter(x -> x.type() == TokenType.STRING).findFirst()
                        .ifPresent(x -> ctx.capture(TransformReport.GTID_SLAVE_POS, x.name()));
            }
        }
    }
}
