package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The transforms a plan names (in a file, or {@code Plan.Builder.transforms(..)}), by the name of their
 * {@code Transforms} factory. Stateless.
 *
 * <pre>{@code
 * Transform t = NamedTransforms.of(List.of("stripDefiners", "forceInnoDb"));
 * }</pre>
 */
public final class NamedTransforms {
    private static final Map<String, Supplier<Transform>> KNOWN = Map.of(
            "stripDefiners", Transforms::stripDefiners,
            "forceInnoDb", Transforms::forceInnoDb,
            "dropSuperStatements", Transforms::dropSuperStatements,
            "stripTablespaces", Transforms::stripTablespaces,
            "mariaDbToMySql", Transforms::mariaDbToMySql,
            "mapMariaDbTypes", Transforms::mapMariaDbTypes,
            "dropGeneratedColumnValues", Transforms::dropGeneratedColumnValues);

    private NamedTransforms() {
    }

    /**
     * @return the transforms chained in order (identity for none)
     * @throws IllegalArgumentException for a name that is not known, listing those that are
     */
    public static Transform of(List<String> names) {
        Transform t = Transform.identity();
        for (String n : names) {
            Supplier<Transform> f = KNOWN.get(n);
            if (f == null) {
                throw new IllegalArgumentException("unknown transform '" + n + "'; known: " + KNOWN.keySet().stream()
                        .sorted().toList());
            }
            t = t.andThen(f.get());
        }
        return t;
    }
}
