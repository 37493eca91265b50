package io.github.auroramigrate.core.transform;

/**
 * The MySQL version a transform prepares statements for.
 *
 * <pre>{@code
 * Transforms.mapCollations(TargetVersion.MYSQL_57)   // Aurora MySQL 2
 * }</pre>
 */
public enum TargetVersion {
    /** MySQL 5.7, as in Aurora MySQL version 2: no {@code utf8mb4_0900_*} collations, no {@code utf8mb3_*} names. */
    MYSQL_57,
    /** MySQL 8.0, as in Aurora MySQL version 3. */
    MYSQL_80
}
