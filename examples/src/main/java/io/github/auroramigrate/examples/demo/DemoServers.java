package io.github.auroramigrate.examples.demo;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers an example runs against: your own, from {@code --source user@host[:port]} and {@code --target ...}
 * (passwords from {@code --source-password-file}/{@code --target-password-file} or the environment variables
 * {@code AURORA_MIGRATE_SOURCE_PASSWORD}/{@code AURORA_MIGRATE_TARGET_PASSWORD}, never the command line), or, without
 * them, two embedded servers started for the run with the sample "shop" schema on the source. Closing stops embedded
 * servers only.
 *
 * <pre>{@code
 * try (DemoServers s = DemoServers.from(args, ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
 *     Dump.from(s.source()).schemas(s.schema())...
 * }
 * }</pre>
 */
public final class DemoServers implements AutoCloseable {
    private final Endpoint source;
    private final Endpoint target;
    private final String schema;
    private final List<TestServer> started;
    private final Map<String, String> options;

    private DemoServers(Endpoint source, Endpoint target, String schema, List<TestServer> started, Map<String, String> options) {
        this.source = source;
        this.target = target;
        this.schema = schema;
        this.started = started;
        this.options = options;
    }

    /**
     * @param args        the example's arguments: {@code --source}, {@code --target}, their password files, {@code --schema}
     * @param sourceKind  the embedded source to start when no {@code --source} is given
     * @param targetProfile the embedded target's profile (an Aurora-like server of the same kind)
     */
    public static DemoServers from(String[] args, ServerKind sourceKind, AuroraProfile targetProfile) throws Exception {
        Map<String, String> o = options(args);
        String schema = o.getOrDefault("--schema", "shop");
        if (o.containsKey("--source") != o.containsKey("--target")) {
            throw new IllegalArgumentException("give both --source and --target (your servers), or neither (embedded servers)");
        }
        if (o.containsKey("--source")) {
            return new DemoServers(endpoint("source", o), endpoint("target", o), schema, List.of(), o);
        }
        System.out.println("Starting embedded servers: " + sourceKind + " source, " + sourceKind + " target as "
                + targetProfile + " (pass --source/--target to use your own) ...");
        TestServer src = TestServers.startPrivate(sourceKind, AuroraProfile.NONE);
        TestServer dst = TestServers.startPrivate(sourceKind, targetProfile);
        try (Connection c = src.rootConnection()) {
            SampleSchema.create(c, schema);
        }
        return new DemoServers(of(src), of(dst), schema, List.of(src, dst), o);
    }

    /** @return the endpoint of a test server's migration user */
    public static Endpoint of(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .allowPublicKeyRetrieval(true).build();
    }

    /** @return the source */
    public Endpoint source() {
        return source;
    }

    /** @return the target */
    public Endpoint target() {
        return target;
    }

    /** @return the schema to move ({@code --schema}, default shop) */
    public String schema() {
        return schema;
    }

    /** @return the embedded servers, source then target; empty when yours are used */
    public List<TestServer> embedded() {
        return started;
    }

    /**
     * What the handbook sets in the target's DB cluster parameter group before routines can be created without SUPER
     * ({@code log_bin_trust_function_creators=1}): on an embedded target it is set as root; on yours, say so.
     */
    public void applyParameterGroup() throws java.sql.SQLException {
        if (started.isEmpty()) {
            System.out.println("(your target needs log_bin_trust_function_creators=1 in its parameter group for stored functions)");
            return;
        }
        try (Connection c = started.get(1).rootConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        }
        System.out.println("Target parameter group (emulated as root): log_bin_trust_function_creators=1");
    }

    /** Runs a client program (mariadb-dump, mydumper) against one side, its password in the environment, never argv. */
    public static void run(List<String> command, String password, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(stdout == null);
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        if (password != null && !password.isEmpty()) {
            pb.environment().put("MYSQL_PWD", password);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed: run scripts/install-os-deps.sh (Debian: apt-get install"
                    + " mariadb-client mydumper)", e);
        }
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    /** @return an option's value, or {@code orElse} */
    public String option(String name, String orElse) {
        return options.getOrDefault(name, orElse);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options come as --name value: " + String.join(" ", args));
            }
            o.put(args[i], args[++i]);
        }
        return o;
    }

    private static Endpoint endpoint(String side, Map<String, String> o) {
        String address = o.get("--" + side);
        if (address.contains(":") && address.indexOf(':') < address.indexOf('@')) {
            throw new IllegalArgumentException("--" + side + " must not carry a password: use --" + side + "-password-file");
        }
        Endpoint.Builder b = Endpoint.builder().jdbcUrl("jdbc:mysql://" + (address.contains("/") ? address : address.replaceFirst("\\?", "/?")
                + (address.contains("?") ? "" : "/")));
        String file = o.get("--" + side + "-password-file");
        String env = System.getenv("AURORA_MIGRATE_" + side.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
        if (file != null) {
            try {
                b.password(Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (env != null) {
            b.password(env);
        }
        return b.build();
    }

    @Override
    public void close() {
        List<TestServer> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        reversed.forEach(TestServer::close);
    }
}
