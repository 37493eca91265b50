package io.github.auroramigrate.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanHook;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.RollbackWindow;
import io.github.auroramigrate.plan.Steps;
import io.github.auroramigrate.plan.TargetOnRollback;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan file (YAML, or JSON, which is YAML too) into a {@code Plan.Builder}; the format is in
 * {@code docs/plans.md}. Every key is checked: an unknown one, a wrong type or a missing secret fails with
 * INVALID_INPUT naming the key's path, never ignored. Secrets are {@code ${env:NAME}} or {@code ${file:path}} and are
 * read here, never written anywhere. Relative paths are relative to the file's directory. Stateless.
 *
 * <p>Why ~450 lines: one method per section of the format, each next to the keys it accepts.
 *
 * <pre>{@code
 * Plan plan = PlanFile.read(Path.of("shop.plan.yaml")).build();
 * }</pre>
 */
public final class PlanFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET = Pattern.compile("\\$\\{(env|file):([^}]+)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");
    private static final Map<String, Supplier<PlanStep>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("probe", Steps::probe);
        STEPS.put("precheck", Steps::precheck);
        STEPS.put("replication-user", Steps::replicationUser);
        STEPS.put("preflight", Steps::preflight);
        STEPS.put("dump", Steps::dump);
        STEPS.put("load", Steps::load);
        STEPS.put("replicate", Steps::replicate);
        STEPS.put("catch-up", Steps::catchUp);
        STEPS.put("verify", Steps::verify);
        STEPS.put("cut-over", Steps::cutOver);
        STEPS.put("close-rollback-window", Steps::closeRollbackWindow);
    }

    private final Path dir;
    private final String file;
    private Endpoint source;
    private Endpoint target;

    private PlanFile(Path file) {
        this.dir = file.toAbsolutePath().getParent();
        this.file = file.toString();
    }

    /**
     * @throws MigrationException FILE_NOT_FOUND, or INVALID_INPUT naming the file and the key
     */
    public static Plan.Builder read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.FILE_NOT_FOUND, "No plan file " + file), e);
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The plan file " + file
                    + " is not valid YAML: " + e.getMessage()), e);
        }
        PlanFile p = new PlanFile(file);
        try {
            return p.builder(root);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw p.invalid(e.getMessage());
        }
    }

    private MigrationException invalid(String what) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "Plan file " + file + ": " + what));
    }

    private Plan.Builder builder(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("not a mapping of keys to values");
        }
        keys(root, "", Set.of("id", "source", "target", "schemas", "journal", "dump", "load", "transforms", "replication",
                "guardrails", "rollbackWindow", "onRollback", "hooks", "steps", "pollInterval"));
        source = endpoint(required(root, "source"), "source");
        target = endpoint(required(root, "target"), "target");
        String id = text(required(root, "id"), "id");
        Plan.Builder b = Plan.from(source).to(target).id(id).schemas(strings(required(root, "schemas"), "schemas")
                .toArray(String[]::new));
        Path journalDir = dir.resolve(id + ".journal");
        if (root.has("journal")) {
            String j = text(root.get("journal"), "journal");
            if (j.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
                b.journal(URI.create(j));
                journalDir = null;
            } else {
                journalDir = dir.resolve(j);
            }
        }
        if (journalDir != null) {
            b.journal(journalDir);
        }
        if (root.has("transforms")) {
            List<String> names = strings(root.get("transforms"), "transforms");
            NamedTransforms.of(names); // an unknown name fails here, with the file's name
            b.transforms(names.toArray(String[]::new));
        }
        dump(root.get("dump"), b);
        load(root.get("load"), b);
        replication(required(root, "replication"), b);
        if (root.has("guardrails")) {
            b.guardrails(guardrails(root.get("guardrails")));
        }
        if (root.has("rollbackWindow")) {
            JsonNode w = root.get("rollbackWindow");
            keys(w, "rollbackWindow.", Set.of("user", "password", "keepOpenFor"));
            RollbackWindow rw = RollbackWindow.of(text(required(w, "user", "rollbackWindow."), "rollbackWindow.user"),
                    text(required(w, "password", "rollbackWindow."), "rollbackWindow.password"));
            if (w.has("keepOpenFor")) {
                rw = rw.keepOpenFor(duration(w.get("keepOpenFor"), "rollbackWindow.keepOpenFor"));
            }
            b.rollbackWindow(rw);
        }
        if (root.has("onRollback")) {
            JsonNode o = root.get("onRollback");
            keys(o, "onRollback.", Set.of("target", "deleteDump"));
            if (o.has("target")) {
                b.onRollback(TargetOnRollback.valueOf(text(o.get("target"), "onRollback.target").toUpperCase(Locale.ROOT)));
            }
            if (o.has("deleteDump")) {
                b.deleteDumpOnRollback(bool(o.get("deleteDump"), "onRollback.deleteDump"));
            }
        }
        hooks(root.get("hooks"), b);
        if (root.has("steps")) {
            b.steps(steps(root.get("steps")));
        }
        if (root.has("pollInterval")) {
            b.pollInterval(duration(root.get("pollInterval"), "pollInterval"));
        }
        return b;
    }

    private void dump(JsonNode d, Plan.Builder b) {
        if (d == null) {
            return;
        }
        keys(d, "dump.", Set.of("store", "threads", "chunkSize", "compression"));
        if (d.has("store")) {
            String s = text(d.get("store"), "dump.store");
            b.dumpTo(s.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? DumpStores.of(URI.create(s)) : DumpStores.directory(dir.resolve(s)));
        }
        Integer threads = d.has("threads") ? integer(d.get("threads"), "dump.threads") : null;
        DataSize chunk = d.has("chunkSize") ? DataSize.parse(text(d.get("chunkSize"), "dump.chunkSize")) : null;
        Compression c = d.has("compression") ? Compression.valueOf(text(d.get("compression"), "dump.compression")
                .toUpperCase(Locale.ROOT)) : null;
        b.dump(x -> {
            if (threads != null) {
                x.threads(threads);
            }
            if (chunk != null) {
                x.chunkSize(chunk);
            }
            if (c != null) {
                x.compression(c);
            }
        });
    }

    private void load(JsonNode l, Plan.Builder b) {
        if (l == null) {
            return;
        }
        keys(l, "load.", Set.of("threads"));
        if (l.has("threads")) {
            int threads = integer(l.get("threads"), "load.threads");
            b.load(x -> x.threads(threads));
        }
    }

    private void replication(JsonNode r, Plan.Builder b) {
        keys(r, "replication.", Set.of("user", "password", "heartbeat", "catchUpTimeout", "plannedDuration"));
        b.replicationUser(text(required(r, "user", "replication."), "replication.user"),
                text(required(r, "password", "replication."), "replication.password"));
        if (r.has("heartbeat")) {
            b.heartbeat(duration(r.get("heartbeat"), "replication.heartbeat"));
        }
        if (r.has("catchUpTimeout")) {
            b.catchUpTimeout(duration(r.get("catchUpTimeout"), "replication.catchUpTimeout"));
        }
        if (r.has("plannedDuration")) {
            b.plannedDuration(duration(r.get("plannedDuration"), "replication.plannedDuration"));
        }
    }

    private Guardrails guardrails(JsonNode g) {
        keys(g, "guardrails.", Set.of("maxLag", "maxTransactionAge", "guardWait", "maxWriteDowntime"));
        Guardrails out = Guardrails.defaults();
        if (g.has("maxLag")) {
            out = out.maxLag(duration(g.get("maxLag"), "guardrails.maxLag"));
        }
        if (g.has("maxTransactionAge")) {
            out = out.maxTransactionAge(duration(g.get("maxTransactionAge"), "guardrails.maxTransactionAge"));
        }
        if (g.has("guardWait")) {
            out = out.guardWait(duration(g.get("guardWait"), "guardrails.guardWait"));
        }
        if (g.has("maxWriteDowntime")) {
            out = out.maxWriteDowntime(duration(g.get("maxWriteDowntime"), "guardrails.maxWriteDowntime"));
        }
        return out;
    }

    private void hooks(JsonNode h, Plan.Builder b) {
        if (h == null) {
            return;
        }
        keys(h, "hooks.", Set.of("stopWrites", "resumeWrites", "switchToTarget", "switchToSource"));
        if (h.has("stopWrites")) {
            b.stopWrites(hook(h.get("stopWrites"), "hooks.stopWrites"));
        }
        if (h.has("resumeWrites")) {
            b.resumeWrites(hook(h.get("resumeWrites"), "hooks.resumeWrites"));
        }
        if (h.has("switchToTarget")) {
            b.switchToTarget(hook(h.get("switchToTarget"), "hooks.switchToTarget"));
        }
        if (h.has("switchToSource")) {
            b.switchToSource(hook(h.get("switchToSource"), "hooks.switchToSource"));
        }
    }

    /** A hook: {@code {command: [argv], timeout: 2m, env: {K: V}}} or {@code {sql: [..], on: source|target}}. */
    private PlanHook hook(JsonNode n, String path) {
        if (n.isTextual() && n.asText().equals("none")) {
            return Hooks.none();
        }
        keys(n, path + ".", Set.of("command", "timeout", "env", "sql", "on"));
        if (n.has("command") == n.has("sql")) {
            throw new IllegalArgumentException(path + ": give either command or sql");
        }
        if (n.has("command")) {
            Duration timeout = n.has("timeout") ? duration(n.get("timeout"), path + ".timeout") : Duration.ofMinutes(10);
            Map<String, String> env = new LinkedHashMap<>();
            if (n.has("env")) {
                Iterator<Map.Entry<String, JsonNode>> it = n.get("env").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    env.put(e.getKey(), text(e.getValue(), path + ".env." + e.getKey()));
                }
            }
            return Hooks.command(strings(n.get("command"), path + ".command"), timeout, env, dir);
        }
        String on = n.has("on") ? text(n.get("on"), path + ".on") : "source";
        Endpoint e = switch (on) {
            case "source" -> source;
            case "target" -> target;
            default -> throw new IllegalArgumentException(path + ".on must be source or target, was '" + on + "'");
        };
        return Hooks.sql(e, on, strings(n.get("sql"), path + ".sql"));
    }

    private List<PlanStep> steps(JsonNode n) {
        List<PlanStep> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : iterable(n, "steps")) {
            String path = "steps[" + i++ + "]";
            if (s.isTextual()) {
                Supplier<PlanStep> f = STEPS.get(s.asText());
                if (f == null) {
                    throw new IllegalArgumentException(path + ": unknown step '" + s.asText() + "'; known: " + STEPS.keySet());
                }
                out.add(f.get());
            } else {
                keys(s, path + ".", Set.of("name", "run", "rollback"));
                out.add(Steps.hook(text(required(s, "name", path + "."), path + ".name"), hook(required(s, "run", path
                        + "."), path + ".run"), s.has("rollback") ? hook(s.get("rollback"), path + ".rollback") : Hooks.none()));
            }
        }
        return out;
    }

    private Endpoint endpoint(JsonNode n, String path) {
        keys(n, path + ".", Set.of("host", "port", "user", "password", "tls", "caBundle", "allowPublicKeyRetrieval",
                "jdbcUrl"));
        Endpoint.Builder b = Endpoint.builder();
        if (n.has("jdbcUrl")) {
            b.jdbcUrl(text(n.get("jdbcUrl"), path + ".jdbcUrl"));
        }
        if (n.has("host")) {
            b.host(text(n.get("host"), path + ".host"));
        }
        if (n.has("port")) {
            b.port(integer(n.get("port"), path + ".port"));
        }
        if (n.has("user")) {
            b.user(text(n.get("user"), path + ".user"));
        }
        if (n.has("password")) {
            b.password(text(n.get("password"), path + ".password"));
        }
        if (n.has("tls")) {
            b.tls(TlsMode.valueOf(text(n.get("tls"), path + ".tls").toUpperCase(Locale.ROOT)));
        }
        if (n.has("caBundle")) {
            b.caBundle(dir.resolve(text(n.get("caBundle"), path + ".caBundle")));
        }
        if (n.has("allowPublicKeyRetrieval")) {
            b.allowPublicKeyRetrieval(bool(n.get("allowPublicKeyRetrieval"), path + ".allowPublicKeyRetrieval"));
        }
        return b.build();
    }

    private void keys(JsonNode n, String prefix, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException((prefix.isEmpty() ? "the file" : prefix.substring(0, prefix.length() - 1))
                    + " must be a mapping");
        }
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + prefix + k + "'; allowed here: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private JsonNode required(JsonNode n, String key) {
        return required(n, key, "");
    }

    private JsonNode required(JsonNode n, String key, String prefix) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing key '" + prefix + key + "'");
        }
        return v;
    }

    private String text(JsonNode n, String path) {
        if (n == null || !n.isValueNode()) {
            throw new IllegalArgumentException(path + " must be a single value");
        }
        return secrets(n.asText(), path);
    }

    private String secrets(String s, String path) {
        Matcher m = SECRET.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("env")) {
                value = System.getenv(m.group(2));
                if (value == null) {
                    throw new IllegalArgumentException(path + ": the environment variable " + m.group(2) + " is not set");
                }
            } else {
                try {
                    value = Files.readString(dir.resolve(m.group(2)), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException(path + ": cannot read " + m.group(2) + ": " + e);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private int integer(JsonNode n, String path) {
        if (!n.canConvertToInt()) {
            throw new IllegalArgumentException(path + " must be a whole number");
        }
        return n.asInt();
    }

    private boolean bool(JsonNode n, String path) {
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(path + " must be true or false");
        }
        return n.asBoolean();
    }

    private List<String> strings(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n.isValueNode()) {
            out.add(text(n, path));
            return out;
        }
        int i = 0;
        for (JsonNode x : iterable(n, path)) {
            out.add(text(x, path + "[" + i++ + "]"));
        }
        return out;
    }

    private Iterable<JsonNode> iterable(JsonNode n, String path) {
        if (!n.isArray()) {
            throw new IllegalArgumentException(path + " must be a list");
        }
        return n;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}/{@code 5min}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT5M}). */
    static Duration duration(JsonNode n, String path) {
        String s = n.asText().trim();
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            long v = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(v);
                case "s" -> Duration.ofSeconds(v);
                case "m", "min" -> Duration.ofMinutes(v);
                case "h" -> Duration.ofHours(v);
                default -> Duration.ofDays(v);
            };
        }
        try {
            return Duration.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": '" + s + "' is not a duration (500ms, 30s, 5m, 2h, 1d or PT5M)");
        }
    }
}
