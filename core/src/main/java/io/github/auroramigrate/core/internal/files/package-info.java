/**
 * Diagnoses of local files and directories (missing, not readable, of the wrong kind), shared by every front door
 * that reads them. Internal: no compatibility guarantees.
 *
 * <pre>{@code
 * Diagnosis d = LocalFiles.directory(Path.of("dump"), "the dump directory");   // null when it is readable
 * }</pre>
 */
package io.github.auroramigrate.core.internal.files;
