package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Statement;

import java.util.ArrayList;
import java.util.List;

/** Transforms run in order; each sees what the previous emitted. Immutable. */
final class TransformChain implements Transform {
    private final List<Transform> parts;

    private TransformChain(List<Transform> parts) {
        this.parts = List.copyOf(parts);
    }

    static TransformChain of(Transform... transforms) {
        List<Transform> flat = new ArrayList<>();
        for (Transform t : transforms) {
            if (t instanceof TransformChain c) {
                flat.addAll(c.parts);
            } else {
                flat.add(t);
            }
        }
        return new TransformChain(flat);
    }

    @Override
    public List<Statement> apply(Statement statement, TransformContext context) {
        List<Statement> current = List.of(statement);
        for (Transform t : parts) {
            if (current.isEmpty()) {
                break;
            }
            List<Statement> next = current.size() == 1 ? null : new ArrayList<>();
            for (Statement s : current) {
                List<Statement> out = context.runAs(t, s);
                if (next == null) {
                    next = out;
                } else {
                    next.addAll(out);
                }
            }
            current = next;
        }
        return current;
    }

    @Override
    public DefinitionEffects definitionEffects() {
        return parts.stream().map(Transform::definitionEffects).reduce(DefinitionEffects.NONE, DefinitionEffects::andThen);
    }

    @Override
    public String name() {
        return parts.stream().map(Transform::name).reduce((a, b) -> a + "+" + b).orElse("identity");
    }
}
