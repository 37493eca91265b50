package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts tables to InnoDB in CREATE TABLE and ALTER TABLE statements (partition-level {@code ENGINE = ...}
 * included) and removes the table options InnoDB rejects or that only meant something to the old engine. Built by
 * {@link Transforms#forceInnoDb()}.
 *
 * <pre>{@code
 * ) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 PACK_KEYS=1 CHECKSUM=1 DELAY_KEY_WRITE=1 ROW_FORMAT=FIXED KEY_BLOCK_SIZE=8
 *   ->
 * ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC
 * }</pre>
 *
 * <p>Converted by default: {@code MyISAM} and MariaDB's {@code Aria} (alias {@code Maria}); choose others with
 * {@link #engines(String...)} (e.g. add {@code MEMORY} or {@code ARCHIVE}: Aurora keeps MEMORY tables, but they are
 * emptied on restart and not replicated by storage). {@code MERGE}/{@code MRG_MyISAM} tables are never converted:
 * they are views over MyISAM tables, an InnoDB table would be empty; they are reported as untranslatable.
 *
 * <p>What was measured on MySQL 8.0.31 and MariaDB 11.4.5 (strict mode) with {@code ENGINE=InnoDB}:
 * {@code ROW_FORMAT=FIXED} (MyISAM) and {@code ROW_FORMAT=PAGE} (Aria) fail (errors 1031/1005) and become
 * {@code DYNAMIC}; {@code KEY_BLOCK_SIZE=n} without {@code ROW_FORMAT=COMPRESSED} either fails (with another row
 * format) or silently makes the table COMPRESSED, so it is removed (index-level {@code KEY_BLOCK_SIZE} too);
 * {@code PACK_KEYS}, {@code DELAY_KEY_WRITE} and {@code CHECKSUM} are accepted and ignored, and removed from
 * converted tables; MariaDB's {@code PAGE_CHECKSUM} and {@code TRANSACTIONAL} are syntax errors on MySQL and are
 * removed from converted tables ({@link Transforms#mariaDbToMySql()} removes them everywhere). FULLTEXT and
 * SPATIAL indexes stay: InnoDB supports them. On tables that already are InnoDB (or name no engine), only what
 * would fail is fixed (FIXED/PAGE row format, KEY_BLOCK_SIZE beside a non-COMPRESSED row format).
 *
 * <p>Report counters: {@code "engine converted"}, {@code "row_format changed"}, {@code "option removed"}.
 * Immutable and thread-safe.
 */
public final class EngineTransform implements Transform {
    private static final Set<String> MYISAM_ONLY = Set.of("PACK_KEYS", "DELAY_KEY_WRITE", "CHECKSUM",
            "PAGE_CHECKSUM", "TRANSACTIONAL", "INSERT_METHOD", "UNION");
    private static final Set<String> OPTIONS = Set.of("ENGINE", "TYPE", "ROW_FORMAT", "KEY_BLOCK_SIZE", "PACK_KEYS",
            "DELAY_KEY_WRITE", "CHECKSUM", "PAGE_CHECKSUM", "TRANSACTIONAL", "INSERT_METHOD", "UNION");
    private static final Set<String> MERGE = Set.of("MERGE", "MRG_MYISAM");

    private final Set<String> engines;

    EngineTransform(Set<String> engines) {
        this.engines = engines.stream().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param names the engines to convert to InnoDB, case-insensitive (default MyISAM, Aria, Maria)
     * @return a copy converting exactly those
     * @throws IllegalArgumentException if none is given
     */
    public EngineTransform engines(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one engine");
        }
        return new EngineTransform(Set.copyOf(Arrays.asList(names)));
    }

    /**
     * Converted engines become InnoDB; on converted tables ROW_FORMAT FIXED/PAGE becomes DYNAMIC and KEY_BLOCK_SIZE
     * and the MyISAM/Aria-only options are removed.
     */
    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String engine(String engine) {
                return converts(engine) ? "InnoDB" : engine;
            }

            @Override
            public String tableOption(String engine, String option, String value) {
                String o = option.toUpperCase(Locale.ROOT);
                boolean converted = converts(engine);
                if (!converted && !"INNODB".equalsIgnoreCase(engine)) {
                    return value;
                }
                if (o.equals("ROW_FORMAT") && ("FIXED".equalsIgnoreCase(value) || "PAGE".equalsIgnoreCase(value))) {
                    return "DYNAMIC";
                }
                return converted && (o.equals("KEY_BLOCK_SIZE") || MYISAM_ONLY.contains(o)) ? null : value;
            }
        };
    }

    private boolean converts(String engine) {
        String e = engine == null ? "" : engine.toUpperCase(Locale.ROOT);
        return engines.contains(e) && !MERGE.contains(e);
    }

    @Override
    public String name() {
        return "forceInnoDb";
    }

    /** One table option: its word, its value tokens, and the paren depth it was found at. */
    private record Option(String name, int word, int valueFirst, int valueLast, int depth) {
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (s.kind() != StatementKind.CREATE_TABLE && s.kind() != StatementKind.ALTER_TABLE) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        List<Option> options = options(e, s.kind() == StatementKind.CREATE_TABLE);
        boolean converted = false;
        boolean innoDb = true;
        boolean compressed = false;
        for (Option o : options) {
            String value = Heads.upper(t.get(o.valueFirst())).replace("'", "").replace("\"", "");
            if (o.name().equals("ENGINE") || o.name().equals("TYPE")) {
                if (engines.contains(value) && !MERGE.contains(value)) {
                    e.replace(t.get(o.valueFirst()), "InnoDB");
                    ctx.count("engine converted");
                    converted = true;
                } else if (MERGE.contains(value)) {
                    ctx.untranslatable(s, "ENGINE=" + t.get(o.valueFirst()).text() + " (a MERGE table is a view over"
                            + " MyISAM tables) has no InnoDB equivalent: replace it with a view (UNION ALL) after"
                            + " converting the underlying tables");
                    innoDb = false;
                } else if (!value.equals("INNODB")) {
                    innoDb = false;
                }
            } else if (o.name().equals("ROW_FORMAT") && value.equals("COMPRESSED")) {
                compressed = true;
            }
        }
        if (!converted && !innoDb) {
            return List.of(s);
        }
        boolean explicitRowFormat = options.stream().anyMatch(o -> o.name().equals("ROW_FORMAT") && o.depth() == 0);
        for (Option o : options) {
            String value = Heads.upper(t.get(o.valueFirst()));
            switch (o.name()) {
                case "ROW_FORMAT" -> {
                    if (value.equals("FIXED") || value.equals("PAGE")) {
                        e.replace(t.get(o.valueFirst()), "DYNAMIC");
                        ctx.count("row_format changed");
                    }
                }
                case "KEY_BLOCK_SIZE" -> {
                    // on an InnoDB table without ROW_FORMAT, KEY_BLOCK_SIZE means COMPRESSED: keep that
                    boolean keep = o.depth() == 0 && (compressed || (!converted && !explicitRowFormat));
                    if (!keep) {
                        remove(e, o);
                        ctx.count("option removed");
                    }
                }
                default -> {
                    if (converted && MYISAM_ONLY.contains(o.name())) {
                        remove(e, o);
                        ctx.count("option removed");
                    }
                }
            }
        }
        return List.of(e.apply());
    }

    private static void remove(StatementEditor e, Option o) {
        List<Token> t = e.tokens();
        int first = o.word();
        int prev = e.previous(first);
        if (prev >= 0 && t.get(prev).isOperator(",") && o.depth() == 0) {
            first = prev;                          // "ENGINE=MyISAM, PACK_KEYS=1": drop the comma too
        }
        Heads.deleteClause(e, first, o.valueLast());
    }

    /**
     * Finds table options: at depth 0 of a CREATE TABLE {@code WORD [=] value}; elsewhere (index and partition
     * options, ALTER TABLE) only {@code WORD = value}, because a column may be called ENGINE or CHECKSUM.
     */
    private static List<Option> options(StatementEditor e, boolean create) {
        List<Token> t = e.tokens();
        List<Option> out = new ArrayList<>();
        int depth = 0;
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            if (k.isOperator("(")) {
                depth++;
                continue;
            }
            if (k.isOperator(")")) {
                depth--;
                continue;
            }
            if (!k.isWord() || !OPTIONS.contains(Heads.upper(k))) {
                continue;
            }
            String name = Heads.upper(k);
            int v = e.next(i);
            boolean eq = v >= 0 && t.get(v).isOperator("=");
            if (eq) {
                v = e.next(v);
            }
            if (v < 0 || (!eq && (depth > 0 || !create))) {
                continue;
            }
            if (name.equals("ENGINE") && t.get(v).type() != TokenType.STRING && !t.get(v).isName()) {
                continue;
            }
            int last = v;
            if (t.get(v).isOperator("(")) {
                last = Heads.matchingParen(e, v);     // UNION=(t1,t2)
                if (last < 0) {
                    continue;
                }
            }
            out.add(new Option(name, i, v, last, depth));
            i = last;
        }
        return out;
    }
}
