package io.github.auroramigrate.examples.demo;

import io.github.auroramigrate.core.endpoint.Endpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "application" of the main job: keeps inserting orders and updating customers on the source until stopped,
 * so the migration happens while the source takes writes.
 *
 * <pre>{@code
 * try (DemoWriter w = new DemoWriter(source, "shop")) { w.start(); ... w.stop(); }
 * }</pre>
 */
public final class DemoWriter implements AutoCloseable {
    private final Endpoint endpoint;
    private final String schema;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private volatile Exception failure;

    public DemoWriter(Endpoint endpoint, String schema) {
        this.endpoint = endpoint;
        this.schema = schema;
    }

    /** Starts writing in a background thread. */
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::loop, "demo-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops writing and waits until the last transaction has committed. */
    public synchronized void stop() throws InterruptedException {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.join();
        }
        if (failure != null) {
            throw new IllegalStateException("the demo writer failed", failure);
        }
    }

    public long commits() {
        return commits.get();
    }

    private void loop() {
        String q = "`" + schema + "`.";
        try (Connection c = endpoint.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + q + "orders (customer_id, amount, note) VALUES (?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE " + q + "customers SET email = CONCAT('c', id, '-', ?, '@example.com') WHERE id = ?")) {
            c.setAutoCommit(false);
            long n = 0;
            while (running.get()) {
                n++;
                insert.setLong(1, 1 + n % 100);
                insert.setBigDecimal(2, java.math.BigDecimal.valueOf(n % 10_000, 2));
                insert.setString(3, "written during the migration #" + n);
                insert.executeUpdate();
                update.setLong(1, n);
                update.setLong(2, 1 + n % 100);
                update.executeUpdate();
                c.commit();
                commits.incrementAndGet();
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
