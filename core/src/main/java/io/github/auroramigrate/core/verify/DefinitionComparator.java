package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.transform.DefinitionEffects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares expected definitions (the source's, or a dump's) with a target's, aspect by aspect, after applying the
 * declared effects of the transform the target's DDL went through, using the {@link Normalization}s. Immutable.
 */
final class DefinitionComparator {
    private final DefinitionEffects effects;
    private final boolean definers;

    DefinitionComparator(DefinitionEffects effects, boolean definers) {
        this.effects = Objects.requireNonNull(effects, "effects");
        this.definers = definers;
    }

    /**
     * @param expected the source's definitions
     * @param actual   the target's definitions of the schemas (and accounts) expected there
     * @return the differences, missing and extra objects included
     */
    List<ObjectDifference> compare(DefinitionSnapshot expected, DefinitionSnapshot actual) {
        Map<String, String> renames = new TreeMap<>();
        for (ObjectDefinition o : expected.objects()) {
            if (o.kind() == ObjectKind.SCHEMA && !effects.schema(o.schema()).equals(o.schema())) {
                renames.put(o.schema(), effects.schema(o.schema()));
            }
        }
        Map<String, ObjectDefinition> want = new LinkedHashMap<>();
        Set<String> targetSchemas = new HashSet<>();
        boolean accounts = false;
        for (ObjectDefinition o : expected.objects()) {
            ObjectDefinition e = expect(o, effects);
            if (e != null) {
                want.put(key(e), e);
                targetSchemas.add(e.schema());
                accounts |= e.kind() == ObjectKind.ACCOUNT;
            }
        }
        Map<String, ObjectDefinition> have = new LinkedHashMap<>();
        for (ObjectDefinition o : actual.objects()) {
            if (o.kind() == ObjectKind.ACCOUNT ? accounts : targetSchemas.contains(o.schema())) {
                have.put(key(o), o);
            }
        }
        List<ObjectDifference> out = new ArrayList<>();
        for (ObjectDefinition e : want.values()) {
            ObjectDefinition a = have.get(key(e));
            if (a == null || "true".equals(a.attributes().get("missing"))) {
                out.add(new ObjectDifference(e.kind(), e.schema(), e.name(), null, ObjectDifference.Type.MISSING, null,
                        null, null));
                continue;
            }
            // each side without its own schema as qualifier: the expected one renamed first, so the target's name
            String target = effects.schema(e.schema());
            compareAttributes(e, null, normalized(e.kind(), null, e.attributes(), renames, target),
                    normalized(a.kind(), null, a.attributes(), Map.of(), target), e.attributes(), a.attributes(), out);
            if (e.kind() == ObjectKind.TABLE) {
                compareParts(e, a, renames, out);
            }
        }
        for (ObjectDefinition a : have.values()) {
            if (!want.containsKey(key(a)) && !"true".equals(a.attributes().get("missing"))) {
                out.add(new ObjectDifference(a.kind(), a.schema(), a.name(), null, ObjectDifference.Type.EXTRA, null, null,
                        null));
            }
        }
        return out;
    }

    /** The definition the target should have, or null when the transform does not create the object. */
    static ObjectDefinition expect(ObjectDefinition o, DefinitionEffects effects) {
        String schema = o.kind() == ObjectKind.ACCOUNT ? "" : effects.schema(o.schema());
        Map<String, String> a = new TreeMap<>(o.attributes());
        List<ObjectDefinition.Part> parts = o.parts();
        switch (o.kind()) {
            case SCHEMA -> {
                a.computeIfPresent("collation", (k, v) -> effects.collation(v));
                return new ObjectDefinition(o.kind(), schema, schema, a, parts);
            }
            case TABLE -> {
                if (!effects.keepsTable(o.schema(), o.name())) {
                    return null;
                }
                String engine = o.attributes().get("engine");
                a.computeIfPresent("engine", (k, v) -> effects.engine(v));
                a.computeIfPresent("collation", (k, v) -> effects.collation(v));
                Map<String, String> options = new TreeMap<>();
                Normalization.tableOptions(o.attributes().get("options")).forEach((k, v) -> {
                    String mapped = effects.tableOption(engine, k, v);
                    if (mapped != null) {
                        options.put(k, mapped);
                    }
                });
                StringBuilder opts = new StringBuilder();
                options.forEach((k, v) -> opts.append(opts.isEmpty() ? "" : " ").append(k).append(v.isEmpty() ? "" : "=" + v));
                a.put("options", opts.toString());
                List<ObjectDefinition.Part> mapped = new ArrayList<>();
                for (ObjectDefinition.Part p : parts) {
                    Map<String, String> pa = new TreeMap<>(p.attributes());
                    pa.computeIfPresent("collation", (k, v) -> effects.collation(v));
                    pa.computeIfPresent("referencedSchema", (k, v) -> effects.schema(v));
                    ObjectDefinition.Part expected = switch (p.kind()) {
                        case "column" -> column(o.name(), p.name(), pa, effects);
                        case "index" -> index(o.name(), p.name(), pa, effects);
                        case "check" -> effects.keepsCheck(o.name(), p.name()) ? new ObjectDefinition.Part(p.kind(), p.name(), pa)
                                : null;
                        default -> new ObjectDefinition.Part(p.kind(), p.name(), pa);
                    };
                    if (expected != null) {
                        mapped.add(expected);
                    }
                }
                parts = mapped;
            }
            case VIEW -> {
                if (!effects.keepsTable(o.schema(), o.name())) {
                    return null;
                }
            }
            case TRIGGER -> {
                if (!effects.keepsTable(o.schema(), o.attributes().getOrDefault("table", ""))) {
                    return null;
                }
            }
            default -> {
            }
        }
        a.computeIfPresent("security", (k, v) -> effects.sqlSecurity(v));
        a.computeIfPresent("definer", (k, v) -> effects.definer(v));
        a.computeIfPresent("sqlMode", (k, v) -> {
            List<String> kept = new ArrayList<>();
            for (String m : v.split(",")) {
                String x = m.isBlank() ? null : effects.sqlMode(m.strip());
                if (x != null) {
                    kept.add(x);
                }
            }
            return String.join(",", kept);
        });
        return new ObjectDefinition(o.kind(), schema, o.name(), a, parts);
    }

    /** A column as the transform's {@link DefinitionEffects#column} says the target has it. */
    private static ObjectDefinition.Part column(String table, String name, Map<String, String> a, DefinitionEffects effects) {
        String extra = a.getOrDefault("extra", "");
        boolean invisible = extra != null && extra.toLowerCase(Locale.ROOT).contains("invisible");
        DefinitionEffects.Column c = effects.column(new DefinitionEffects.Column(table, name, a.get("type"), a.get("charset"),
                a.get("collation"), invisible, a.get("srid")));
        put(a, "type", c.type());
        put(a, "charset", c.charset());
        put(a, "collation", c.collation());
        put(a, "srid", c.srid());
        if (invisible != c.invisible()) {
            String e = extra == null ? "" : extra;
            a.put("extra", c.invisible() ? (e + " INVISIBLE").strip() : e.replaceAll("(?i)\\s*\\binvisible\\b", "").strip());
        }
        return new ObjectDefinition.Part("column", name, a);
    }

    /** An index as the transform's {@link DefinitionEffects#index} says the target has it, or null when removed. */
    private static ObjectDefinition.Part index(String table, String name, Map<String, String> a, DefinitionEffects effects) {
        DefinitionEffects.Index i = effects.index(new DefinitionEffects.Index(table, name, "YES".equalsIgnoreCase(a.get("unique")),
                indexParts(a.getOrDefault("columns", "")), !"NO".equalsIgnoreCase(a.get("visible"))));
        if (i == null) {
            return null;
        }
        a.put("unique", i.unique() ? "YES" : "NO");
        a.put("visible", i.visible() ? "YES" : "NO");
        a.put("columns", String.join(", ", i.parts()));
        return new ObjectDefinition.Part("index", i.name(), a);
    }

    /** Splits the reader's {@code "`a` DESC, (expr), `b`(10)"} at the commas outside parentheses and quotes. */
    static List<String> indexParts(String columns) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < columns.length(); i++) {
            char ch = columns.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '`' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0 && columns.startsWith(", ", i)) {
                out.add(columns.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        if (start < columns.length()) {
            out.add(columns.substring(start));
        }
        return out;
    }

    private static void put(Map<String, String> a, String key, String value) {
        if (value == null) {
            a.remove(key);
        } else {
            a.put(key, value);
        }
    }

    private void compareParts(ObjectDefinition e, ObjectDefinition a, Map<String, String> renames,
            List<ObjectDifference> out) {
        Map<String, ObjectDefinition.Part> want = parts(e);
        Map<String, ObjectDefinition.Part> have = parts(a);
        for (Map.Entry<String, ObjectDefinition.Part> w : want.entrySet()) {
            ObjectDefinition.Part p = w.getValue();
            ObjectDefinition.Part h = have.get(w.getKey());
            String label = p.kind() + " `" + p.name() + "`";
            if (h == null) {
                out.add(new ObjectDifference(e.kind(), e.schema(), e.name(), label, ObjectDifference.Type.MISSING, null,
                        null, null));
                continue;
            }
            compareAttributes(e, label, normalized(e.kind(), p.kind(), p.attributes(), renames, e.schema()),
                    normalized(e.kind(), p.kind(), h.attributes(), Map.of(), e.schema()), p.attributes(), h.attributes(), out);
        }
        for (Map.Entry<String, ObjectDefinition.Part> h : have.entrySet()) {
            if (!want.containsKey(h.getKey())) {
                ObjectDefinition.Part p = h.getValue();
                out.add(new ObjectDifference(e.kind(), e.schema(), e.name(), p.kind() + " `" + p.name() + "`",
                        ObjectDifference.Type.EXTRA, null, null, null));
            }
        }
        List<String> wantOrder = columnOrder(e);
        List<String> haveOrder = columnOrder(a);
        if (new TreeSet<>(wantOrder).equals(new TreeSet<>(haveOrder)) && !wantOrder.equals(haveOrder)) {
            out.add(new ObjectDifference(e.kind(), e.schema(), e.name(), null, ObjectDifference.Type.CHANGED,
                    "column order", wantOrder.toString(), haveOrder.toString()));
        }
    }

    private static List<String> columnOrder(ObjectDefinition t) {
        return t.parts().stream().filter(p -> p.kind().equals("column"))
                .sorted((x, y) -> Integer.compare(position(x), position(y))).map(ObjectDefinition.Part::name).toList();
    }

    private static int position(ObjectDefinition.Part p) {
        try {
            return Integer.parseInt(p.attributes().getOrDefault("position", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Parts by kind and name; CHECK constraints by their normalised clause (their names are often generated). */
    private static Map<String, ObjectDefinition.Part> parts(ObjectDefinition t) {
        Map<String, ObjectDefinition.Part> out = new LinkedHashMap<>();
        for (ObjectDefinition.Part p : t.parts()) {
            String name = p.kind().equals("check") ? Normalization.expression(p.name()) : p.name().toLowerCase(Locale.ROOT);
            out.put(p.kind() + "\u0000" + name, p);
        }
        return out;
    }

    private void compareAttributes(ObjectDefinition object, String part, Map<String, String> want,
            Map<String, String> have, Map<String, String> rawWant, Map<String, String> rawHave, List<ObjectDifference> out) {
        Set<String> keys = new TreeSet<>(want.keySet());
        keys.addAll(have.keySet());
        for (String k : keys) {
            String w = want.get(k);
            String h = have.get(k);
            if (!Objects.equals(w, h)) {
                out.add(new ObjectDifference(object.kind(), object.schema(), object.name(), part,
                        ObjectDifference.Type.CHANGED, k, rawWant.containsKey(k) ? rawWant.get(k) : w,
                        rawHave.containsKey(k) ? rawHave.get(k) : h));
            }
        }
    }

    /** The comparable form of one object's (or part's) attributes: normalised, derived, ignored ones removed. */
    private Map<String, String> normalized(ObjectKind kind, String partKind, Map<String, String> attributes,
            Map<String, String> renames, String schema) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> x : attributes.entrySet()) {
            String k = x.getKey();
            String v = x.getValue();
            switch (k) {
                case "definer" -> {
                    if (definers && v != null) {
                        out.put(k, Normalization.definer(v));
                    }
                }
                case "missing", "position", "name" -> {
                }
                case "charset" -> {
                    if (attributes.get("collation") == null) {
                        out.put(k, Normalization.collation(v));
                    }
                }
                case "collation" -> out.put(k, Normalization.collation(v));
                case "type", "returns", "parameters" -> out.put(k, Normalization.type(v));
                case "default" -> out.put(k, Normalization.columnDefault(v));
                case "extra" -> out.putAll(Normalization.extra(v));
                case "generation", "expression", "subpartitionExpression" -> out.put(k, Normalization.expression(v));
                case "definition" -> out.put(k, withoutQualifier(renamed(Normalization.expression(v), renames, true), schema));
                case "body" -> out.put(k, renamed(Normalization.body(v), renames, true));
                case "columns" -> out.put(k, partKind != null && partKind.equals("index") ? Normalization.expression(v) : v);
                case "sqlMode" -> out.put(k, Normalization.sqlMode(v));
                case "options" -> out.put(k, Normalization.tableOptions(v).toString());
                case "grants" -> out.put(k, renamed(Normalization.grants(v), renames, false));
                case "engine", "unique", "nullable", "visible", "status", "security", "checkOption", "deterministic",
                        "dataAccess" -> out.put(k, v == null ? null : v.toUpperCase(Locale.ROOT));
                case "onUpdate", "onDelete" -> out.put(k, Normalization.referentialRule(v));
                case "enforced" -> out.put(k, v == null ? "YES" : v.toUpperCase(Locale.ROOT));
                default -> out.put(k, v);
            }
        }
        if (kind == ObjectKind.TABLE && "column".equals(partKind) && !attributes.containsKey("srid")) {
            out.put("srid", null);
        }
        out.entrySet().removeIf(en -> en.getValue() == null);
        return out;
    }

    /** Renames schema references ({@code `from`.} or {@code from.}) in normalised text, for a renamed schema. */
    private static String renamed(String text, Map<String, String> renames, boolean lowerCase) {
        if (text == null || renames.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> r : renames.entrySet()) {
            String to = lowerCase ? r.getValue().toLowerCase(Locale.ROOT) : r.getValue();
            out = Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(r.getKey()) + "\\.").matcher(out)
                    .replaceAll(Matcher.quoteReplacement(to + "."));
        }
        return out;
    }

    /**
     * A view's own schema as a qualifier says nothing: MySQL 8.0 prints {@code `db`.`v`.`c`} for a column of a view
     * where 5.7 prints {@code `v`.`c`}.
     */
    private static String withoutQualifier(String normalized, String schema) {
        if (normalized == null || schema == null || schema.isEmpty()) {
            return normalized;
        }
        return Pattern.compile("(?<![\\w$.])" + Pattern.quote(schema.toLowerCase(Locale.ROOT)) + "\\.(?=[\\w$])")
                .matcher(normalized).replaceAll("");
    }

    private static String key(ObjectDefinition o) {
        return o.kind() + "\u0000" + o.schema() + "\u0000" + (o.kind() == ObjectKind.ACCOUNT ? o.name()
                : o.name().toLowerCase(Locale.ROOT));
    }
}
