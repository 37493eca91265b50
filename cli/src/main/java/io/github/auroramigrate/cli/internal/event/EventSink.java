package io.github.auroramigrate.cli.internal.event;

/**
 * Where a run's events go: the terminal, the {@code --json} stream, the report. Called under the {@link Events} lock,
 * one event at a time, in order.
 *
 * <pre>{@code
 * EventSink printer = e -> System.out.println(e.name());
 * }</pre>
 */
public interface EventSink {
    /** Takes one event. */
    void accept(Event event);

    /** The run has ended (after its last event); flush what is buffered. */
    default void close() {
    }
}
