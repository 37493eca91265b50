package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlText;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;

import java.util.List;
import java.util.Objects;

/**
 * Renames a schema: in {@code CREATE/ALTER/DROP DATABASE}, {@code USE}, and every qualified name
 * {@code from.x} (tables, views, routines, {@code from.*} in GRANT) in DDL, DML, view and routine bodies. Only
 * identifiers change, never string literals or comments. Built by {@link Transforms#renameSchema(String, String)}.
 *
 * <pre>{@code
 * CREATE DATABASE /*!32312 IF NOT EXISTS* / `shop` ...    ->  CREATE DATABASE /*!32312 IF NOT EXISTS* / `shop_copy` ...
 * USE `shop`;                                            ->  USE `shop_copy`;
 * INSERT INTO `shop`.`t1` VALUES (1,'shop.t1');          ->  INSERT INTO `shop_copy`.`t1` VALUES (1,'shop.t1');
 * }</pre>
 *
 * <p>Names compare exactly (case-sensitive, as with {@code lower_case_table_names=0}). A limitation every
 * token-level rename shares: in {@code a.b}, {@code a} may be a schema or a table (or alias) and only a parser
 * with the catalogue can tell; a table or alias named exactly like the schema would be renamed too. In INSERT and
 * REPLACE statements over 64 KiB (extended INSERTs of data) only the head is rewritten, so the data is never
 * lexed. Report counter: {@code "name renamed"}. Immutable and thread-safe.
 */
final class SchemaRename implements Transform {
    private static final int BIG_INSERT = 64 * 1024;

    private final String from;
    private final String to;

    SchemaRename(String from, String to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("schema names must not be empty");
        }
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String schema(String schema) {
                return schema.equals(from) ? to : schema;
            }
        };
    }

    @Override
    public String name() {
        return "renameSchema";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (!s.text().contains(from)) {
            return List.of(s);                     // cheap exit: the name is not even in the text
        }
        boolean headOnly = (s.kind() == StatementKind.INSERT || s.kind() == StatementKind.REPLACE)
                && s.text().length() > BIG_INSERT;
        StatementEditor e = headOnly ? null : StatementEditor.of(s);
        if (headOnly) {
            String head = s.headTokens(16).stream().map(Token::text).reduce("", String::concat);
            Statement prefix = s.withText(head);
            StatementEditor h = StatementEditor.of(prefix);
            int n = rename(h, s.kind());
            if (n == 0) {
                return List.of(s);
            }
            ctx.count("name renamed", n);
            return List.of(s.withText(h.text() + s.text().substring(head.length())));
        }
        int n = rename(e, s.kind());
        if (n == 0) {
            return List.of(s);
        }
        ctx.count("name renamed", n);
        return List.of(e.apply());
    }

    private int rename(StatementEditor e, StatementKind kind) {
        List<Token> t = e.tokens();
        int count = 0;
        int first = e.next(-1);
        if (first < 0) {
            return 0;
        }
        // USE from / CREATE|ALTER|DROP DATABASE|SCHEMA [IF [NOT] EXISTS] from
        if (kind == StatementKind.USE || kind == StatementKind.CREATE_DATABASE || databaseStatement(e, first)) {
            int i = e.next(first);
            while (i >= 0 && (t.get(i).isWord("DATABASE") || t.get(i).isWord("SCHEMA") || t.get(i).isWord("IF")
                    || t.get(i).isWord("NOT") || t.get(i).isWord("EXISTS"))) {
                i = e.next(i);
            }
            if (i >= 0 && t.get(i).isName() && t.get(i).name().equals(from)) {
                e.replace(t.get(i), SqlText.quoteIdentifier(to));
                return 1;
            }
        }
        for (int i = first; i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (!k.isName() || !k.name().equals(from)) {
                continue;
            }
            int dot = e.next(i);
            int prev = e.previous(i);
            if (dot == i + 1 && t.get(dot).isOperator(".") && (prev < 0 || !t.get(prev).isOperator("."))) {
                int member = e.next(dot);
                if (member == dot + 1 && (t.get(member).isName() || t.get(member).isOperator("*"))) {
                    e.replace(k, SqlText.quoteIdentifier(to));
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean databaseStatement(StatementEditor e, int first) {
        List<Token> t = e.tokens();
        if (!(t.get(first).isWord("ALTER") || t.get(first).isWord("DROP"))) {
            return false;
        }
        int second = e.next(first);
        return second >= 0 && (t.get(second).isWord("DATABASE") || t.get(second).isWord("SCHEMA"));
    }
}
