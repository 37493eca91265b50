/**
 * One-step copy from a source server into a target, composed of a {@link io.github.auroramigrate.core.dump.Dump}
 * and a {@link io.github.auroramigrate.core.load.Load} joined by memory instead of files.
 *
 * <pre>{@code
 * CopyResult r = Copy.from(source).to(target).threads(2).dump(d -> d.schemas("shop")).build().run();
 * }</pre>
 */
package io.github.auroramigrate.core.copy;
