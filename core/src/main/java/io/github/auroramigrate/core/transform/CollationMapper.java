package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces collations the target does not have: MySQL 8.0's {@code utf8mb4_0900_*} and {@code utf8mb3_*} names
 * for a 5.7 target, MariaDB's {@code uca1400} collations for either. Built by
 * {@link Transforms#mapCollations(TargetVersion)}.
 *
 * <pre>{@code
 * target MYSQL_57: COLLATE=utf8mb4_0900_ai_ci       -> COLLATE=utf8mb4_unicode_520_ci
 *                  utf8mb4_0900_as_cs / _bin        -> utf8mb4_bin        (reported: binary order)
 *                  utf8mb4_de_pb_0900_ai_ci         -> utf8mb4_unicode_520_ci (reported: language rules lost)
 *                  utf8mb3_general_ci               -> utf8_general_ci
 * target MYSQL_80: utf8mb4_uca1400_ai_ci            -> utf8mb4_0900_ai_ci
 *                  utf8mb4_uca1400_as_cs            -> utf8mb4_0900_as_cs
 * }</pre>
 *
 * <p>Rules: accent- and case-insensitive UCA collations map to the target's closest UCA collation
 * ({@code utf8mb4_unicode_520_ci} on 5.7, {@code utf8mb4_0900_ai_ci} on 8.0); accent-sensitive ones to the
 * matching {@code 0900_as_ci/_as_cs} on 8.0 and to {@code utf8mb4_bin} on 5.7 (5.7 has no accent-sensitive
 * UCA collation; reported); language-specific ones to the generic one (reported). Note that MySQL 8.0's
 * {@code 0900} collations are NO PAD while MariaDB's and 5.7's are PAD SPACE: {@code 'a'} and {@code 'a '} become
 * distinct, which never breaks a unique key on load. Collation names are replaced wherever they are unquoted
 * identifiers (table and column options, {@code COLLATE} in expressions, versioned comments) and, quoted, after
 * {@code COLLATE} or in {@code SET collation_... =}. Report counters: {@code "collation mapped"}.
 * Immutable and thread-safe.
 */
final class CollationMapper implements Transform {
    private static final Set<StatementKind> KINDS = Set.of(StatementKind.CREATE_TABLE, StatementKind.ALTER_TABLE,
            StatementKind.CREATE_DATABASE, StatementKind.ALTER_OTHER, StatementKind.CREATE_VIEW,
            StatementKind.CREATE_PROCEDURE, StatementKind.CREATE_FUNCTION, StatementKind.CREATE_TRIGGER,
            StatementKind.CREATE_EVENT, StatementKind.SET, StatementKind.SELECT, StatementKind.OTHER);

    private final TargetVersion target;

    CollationMapper(TargetVersion target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return new DefinitionEffects() {
            @Override
            public String collation(String collation) {
                Mapping m = collation == null ? null : map(collation.toLowerCase(Locale.ROOT));
                return m == null ? collation : m.collation();
            }
        };
    }

    @Override
    public String name() {
        return "mapCollations";
    }

    @Override
    public List<Statement> apply(Statement s, TransformContext ctx) {
        if (!KINDS.contains(s.kind())) {
            return List.of(s);                     // data statements are never lexed
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        boolean candidate = lower.contains("uca1400")
                || (target == TargetVersion.MYSQL_57 && (lower.contains("_0900_") || lower.contains("utf8mb3_")));
        if (!candidate) {
            return List.of(s);
        }
        StatementEditor e = StatementEditor.of(s);
        List<Token> t = e.tokens();
        for (int i = e.next(-1); i >= 0; i = e.next(i)) {
            Token k = t.get(i);
            boolean eligible = k.type() == TokenType.IDENTIFIER
                    || ((k.type() == TokenType.STRING || k.type() == TokenType.QUOTED_IDENTIFIER) && afterCollate(e, i));
            if (!eligible) {
                continue;
            }
            String name = k.name();
            Mapping m = map(name.toLowerCase(Locale.ROOT));
            if (m == null) {
                continue;
            }
            String replacement = k.type() == TokenType.IDENTIFIER ? m.collation()
                    : k.text().charAt(0) + m.collation() + k.text().charAt(0);
            e.replace(k, replacement);
            ctx.count("collation mapped");
            if (m.approximate() != null) {
                ctx.untranslatable(s, name + " mapped to " + m.collation() + ": " + m.approximate());
            }
        }
        return List.of(e.apply());
    }

    private static boolean afterCollate(StatementEditor e, int i) {
        List<Token> t = e.tokens();
        int p = e.previous(i);
        if (p >= 0 && t.get(p).isOperator("=")) {
            p = e.previous(p);
        }
        if (p < 0) {
            return false;
        }
        Token w = t.get(p);
        return w.isWord("COLLATE") || (w.isWord() && w.text().toLowerCase(Locale.ROOT).startsWith("collation_"))
                || (w.type() == TokenType.VARIABLE && w.text().toLowerCase(Locale.ROOT).contains("collation_"));
    }

    /** A replacement collation, and why it is not exact (null when it is). */
    record Mapping(String collation, String approximate) {
    }

    /** @return the replacement for a collation name (lower case), or null if the target has it */
    Mapping map(String c) {
        if (target == TargetVersion.MYSQL_57 && c.startsWith("utf8mb3_") && !c.contains("_uca1400_")) {
            return new Mapping("utf8_" + c.substring("utf8mb3_".length()), null);
        }
        boolean mysql80 = c.startsWith("utf8mb4_") && c.contains("_0900_");
        boolean mariaUca = c.contains("_uca1400_");
        if (!mysql80 && !mariaUca) {
            return null;
        }
        String charset = c.substring(0, c.indexOf('_'));
        boolean bin = c.endsWith("_bin");
        boolean accentSensitive = c.contains("_as_") || c.endsWith("_as_cs") || c.endsWith("_as_ci");
        boolean caseSensitive = c.endsWith("_cs");
        String generic = mysql80 ? "utf8mb4_0900_" : charset + "_uca1400_";
        String suffix = c.substring(c.lastIndexOf(mysql80 ? "_0900_" : "_uca1400_")
                + (mysql80 ? "_0900_" : "_uca1400_").length());
        boolean language = !c.startsWith(generic) || (mariaUca && !Set.of("ai_ci", "ai_cs", "as_ci", "as_cs",
                "nopad_ai_ci", "nopad_ai_cs", "nopad_as_ci", "nopad_as_cs", "bin", "nopad_bin").contains(suffix));
        String lang = language ? "language-specific rules are lost" : null;
        if (target == TargetVersion.MYSQL_80 && mysql80) {
            return null;
        }
        if (target == TargetVersion.MYSQL_80) {
            // MariaDB uca1400 -> MySQL 0900 (utf8mb4 only; utf8mb3 has no 0900 collations)
            if (!charset.equals("utf8mb4")) {
                return new Mapping(charset + "_unicode_520_ci", "no UCA 14.0.0 collation for " + charset
                        + " in MySQL 8.0; UCA 5.2.0 used");
            }
            if (bin) {
                return new Mapping("utf8mb4_0900_bin", lang);
            }
            String as = accentSensitive ? (caseSensitive ? "as_cs" : "as_ci") : "ai_ci";
            String why = !accentSensitive && caseSensitive ? "case-sensitive but accent-insensitive has no 0900"
                    + " equivalent; case-insensitive used" : lang;
            return new Mapping("utf8mb4_0900_" + as, why);
        }
        // MYSQL_57
        String cs = charset.equals("utf8mb4") ? "utf8mb4" : "utf8";
        if (bin) {
            return new Mapping(cs + "_bin", lang);
        }
        if (accentSensitive || caseSensitive) {
            return new Mapping(cs + "_bin", "MySQL 5.7 has no accent- or case-sensitive UCA collation; binary order"
                    + " and comparison used");
        }
        return new Mapping(cs + "_unicode_520_ci", lang);
    }
}
