package io.github.auroramigrate.core.verify;

import java.util.Objects;

/**
 * One difference between the expected definition of an object (on the source, or recorded in a dump) and its
 * definition on the target, found by {@link Verify}: an object or part that is missing or extra, or one aspect of
 * it that differs.
 *
 * <pre>{@code
 * for (ObjectDifference d : result.objectDifferences()) {
 *     log.warn("{}", d);   // TABLE `shop`.`orders` column `note`: collation differs: expected utf8mb4_general_ci, actual utf8mb4_0900_ai_ci
 * }
 * }</pre>
 *
 * @param kind     the object's kind
 * @param schema   its schema on the target ({@code ""} for accounts)
 * @param name     its name
 * @param part     the part that differs, e.g. {@code column `note`}, {@code index `ix`}; null for the object itself
 * @param type     missing, extra or changed
 * @param aspect   the attribute that differs ({@code collation}, {@code invisible}, {@code default}, {@code body},
 *                 {@code status}, ...); null for a missing or extra object or part
 * @param expected the expected value (after the transform's declared effects), null when absent
 * @param actual   the target's value, null when absent
 */
public record ObjectDifference(ObjectKind kind, String schema, String name, String part, Type type, String aspect,
        String expected, String actual) {

    /** What kind of difference. */
    public enum Type {
        /** The object (or part) is not on the target. */
        MISSING,
        /** The target has an object (or part) that was not expected. */
        EXTRA,
        /** One aspect of the object (or part) differs. */
        CHANGED
    }

    /** Validates. */
    public ObjectDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        String object = kind + " " + (schema.isEmpty() ? name : "`" + schema + "`.`" + name + "`")
                + (part == null ? "" : " " + part);
        return switch (type) {
            case MISSING -> object + ": missing on the target";
            case EXTRA -> object + ": extra on the target";
            case CHANGED -> object + ": " + aspect + " differs: expected " + expected + ", actual " + actual;
        };
    }
}
