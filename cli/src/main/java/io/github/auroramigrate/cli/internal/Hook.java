package io.github.auroramigrate.cli.internal;

import io.github.auroramigrate.replication.cutover.CutOverHook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cut-over action given on the command line ({@code --stop-writes}, {@code --resume-writes}, {@code --switch}): an
 * {@code http://} or {@code https://} URL is POSTed to and must answer 2xx; anything else is a shell command run with
 * {@code sh -c} that must exit 0. Either must finish within the timeout. The command sees
 * {@code AURORA_MIGRATE_HOOK} (stop-writes, resume-writes, switch) in its environment. The hook's text is never put
 * into events or reports: it may hold a token.
 *
 * <pre>{@code
 * CutOverHook stop = Hook.of("stop-writes", "curl -fsS -X POST http://app:8080/pause", Duration.ofSeconds(60));
 * }</pre>
 */
public final class Hook implements CutOverHook {
    private final String name;
    private final String spec;
    private final Duration timeout;

    private Hook(String name, String spec, Duration timeout) {
        this.name = name;
        this.spec = spec;
        this.timeout = timeout;
    }

    /** @return the hook, or null when {@code spec} is null */
    public static Hook of(String name, String spec, Duration timeout) {
        return spec == null || spec.isBlank() ? null : new Hook(name, spec.trim(), timeout);
    }

    /** @return whether the hook calls a URL (else it runs a command) */
    public boolean isUrl() {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    @Override
    public void run() throws Exception {
        if (isUrl()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(spec)).timeout(timeout)
                    .header("X-Aurora-Migrate-Hook", name).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new IOException("the " + name + " hook's URL answered HTTP " + r.statusCode());
            }
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", spec).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("AURORA_MIGRATE_HOOK", name);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("the " + name + " hook's command did not finish in " + timeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the " + name + " hook's command exited with " + p.exitValue());
        }
    }

    @Override
    public String toString() {
        return name + " hook (" + (isUrl() ? "URL" : "command") + ")";
    }
}
