package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the user's {@link ReplicationListener}, if any; a listener that throws is logged at WARN. Thread-safe. */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final ReplicationListener listener;
    private final String name;

    /**
     * @param listener the user's listener, or null
     * @param name     the job name, for logs
     */
    public Events(ReplicationListener listener, String name) {
        this.listener = listener;
        this.name = name;
    }

    /** Calls the listener; what it throws is logged and swallowed. */
    public void notify(Consumer<ReplicationListener> call) {
        if (listener == null) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("{}: replication listener threw; continuing", name, e);
        }
    }
}
