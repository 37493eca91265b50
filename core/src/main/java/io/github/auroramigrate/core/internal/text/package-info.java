/**
 * Text for people: durations and sizes in summaries and log lines ({@code 2.4 s}, {@code 315 MiB}). Internal: no
 * compatibility guarantees.
 *
 * <pre>{@code
 * Human.duration(Duration.ofMillis(2400));   // 2.4 s
 * }</pre>
 */
package io.github.auroramigrate.core.internal.text;
