package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.sql.StatementWriter;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs a transform over SQL text and keeps the output and the report. */
final class TransformTesting {
    final String output;
    final TransformReport report;

    private TransformTesting(String output, TransformReport report) {
        this.output = output;
        this.report = report;
    }

    static TransformTesting run(Transform t, String sql) {
        return run(t, sql, SqlOptions.DEFAULT);
    }

    static TransformTesting run(Transform t, String sql, SqlOptions options) {
        StringWriter out = new StringWriter();
        TransformReport report;
        try (StatementReader r = StatementReader.of(new StringReader(sql), "test.sql", options);
             StatementWriter w = StatementWriter.of(out, options)) {
            report = TransformPipeline.builder().transform(t).options(options).build().run(r, w);
        }
        return new TransformTesting(out.toString(), report);
    }

    static TransformTesting fixture(Transform t, String name) {
        return run(t, Fixtures.text(name));
    }

    /** Applies to one statement (text without delimiter) and returns the texts emitted. */
    static List<String> one(Transform t, String sql) {
        TransformSession session = TransformSession.open(t, "one.sql");
        List<String> out = new ArrayList<>();
        for (Statement s : Fixtures.readAll(sql)) {
            session.apply(s).forEach(x -> out.add(x.text()));
        }
        return out;
    }

    List<Statement> statements() {
        return Fixtures.readAll(output);
    }
}
