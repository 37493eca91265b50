package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Removes or replaces the {@code DEFINER=...} clause of CREATE/ALTER VIEW, PROCEDURE, FUNCTION, TRIGGER and EVENT
 * statements - the handbook's {@code ERROR 1227 (42000) at line 884} fix, done on tokens instead of
 * {@code perl -pe 's/\sDEFINER=[^`]+@`[^`]+`//'}. Built by {@link Transforms#stripDefiners()} and
 * {@link Transforms#replaceDefiners(String)}.
 *
 * <pre>{@code
 * /*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER * /          ->  /*!50013 SQL SECURITY DEFINER * /
 * /*!50003 CREATE* / /*!50017 DEFINER=`u`@`%`* / /*!50003 TRIGGER ..  ->  /*!50003 CREATE* / /*!50003 TRIGGER ..
 * CREATE DEFINER=`u`@`%` PROCEDURE p() ...                           ->  CREATE PROCEDURE p() ...
 * Transforms.stripDefiners().sqlSecurityInvoker(true):
 * /*!50013 DEFINER=`u`@`%` SQL SECURITY DEFINER * /                 ->  /*!50013 SQL SECURITY INVOKER * /
 * }</pre>
 *
 * <p>Only the statement head (the words between CREATE/ALTER and the object keyword) is touched: DEFINER-like
 * text in string literals, comments and routine bodies stays as it is. Without a DEFINER clause the server uses
 * the loading account, so objects with {@code SQL SECURITY DEFINER} then run with its privileges;
 * {@link #sqlSecurityInvoker(boolean)} makes views and routines run with the caller's privileges instead
 * (triggers and events have no SQL SECURITY). Report counters: {@code "definer removed"},
 * {@code "definer replaced"}, {@code "sql security set to invoker"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DefinerTransform implements Transform {
    private static final Set<StatementKind> KINDS = Set.of(StatementKind.CREATE_VIEW,
            StatementKind.CREATE_PROCEDURE, StatementKind.CREATE_FUNCTION, StatementKind.CREATE_TRIGGER,
            StatementKind.CREATE_EVENT, StatementKind.ALTER_OTHER);
    private static final Set<String> CHARACTERISTICS = Set.of("COMMENT", "LANGUAGE", "NOT", "DETERMINISTIC",
            "CONTAINS", "NO", "READS", "MODIFIES", "SQL");
    private static final Set<String> TYPE_ATTRIBUTES = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "BINARY", "ASCII",
            "UNICODE", "BYTE", "VARYING", "PRECISION");

    private final String account;
    private final boolean invoker;

    DefinerTransform(String account, boolean invoker) {
        this.account = account;
        this.invoker = invoker;
    }

    /**
     * @param value whether to also set {@code SQL SECURITY INVOKER} on views and routines (replacing
     *              {@code SQL SECURITY DEFINER}, or adding the clause); default false
     * @return a copy with that setting
     */
    public DefinerTransform sqlSecurityInvoker(boolean value) {
        return new DefinerTransform(account, value);
    }

    /** Definers become the loading account (or the replacement account); with the option, SQL SECURITY INVOKER. */
    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String definer(String definer) {
                return account == null || account.startsWith("CURRENT_USER") ? null
                        : account.replace("`@`", "@").replaceAll("^`|`$", "").replace("``", "`");
            }

            @Override
            public String sqlSecurity(String security) {
                return invoker ? "INVOKER" : security;
            }
        };
    }

    @Override
    public String name() {
        return account == null ? "stripDefiners" : "replaceDefiners";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (!KINDS.contains(s.kind())) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        Heads.StoredObjectHead h = Heads.storedObject(e);
        if (h == null) {
            return List.of(s);
        }
        List<Token> t = e.tokens();
        if (h.definer() >= 0) {
            if (account == null) {
                Heads.deleteClause(e, h.definer(), h.definerEnd());
                ctx.count("definer removed");
            } else {
                e.replace(t.get(h.accountStart()), t.get(h.definerEnd()), account);
                ctx.count("definer replaced");
            }
        }
        if (invoker) {
            setInvoker(e, h, ctx);
        }
        return List.of(e.apply());
    }

    private void setInvoker(StatementEditor e, Heads.StoredObjectHead h, TransformContext ctx) {
        List<Token> t = e.tokens();
        switch (h.objectWord()) {
            case "VIEW" -> {
                if (h.securityValue() >= 0) {
                    if (!t.get(h.securityValue()).isWord("INVOKER")) {
                        e.replace(t.get(h.securityValue()), "INVOKER");
                        ctx.count("sql security set to invoker");
                    }
                } else {
                    e.insertBefore(t.get(h.object()), "SQL SECURITY INVOKER ");
                    ctx.count("sql security set to invoker");
                }
            }
            case "PROCEDURE", "FUNCTION" -> routineInvoker(e, h, ctx);
            default -> {
                // triggers and events always run as their definer
            }
        }
    }

    private void routineInvoker(StatementEditor e, Heads.StoredObjectHead h, TransformContext ctx) {
        List<Token> t = e.tokens();
        int name = e.next(h.object());
        int open = name < 0 ? -1 : Heads.afterName(e, name);
        if (open < 0 || !t.get(open).isOperator("(")) {
            ctx.untranslatable(e.statement(), "could not find the parameter list to set SQL SECURITY INVOKER");
            return;
        }
        int i = e.next(Heads.matchingParen(e, open));
        if (i >= 0 && h.objectWord().equals("FUNCTION") && t.get(i).isWord("RETURNS")) {
            i = skipType(e, e.next(i));
        }
        while (i >= 0 && t.get(i).isWord() && CHARACTERISTICS.contains(Heads.upper(t.get(i)))) {
            String w = Heads.upper(t.get(i));
            if (w.equals("SQL") && e.next(i) >= 0 && t.get(e.next(i)).isWord("SECURITY")) {
                int value = e.next(e.next(i));
                if (value >= 0 && !t.get(value).isWord("INVOKER")) {
                    e.replace(t.get(value), "INVOKER");
                    ctx.count("sql security set to invoker");
                }
                return;
            }
            i = switch (w) {
                case "COMMENT", "LANGUAGE", "NOT", "CONTAINS", "NO" -> e.next(e.next(i));
                case "READS", "MODIFIES" -> e.next(e.next(e.next(i)));
                default -> e.next(i);
            };
        }
        if (i < 0) {
            ctx.untranslatable(e.statement(), "could not find the routine body to set SQL SECURITY INVOKER");
            return;
        }
        e.insertBefore(t.get(i), "SQL SECURITY INVOKER ");
        ctx.count("sql security set to invoker");
    }

    /** @return the index after a data type: name [(...)] [attributes] [CHARSET x | CHARACTER SET x] [COLLATE x] */
    private static int skipType(StatementEditor e, int i) {
        List<Token> t = e.tokens();
        if (i < 0) {
            return -1;
        }
        i = e.next(i);
        if (i >= 0 && t.get(i).isOperator("(")) {
            i = e.next(Heads.matchingParen(e, i));
        }
        while (i >= 0 && t.get(i).isWord()) {
            String w = Heads.upper(t.get(i));
            if (TYPE_ATTRIBUTES.contains(w)) {
                i = e.next(i);
            } else if (w.equals("CHARSET") || w.equals("COLLATE")) {
                i = e.next(e.next(i));
            } else if (w.equals("CHARACTER") && e.next(i) >= 0 && t.get(e.next(i)).isWord("SET")) {
                i = e.next(e.next(e.next(i)));
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Parses an account given as {@code user@host}, {@code 'user'@'host'}, {@code `user`@`host`} or
     * {@code CURRENT_USER}, and renders it the way mysqldump does.
     */
    static String account(String text) {
        Objects.requireNonNull(text, "account");
        String a = text.strip();
        if (a.equalsIgnoreCase("CURRENT_USER") || a.equalsIgnoreCase("CURRENT_USER()")) {
            return a.toUpperCase(Locale.ROOT);
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            throw new IllegalArgumentException("account must be user@host (e.g. master@%), was '" + text + "'");
        }
        String user = SqlText.unquote(a.substring(0, at), false);
        String host = SqlText.unquote(a.substring(at + 1), false);
        if (user.isEmpty() || host.isEmpty()) {
            throw new IllegalArgumentException("account must be user@host (e.g. master@%), was '" + text + "'");
        }
        return SqlText.quoteIdentifier(user) + "@" + SqlText.quoteIdentifier(host);
    }
}
