package io.github.auroramigrate.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.auroramigrate.core.endpoint.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The main job's "application": a {@link DemoWriter} on the source with the control a cut-over needs, over HTTP on
 * the loopback address: {@code POST /pause} returns once writes have stopped, {@code POST /resume} starts them again,
 * {@code POST /switch} records that the application now uses the target. {@code aurora-migrate migrate
 * --stop-writes URL} calls them.
 *
 * <pre>{@code
 * try (DemoApp app = DemoApp.start(source, "shop")) { ... "--stop-writes", app.url("pause") ... }
 * }</pre>
 */
public final class DemoApp implements AutoCloseable {
    private final DemoWriter writer;
    private final HttpServer http;
    private volatile boolean switched;

    private DemoApp(DemoWriter writer, HttpServer http) {
        this.writer = writer;
        this.http = http;
    }

    /** Starts writing to {@code schema} on the source, and the control endpoint on a free loopback port. */
    public static DemoApp start(Endpoint source, String schema) throws IOException {
        DemoWriter w = new DemoWriter(source, schema);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoApp app = new DemoApp(w, http);
        http.createContext("/pause", x -> app.answer(x, () -> w.stop()));
        http.createContext("/resume", x -> app.answer(x, w::start));
        http.createContext("/switch", x -> app.answer(x, () -> app.switched = true));
        http.start();
        w.start();
        return app;
    }

    /** @return the URL of an action: pause, resume or switch */
    public String url(String action) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + action;
    }

    /** @return transactions committed on the source so far */
    public long commits() {
        return writer.commits();
    }

    /** @return whether the switch was called */
    public boolean switched() {
        return switched;
    }

    private interface Action {
        void run() throws Exception;
    }

    private void answer(HttpExchange x, Action a) throws IOException {
        int status = 200;
        String body = "ok\n";
        if (!"POST".equals(x.getRequestMethod())) {
            status = 405;
            body = "POST only\n";
        } else {
            try {
                a.run();
            } catch (Exception e) {
                status = 500;
                body = e + "\n";
            }
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        writer.close();
    }
}
