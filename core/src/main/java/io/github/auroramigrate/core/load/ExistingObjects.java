package io.github.auroramigrate.core.load;

/**
 * What a load does with an object it is about to create that already exists on the target and that it did not
 * create itself (a load resumed after a crash always recognises its own objects, whatever the crash point). Such an
 * object is adopted, whatever this says, when its definition is the one the load would create and it holds no rows
 * the load's journal does not account for.
 *
 * <pre>{@code
 * Load.into(target).from(source).existingObjects(ExistingObjects.REPLACE).build().run();
 * }</pre>
 */
public enum ExistingObjects {
    /** Fail with {@code OBJECT_EXISTS}, naming the object and what differs (the default). */
    REFUSE,
    /**
     * Drop the object (a table with its rows) and create it as the load would; a schema is never dropped, its default
     * character set and collation are altered instead. Every replacement is listed in the load's warnings.
     */
    REPLACE
}
