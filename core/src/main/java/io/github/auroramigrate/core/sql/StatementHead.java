package io.github.auroramigrate.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The kind and the names a statement's first words reveal. Package-private: reached through {@link Statement}. */
final class StatementHead {
    /** Enough significant tokens for the longest head we read (a CREATE with DEFINER, ALGORITHM, SQL SECURITY). */
    static final int HEAD_TOKENS = 64;

    private static final Set<String> CREATE_MODIFIERS = Set.of("TEMPORARY", "AGGREGATE", "UNIQUE", "FULLTEXT",
            "SPATIAL", "ONLINE", "OFFLINE", "NONBLOCKING");
    private static final Set<String> INSERT_MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE",
            "INTO");

    final StatementKind kind;
    final ObjectName object;
    final List<ObjectName> tables;

    private StatementHead(StatementKind kind, ObjectName object, List<ObjectName> tables) {
        this.kind = kind;
        this.object = object;
        this.tables = List.copyOf(tables);
    }

    static StatementHead parse(String text, SqlOptions options) {
        List<Token> sig = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(text, options, HEAD_TOKENS)) {
            if (t.isSignificant()) {
                sig.add(t);
            }
        }
        return new Parser(sig).parse();
    }

    /** A cursor over significant tokens. */
    private static final class Parser {
        private final List<Token> t;
        private int i;

        Parser(List<Token> t) {
            this.t = t;
        }

        private String word() {
            return i < t.size() && t.get(i).isWord() ? t.get(i).text().toUpperCase(Locale.ROOT) : "";
        }

        private boolean accept(String w) {
            if (word().equals(w)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean acceptOp(String op) {
            if (i < t.size() && t.get(i).isOperator(op)) {
                i++;
                return true;
            }
            return false;
        }

        private ObjectName name() {
            if (i >= t.size() || !t.get(i).isName()) {
                return null;
            }
            String first = t.get(i++).name();
            if (i + 1 < t.size() && t.get(i).isOperator(".") && t.get(i + 1).isName()) {
                String second = t.get(i + 1).name();
                i += 2;
                return new ObjectName(first, second);
            }
            return new ObjectName(null, first);
        }

        StatementHead parse() {
            String w = word();
            i++;
            return switch (w) {
                case "CREATE" -> create();
                case "DROP" -> drop();
                case "ALTER" -> alter();
                case "INSERT" -> into(StatementKind.INSERT);
                case "REPLACE" -> into(StatementKind.REPLACE);
                case "LOCK" -> lock();
                case "UNLOCK" -> simple(StatementKind.UNLOCK_TABLES);
                case "USE" -> new StatementHead(StatementKind.USE, name(), List.of());
                case "TRUNCATE" -> {
                    accept("TABLE");
                    ObjectName n = name();
                    yield new StatementHead(StatementKind.TRUNCATE, n, n == null ? List.of() : List.of(n));
                }
                case "SET" -> simple(StatementKind.SET);
                case "SELECT", "WITH" -> simple(StatementKind.SELECT);
                case "UPDATE" -> simple(StatementKind.UPDATE);
                case "DELETE" -> simple(StatementKind.DELETE);
                case "CHANGE" -> word().equals("MASTER") || word().equals("REPLICATION")
                        ? simple(StatementKind.CHANGE_REPLICATION_SOURCE) : simple(StatementKind.OTHER);
                default -> simple(StatementKind.OTHER);
            };
        }

        private static StatementHead simple(StatementKind kind) {
            return new StatementHead(kind, null, List.of());
        }

        /** Skips DEFINER = account. */
        private void skipAccount() {
            if (accept("CURRENT_USER")) {
                if (acceptOp("(")) {
                    acceptOp(")");
                }
                return;
            }
            if (i < t.size()) {
                i++;                                   // user part
            }
            if (i < t.size() && t.get(i).type() == TokenType.VARIABLE && t.get(i).text().startsWith("@")) {
                i++;                                   // @host lexed as a variable
            } else if (acceptOp("@") && i < t.size()) {
                i++;                                   // host part
            }
        }

        private StatementHead create() {
            boolean more = true;
            while (more && i < t.size()) {
                String w = word();
                if (w.equals("OR")) {
                    i++;
                    accept("REPLACE");
                } else if (w.equals("ALGORITHM")) {
                    i++;
                    acceptOp("=");
                    i++;
                } else if (w.equals("DEFINER")) {
                    i++;
                    acceptOp("=");
                    skipAccount();
                } else if (w.equals("SQL")) {
                    i++;
                    accept("SECURITY");
                    i++;
                } else if (CREATE_MODIFIERS.contains(w)) {
                    i++;
                } else {
                    more = false;
                }
            }
            String object = word();
            i++;
            StatementKind kind = switch (object) {
                case "TABLE" -> StatementKind.CREATE_TABLE;
                case "VIEW" -> StatementKind.CREATE_VIEW;
                case "PROCEDURE" -> StatementKind.CREATE_PROCEDURE;
                case "FUNCTION" -> StatementKind.CREATE_FUNCTION;
                case "TRIGGER" -> StatementKind.CREATE_TRIGGER;
                case "EVENT" -> StatementKind.CREATE_EVENT;
                case "DATABASE", "SCHEMA" -> StatementKind.CREATE_DATABASE;
                case "SEQUENCE" -> StatementKind.CREATE_SEQUENCE;
                case "INDEX" -> StatementKind.CREATE_INDEX;
                default -> StatementKind.CREATE_OTHER;
            };
            if (accept("IF")) {
                accept("NOT");
                accept("EXISTS");
            }
            ObjectName n = name();
            List<ObjectName> tables = new ArrayList<>();
            if (kind == StatementKind.CREATE_TABLE && n != null) {
                tables.add(n);
            } else if (kind == StatementKind.CREATE_TRIGGER || kind == StatementKind.CREATE_INDEX) {
                while (i < t.size() && !word().equals("ON")) {
                    i++;
                }
                if (accept("ON")) {
                    ObjectName table = name();
                    if (table != null) {
                        // a trigger's table lives in the trigger's schema
                        tables.add(table.schema() == null && n != null && n.schema() != null
                                ? new ObjectName(n.schema(), table.name()) : table);
                    }
                }
            }
            return new StatementHead(kind, n, tables);
        }

        private StatementHead drop() {
            accept("TEMPORARY");
            String object = word();
            i++;
            StatementKind kind = switch (object) {
                case "TABLE", "TABLES" -> StatementKind.DROP_TABLE;
                case "VIEW" -> StatementKind.DROP_VIEW;
                default -> StatementKind.DROP_OTHER;
            };
            if (accept("IF")) {
                accept("EXISTS");
            }
            List<ObjectName> names = new ArrayList<>();
            ObjectName n = name();
            while (n != null) {
                names.add(n);
                n = acceptOp(",") ? name() : null;
            }
            return new StatementHead(kind, names.isEmpty() ? null : names.get(0),
                    kind == StatementKind.DROP_TABLE ? names : List.of());
        }

        private StatementHead alter() {
            while (word().equals("ONLINE") || word().equals("OFFLINE") || word().equals("IGNORE")) {
                i++;
            }
            if (accept("TABLE")) {
                ObjectName n = name();
                return new StatementHead(StatementKind.ALTER_TABLE, n, n == null ? List.of() : List.of(n));
            }
            return simple(StatementKind.ALTER_OTHER);
        }

        private StatementHead into(StatementKind kind) {
            while (INSERT_MODIFIERS.contains(word())) {
                i++;
            }
            ObjectName n = name();
            return new StatementHead(kind, n, n == null ? List.of() : List.of(n));
        }

        private StatementHead lock() {
            if (!accept("TABLES") && !accept("TABLE")) {
                return simple(StatementKind.OTHER);
            }
            List<ObjectName> names = new ArrayList<>();
            while (i < t.size()) {
                ObjectName n = name();
                if (n == null) {
                    break;
                }
                names.add(n);
                while (i < t.size() && !t.get(i).isOperator(",")) {
                    i++;                               // alias and lock type
                }
                if (!acceptOp(",")) {
                    break;
                }
            }
            return new StatementHead(StatementKind.LOCK_TABLES, names.isEmpty() ? null : names.get(0), names);
        }
    }
}
