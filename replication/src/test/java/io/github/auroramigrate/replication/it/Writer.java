package io.github.auroramigrate.replication.it;

import io.github.auroramigrate.testkit.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An application writing to the source: inserts, updates and deletes on {@code items}, inserts on {@code events}, each
 * in autocommit, a few milliseconds apart. {@link #stop()} returns once the last write has committed.
 */
public final class Writer implements AutoCloseable {
    /** Schema the writer works on: two tables, {@code seed} items. */
    public static String[] ddl(String db, int seed) {
        return new String[] {
            "CREATE TABLE `" + db + "`.items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL,"
                    + " qty INT NOT NULL, note VARCHAR(255) NULL, updated DATETIME NOT NULL) ENGINE=InnoDB",
            "CREATE TABLE `" + db + "`.events (id BIGINT AUTO_INCREMENT PRIMARY KEY, item_id INT NOT NULL,"
                    + " kind VARCHAR(16) NOT NULL, KEY (item_id)) ENGINE=InnoDB",
            "INSERT INTO `" + db + "`.items (name, qty, note, updated) SELECT CONCAT('seed-', a.n * 10 + b.n),"
                    + " a.n + b.n, IF(b.n % 3 = 0, NULL, 'ok'), '2024-01-01 00:00:00' FROM"
                    + " (SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a,"
                    + " (SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b"
                    + " WHERE a.n * 10 + b.n < " + seed
        };
    }

    private final TestServer source;
    private final String db;
    private final AtomicLong ops = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running;
    private Thread thread;

    public Writer(TestServer source, String db) {
        this.source = source;
        this.db = db;
    }

    /** Starts (or restarts) writing. */
    public synchronized Writer start() {
        if (thread != null) {
            return this;
        }
        running = true;
        thread = new Thread(this::loop, "it-writer-" + db);
        thread.start();
        return this;
    }

    private void loop() {
        Random rnd = new Random(db.hashCode());
        try (Connection c = source.rootConnection();
                PreparedStatement ins = c.prepareStatement("INSERT INTO `" + db + "`.items (name, qty, note, updated)"
                        + " VALUES (?, ?, ?, NOW())");
                PreparedStatement upd = c.prepareStatement("UPDATE `" + db + "`.items SET qty = qty + 1,"
                        + " note = CONCAT(IFNULL(note, ''), 'u') WHERE id = ?");
                PreparedStatement del = c.prepareStatement("DELETE FROM `" + db + "`.items WHERE id = ?");
                PreparedStatement ev = c.prepareStatement("INSERT INTO `" + db + "`.events (item_id, kind) VALUES (?, ?)")) {
            long n = 0;
            while (running) {
                int id = 1 + rnd.nextInt(100 + (int) n);
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        ins.setString(1, "w-" + n);
                        ins.setInt(2, rnd.nextInt(1000));
                        ins.setString(3, rnd.nextBoolean() ? null : "it's \"quoted\" \\ text");
                        ins.executeUpdate();
                    }
                    case 1 -> {
                        upd.setInt(1, id);
                        upd.executeUpdate();
                    }
                    case 2 -> {
                        del.setInt(1, id);
                        del.executeUpdate();
                    }
                    default -> {
                        ev.setInt(1, id);
                        ev.setString(2, rnd.nextBoolean() ? "view" : "buy");
                        ev.executeUpdate();
                    }
                }
                n++;
                ops.incrementAndGet();
                Thread.sleep(3);
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return writes committed so far */
    public long ops() {
        return ops.get();
    }

    /** Stops writing and waits for the thread; rethrows a failure of the writer. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(10_000);
            thread = null;
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("writer failed", f);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
