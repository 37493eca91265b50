package io.github.auroramigrate.plan.it;

import io.github.auroramigrate.testkit.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application a plan migrates: writes (an insert and an update per round, autocommit) to whichever database its
 * "connection string" names. It is controlled through files in a directory, as a real one is through its
 * configuration, so a plan in another JVM drives it with command hooks ({@link #hookScript}): {@code paused} present
 * pauses it, {@code use} names {@code source} or {@code target}; it reports {@code <running|paused> <server>} in
 * {@code state} after each round, once its last write has committed.
 */
final class App implements AutoCloseable {
    static String ddl(String db) {
        return "CREATE TABLE `" + db + "`.app_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40) NOT NULL,"
                + " qty INT NOT NULL DEFAULT 0, server VARCHAR(10) NOT NULL)";
    }

    private final TestServer source;
    private final TestServer target;
    private final String db;
    private final Path dir;
    private final AtomicLong sourceWrites = new AtomicLong();
    private final AtomicLong targetWrites = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stop;
    private final Thread thread;

    App(TestServer source, TestServer target, String db, Path dir) throws IOException {
        this.source = source;
        this.target = target;
        this.db = db;
        this.dir = Files.createDirectories(dir);
        write("use", "source");
        Files.deleteIfExists(dir.resolve("paused"));
        this.thread = new Thread(this::loop, "it-app-" + db);
        thread.setDaemon(true);
        thread.start();
    }

    Path dir() {
        return dir;
    }

    private void write(String file, String content) throws IOException {
        Path tmp = dir.resolve(file + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void loop() {
        long n = 0;
        Connection c = null;
        String server = null;
        try {
            while (!stop) {
                String use = Files.readString(dir.resolve("use"), StandardCharsets.UTF_8).trim();
                if (Files.exists(dir.resolve("paused"))) {
                    write("state", "paused " + use);
                    Thread.sleep(5);
                    continue;
                }
                if (!use.equals(server)) {
                    if (c != null) {
                        c.close();
                    }
                    c = (use.equals("target") ? target : source).rootConnection();
                    server = use;
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO `" + db + "`.app_orders (note, server) VALUES (?, ?)");
                        PreparedStatement upd = c.prepareStatement("UPDATE `" + db + "`.app_orders SET qty = qty + 1 WHERE id = ?")) {
                    ins.setString(1, "order " + n);
                    ins.setString(2, use);
                    ins.executeUpdate();
                    upd.setLong(1, 1 + n / 2);
                    upd.executeUpdate();
                }
                (use.equals("target") ? targetWrites : sourceWrites).incrementAndGet();
                n++;
                write("state", "running " + use);
                Thread.sleep(3);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | SQLException | RuntimeException e) {
            failure.set(e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing
                }
            }
        }
    }

    long writesTo(String server) {
        return server.equals("target") ? targetWrites.get() : sourceWrites.get();
    }

    String state() throws IOException {
        Path s = dir.resolve("state");
        return Files.exists(s) ? Files.readString(s, StandardCharsets.UTF_8).trim() : "";
    }

    /** Waits until the app has written {@code more} times to {@code server}. */
    void awaitWrites(String server, long more, Duration timeout) throws Exception {
        long goal = writesTo(server) + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writesTo(server) < goal) {
            check();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the app did not write " + more + " times to " + server + " within " + timeout
                        + " (state " + state() + ")");
            }
            Thread.sleep(10);
        }
    }

    // in-JVM hooks (the plan file's command hooks do the same through hookScript)
    void pause() throws Exception {
        Files.writeString(dir.resolve("paused"), "");
        await("paused ");
    }

    void resume() throws Exception {
        Files.deleteIfExists(dir.resolve("paused"));
        await("running ");
    }

    void use(String server) throws Exception {
        write("use", server);
        await(" " + server);
    }

    private void await(String part) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!state().contains(part)) {
            check();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("app did not reach '" + part.trim() + "' (state " + state() + ")");
            }
            Thread.sleep(5);
        }
    }

    void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("the app failed", failure.get());
        }
    }

    /** A shell script the plan file's command hooks run: {@code app-hook.sh <dir> pause|resume|use <server>}. */
    static Path hookScript(Path dir) throws IOException {
        Path script = dir.resolve("app-hook.sh");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "d=\"$1\"",
                "case \"$2\" in",
                "  pause) : > \"$d/paused\"; want='^paused ' ;;",
                "  resume) rm -f \"$d/paused\"; want='^running ' ;;",
                "  use) printf '%s' \"$3\" > \"$d/use.tmp\" && mv \"$d/use.tmp\" \"$d/use\"; want=\" $3\\$\" ;;",
                "  *) echo \"unknown hook $2\" >&2; exit 2 ;;",
                "esac",
                "i=0",
                "while [ $i -lt 1200 ]; do",
                "  grep -q \"$want\" \"$d/state\" 2>/dev/null && { echo \"app: $(cat \"$d/state\")\"; exit 0; }",
                "  sleep 0.025; i=$((i+1))",
                "done",
                "echo \"the app did not reach $want: $(cat \"$d/state\")\" >&2",
                "exit 1",
                ""));
        script.toFile().setExecutable(true);
        return script;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
        check();
    }
}
