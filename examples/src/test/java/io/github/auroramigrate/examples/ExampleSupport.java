package io.github.auroramigrate.examples;

import io.github.auroramigrate.examples.demo.SampleSchema;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.fidelity.ExpectedDifference;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs an example's main against the test's servers (the "your own servers" path) and captures what it prints. */
public final class ExampleSupport {
    /** An example's entry point. */
    public interface Main {
        void main(String[] args) throws Exception;
    }

    /** What converting the sample schema's MyISAM table to InnoDB changes on purpose (the pre-check announces it). */
    public static final List<ExpectedDifference> INNODB_CONVERSION = List.of(ExpectedDifference.engine("MyISAM", "InnoDB"),
            ExpectedDifference.of(SchemaObject.Kind.TABLE, "legacy_log", "options", "pack_keys=1 row_format=fixed",
                    "row_format=dynamic", "MyISAM-only options dropped by the conversion to InnoDB"),
            ExpectedDifference.of(SchemaObject.Kind.TABLE, "legacy_log", "row format", "fixed", "dynamic",
                    "InnoDB has no FIXED row format"));

    private ExampleSupport() {
    }

    /** Creates the sample schema on the source, and readies the target as its parameter group would be. */
    public static void prepare(TestServer source, TestServer target, String schema) throws Exception {
        try (java.sql.Connection c = source.rootConnection()) {
            SampleSchema.create(c, schema);
        }
        target.execute("DROP DATABASE IF EXISTS " + schema, "SET GLOBAL log_bin_trust_function_creators = 1");
    }

    /** Asserts, by the test oracle, that the target holds the schema exactly as the source, up to {@code expected}. */
    public static void assertSameSchema(TestServer source, TestServer target, String schema, List<ExpectedDifference> expected) {
        SchemaComparison.builder().expect(expected).build()
                .diff(SchemaSnapshot.of(source, schema), SchemaSnapshot.of(target, schema)).assertEqual();
    }

    /** @return the arguments that point an example at these servers, with password files in {@code tmp} */
    public static String[] args(TestServer source, TestServer target, String schema, Path tmp, String... more) throws Exception {
        Path sp = Files.writeString(tmp.resolve("source.pw"), source.password());
        Path tp = Files.writeString(tmp.resolve("target.pw"), target.password());
        List<String> a = new java.util.ArrayList<>(List.of("--source", source.user() + "@" + source.host() + ":" + source.port()
                + "?allowPublicKeyRetrieval=true", "--source-password-file", sp.toString(),
                "--target", target.user() + "@" + target.host() + ":" + target.port() + "?allowPublicKeyRetrieval=true",
                "--target-password-file", tp.toString(), "--schema", schema));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Runs the example and returns what it printed (also echoed, for the test log). */
    public static String run(Main main, String[] args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            main.main(args);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.println(text);
        return text;
    }
}
