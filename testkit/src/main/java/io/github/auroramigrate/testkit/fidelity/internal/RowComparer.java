package io.github.auroramigrate.testkit.fidelity.internal;

import io.github.auroramigrate.testkit.fidelity.Difference;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows of one table or view on two sides: by the expected side's key when both sides have its
 * columns and it is unique on both, else as multisets. Only columns both sides have are compared (a missing
 * column is a definition difference). At most {@link #LIMIT} row differences are listed per table.
 */
public final class RowComparer {
    /** Row differences listed per table before the rest are summed up. */
    public static final int LIMIT = 1000;

    private final SchemaObject object;
    private final TableRows expected;
    private final TableRows actual;
    private final List<String> columns = new ArrayList<>();
    private final int[] ei;
    private final int[] ai;
    private final List<Difference> out = new ArrayList<>();
    private int suppressed;

    private RowComparer(SchemaObject object, TableRows expected, TableRows actual) {
        this.object = object;
        this.expected = expected;
        this.actual = actual;
        for (TableShape.Column c : expected.shape().columns()) {
            if (actual.indexOf(c.name()) >= 0) {
                columns.add(c.name());
            }
        }
        ei = columns.stream().mapToInt(expected::indexOf).toArray();
        ai = columns.stream().mapToInt(actual::indexOf).toArray();
    }

    /** The row differences of one object. */
    public static List<Difference> compare(SchemaObject object, TableRows expected, TableRows actual) {
        return new RowComparer(object, expected, actual).run();
    }

    private List<Difference> run() {
        if (expected.error() != null || actual.error() != null) {
            String e = expected.error() == null ? expected.rows().size() + " rows" : expected.error();
            String a = actual.error() == null ? actual.rows().size() + " rows" : actual.error();
            if (!e.equals(a)) {
                out.add(new Difference(object, "rows", e, a));
            }
            return out;
        }
        if (expected.rows().size() != actual.rows().size()) {
            out.add(new Difference(object, "row count", Integer.toString(expected.rows().size()),
                    Integer.toString(actual.rows().size())));
        }
        List<String> key = expected.shape().key();
        int[] ek = key.stream().mapToInt(k -> columns.indexOf(matching(k))).toArray();
        Map<List<Object>, Object[]> byKeyE = key.isEmpty() || Arrays.stream(ek).anyMatch(i -> i < 0) ? null
                : index(expected.rows(), ek, ei);
        Map<List<Object>, Object[]> byKeyA = byKeyE == null ? null : index(actual.rows(), ek, ai);
        if (byKeyE != null && byKeyA != null) {
            compareKeyed(byKeyE, byKeyA, ek);
        } else {
            compareMultisets();
        }
        if (suppressed > 0) {
            out.add(new Difference(object, "rows", "", suppressed + " more row differences not listed"));
        }
        return out;
    }

    private String matching(String key) {
        for (String c : columns) {
            if (c.equalsIgnoreCase(key)) {
                return c;
            }
        }
        return null;
    }

    /** Rows by key values (canonical forms), with values projected to the common columns; null if not unique. */
    private static Map<List<Object>, Object[]> index(List<Object[]> rows, int[] keyPos, int[] proj) {
        Map<List<Object>, Object[]> m = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Object[] p = project(r, proj);
            List<Object> k = new ArrayList<>();
            for (int i : keyPos) {
                k.add(Values.comparable(p[i]));
            }
            if (m.put(k, p) != null) {
                return null;
            }
        }
        return m;
    }

    private static Object[] project(Object[] r, int[] proj) {
        Object[] p = new Object[proj.length];
        for (int i = 0; i < proj.length; i++) {
            p[i] = r[proj[i]];
        }
        return p;
    }

    private void add(Difference d) {
        if (out.size() < LIMIT) {
            out.add(d);
        } else {
            suppressed++;
        }
    }

    private void compareKeyed(Map<List<Object>, Object[]> e, Map<List<Object>, Object[]> a, int[] keyPos) {
        for (Map.Entry<List<Object>, Object[]> x : e.entrySet()) {
            Object[] other = a.get(x.getKey());
            String keyText = keyText(x.getValue(), keyPos);
            if (other == null) {
                add(new Difference(object, "row " + keyText, rowText(x.getValue()), Difference.ABSENT));
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!Values.same(x.getValue()[i], other[i])) {
                    add(new Difference(object, "row " + keyText + " column " + Names.quoteId(columns.get(i)),
                            Values.format(x.getValue()[i]), Values.format(other[i])));
                }
            }
        }
        for (Map.Entry<List<Object>, Object[]> x : a.entrySet()) {
            if (!e.containsKey(x.getKey())) {
                add(new Difference(object, "row " + keyText(x.getValue(), keyPos), Difference.ABSENT, rowText(x.getValue())));
            }
        }
    }

    private void compareMultisets() {
        Map<List<Object>, Integer> e = counts(expected.rows(), ei);
        Map<List<Object>, Integer> a = counts(actual.rows(), ai);
        Map<List<Object>, Object[]> shown = new HashMap<>();
        for (Object[] r : expected.rows()) {
            shown.putIfAbsent(canonical(project(r, ei)), project(r, ei));
        }
        for (Object[] r : actual.rows()) {
            shown.putIfAbsent(canonical(project(r, ai)), project(r, ai));
        }
        for (Map.Entry<List<Object>, Integer> x : e.entrySet()) {
            int n = a.getOrDefault(x.getKey(), 0);
            if (n != x.getValue()) {
                add(new Difference(object, "row " + rowText(shown.get(x.getKey())), times(x.getValue()), times(n)));
            }
        }
        for (Map.Entry<List<Object>, Integer> x : a.entrySet()) {
            if (!e.containsKey(x.getKey())) {
                add(new Difference(object, "row " + rowText(shown.get(x.getKey())), times(0), times(x.getValue())));
            }
        }
    }

    private static String times(int n) {
        return n == 0 ? Difference.ABSENT : n + (n == 1 ? " copy" : " copies");
    }

    private static Map<List<Object>, Integer> counts(List<Object[]> rows, int[] proj) {
        Map<List<Object>, Integer> m = new HashMap<>();
        for (Object[] r : rows) {
            m.merge(canonical(project(r, proj)), 1, Integer::sum);
        }
        return m;
    }

    private static List<Object> canonical(Object[] row) {
        List<Object> l = new ArrayList<>(row.length);
        for (Object v : row) {
            l.add(Values.comparable(v));
        }
        return l;
    }

    private String keyText(Object[] row, int[] keyPos) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < keyPos.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(keyPos[i])).append('=').append(Values.format(row[keyPos[i]]));
        }
        return sb.append(')').toString();
    }

    private String rowText(Object[] row) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < row.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(Values.format(row[i]));
        }
        return sb.append('}').toString();
    }
}
