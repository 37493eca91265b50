package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.internal.Counters.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proxy's listening side: accepts connections on its daemon thread {@code <prefix>-accept}, refuses them
 * while the fault says so, starts a {@link ProxyConnection} for each other one, and keeps the open ones.
 *
 * <pre>{@code
 * Acceptor a = new Acceptor(listener, config, faults, counters);
 * a.start();
 * ...
 * a.close();        // listener, connections, then waits for the threads
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Acceptor {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private final ServerSocket listener;
    private final ProxyConfig config;
    private final Faults faults;
    private final Counters counters;
    private final Set<ProxyConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;

    /** An acceptor on the bound {@code listener}. */
    public Acceptor(ServerSocket listener, ProxyConfig config, Faults faults, Counters counters) {
        this.listener = listener;
        this.config = config;
        this.faults = faults;
        this.counters = counters;
        this.thread = new Thread(this::run, config.threadPrefix() + "-accept");
        this.thread.setDaemon(true);
    }

    /** Starts accepting. */
    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed.get()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("Proxy {}: accept failed: {}", config.name(), e.toString());
                    backOff();
                }
                continue;
            }
            counters.add(Counter.ACCEPTED, 1);
            if (faults.refuse()) {
                counters.add(Counter.REFUSED, 1);
                reset(s);
                continue;
            }
            ProxyConnection c = new ProxyConnection(ids.incrementAndGet(), s, config, faults, counters, open::remove);
            synchronized (open) {
                if (closed.get()) {
                    reset(s);
                    return;
                }
                open.add(c);
            }
            c.start();
        }
    }

    /** After a failed accept (e.g. out of file descriptors): not a busy loop. */
    private static void backOff() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            LOG.debug("resetting a refused connection: {}", e.toString());
        }
    }

    /** The connections open now. */
    public List<ProxyConnection> open() {
        return List.copyOf(open);
    }

    /** Stops listening, closes every connection and waits up to 5 s for all threads to end; idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Proxy {}: closing the listener: {}", config.name(), e.toString());
        }
        List<Thread> threads = new ArrayList<>(List.of(thread));
        List<ProxyConnection> all;
        synchronized (open) {
            all = List.copyOf(open);
        }
        for (ProxyConnection c : all) {
            threads.addAll(c.threads());
            c.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warn("Proxy {}: thread {} still runs 5 s after close", config.name(), t.getName());
            }
        }
    }
}
