package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.List;

/**
 * Removes {@code TABLESPACE x [STORAGE DISK|MEMORY]}, {@code DATA DIRECTORY='...'} and
 * {@code INDEX DIRECTORY='...'} from CREATE TABLE / ALTER TABLE (partition definitions included), and drops
 * {@code CREATE/ALTER/DROP TABLESPACE} statements: Aurora manages storage itself and rejects them. Built by
 * {@link Transforms#stripTablespaces()}.
 *
 * <pre>{@code
 * ) /*!50100 TABLESPACE `ts1` * / ENGINE=InnoDB                     ->  ) ENGINE=InnoDB
 * ) ENGINE=InnoDB DATA DIRECTORY='/tmp/fx/ddir80/';                  ->  ) ENGINE=InnoDB;
 * CREATE TABLESPACE ts1 ADD DATAFILE 'ts1.ibd' ENGINE=InnoDB;        ->  (dropped)
 * }</pre>
 *
 * <p>{@code ALTER TABLE ... DISCARD/IMPORT TABLESPACE} is left alone. Report counters: {@code "clause removed"},
 * {@code "statement dropped"}. Immutable and thread-safe.
 */
final class TablespaceStripper implements Transform {

    @Override
    public String name() {
        return "stripTablespaces";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        StatementKind kind = s.kind();
        if (kind == StatementKind.CREATE_OTHER || kind == StatementKind.ALTER_OTHER
                || kind == StatementKind.DROP_OTHER) {
            List<Token> head = s.headTokens(4).stream().filter(Token::isSignificant).toList();
            if (head.size() >= 2 && (head.get(1).isWord("TABLESPACE")
                    || (head.size() >= 3 && head.get(1).isWord("UNDO") && head.get(2).isWord("TABLESPACE")))) {
                ctx.count("statement dropped");
                return List.of();
            }
            return List.of(s);
        }
        if (kind != StatementKind.CREATE_TABLE && kind != StatementKind.ALTER_TABLE) {
            return List.of(s);
        }
        boolean create = kind == StatementKind.CREATE_TABLE;
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        int depth = 0;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                depth++;
            } else if (k.isOperator(")")) {
                depth--;
            } else if (k.isWord("DATA") || k.isWord("INDEX")) {
                int dir = e.next(i);
                if (dir >= 0 && t.get(dir).isWord("DIRECTORY")) {
                    int v = valueAfter(e, dir);
                    if (v >= 0 && t.get(v).type() == TokenType.STRING) {
                        Heads.deleteClause(e, i, v);
                        ctx.count("clause removed");
                        i = v;
                    }
                }
            } else if (k.isWord("TABLESPACE")) {
                int prev = e.previous(i);
                if (prev >= 0 && (t.get(prev).isWord("DISCARD") || t.get(prev).isWord("IMPORT"))) {
                    continue;
                }
                int eq = e.next(i);
                boolean hasEq = eq >= 0 && t.get(eq).isOperator("=");
                if (!hasEq && (depth > 0 || !create)) {
                    continue;                      // a column named tablespace
                }
                int v = valueAfter(e, i);
                if (v < 0 || !t.get(v).isName()) {
                    continue;
                }
                int last = v;
                int storage = e.next(v);
                if (storage >= 0 && t.get(storage).isWord("STORAGE") && e.next(storage) >= 0) {
                    last = e.next(storage);
                }
                Heads.deleteClause(e, i, last);
                ctx.count("clause removed");
                i = last;
            }
        }
        return List.of(e.apply());
    }

    /** @return the value index after {@code word [=]} */
    private static int valueAfter(StatementEditor e, int word) {
        int v = e.next(word);
        if (v >= 0 && e.tokens().get(v).isOperator("=")) {
            v = e.next(v);
        }
        return v;
    }
}
