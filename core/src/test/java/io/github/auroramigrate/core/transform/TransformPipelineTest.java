package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementEditor;
import io.github.auroramigrate.core.sql.StatementKind;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.sql.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformPipelineTest {

    @Test
    void gzipFileToGzipFileWithTheHandbookFix(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("myschema_dump.sql.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(in))) {
            o.write(Files.readAllBytes(Fixtures.path(Fixtures.MYSQL80_DUMP)));
        }
        Path out = dir.resolve("myschema_dump_nodefiners.sql.gz");
        TransformReport report = TransformPipeline.of(Transforms.stripDefiners()).run(in, out);
        assertThat(report.count("stripDefiners", "definer removed")).isEqualTo(5);
        assertThat(report.statementsRead()).isEqualTo(report.statementsWritten()).isGreaterThan(100);
        String result;
        try (GZIPInputStream g = new GZIPInputStream(Files.newInputStream(out))) {
            result = new String(g.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // line numbers are preserved: the view is where it was, without its definer
        List<String> before = Fixtures.text(Fixtures.MYSQL80_DUMP).lines().toList();
        List<String> after = result.lines().toList();
        int line = before.indexOf("/*!50013 DEFINER=`someuser`@`%` SQL SECURITY DEFINER */");
        assertThat(after.get(line)).isEqualTo("/*!50013 SQL SECURITY DEFINER */");
        assertThat(after.get(line - 1)).isEqualTo("/*!50001 CREATE ALGORITHM=UNDEFINED */");
        assertThat(after).hasSameSizeAs(before);

        assertThatThrownBy(() -> TransformPipeline.of(Transforms.stripDefiners()).run(in, in))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransformPipeline.builder().build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void perStatementSessionKeepsOriginalLinesAndSchema() {
        TransformSession session = TransformSession.open(
                Transforms.dropSuperStatements().andThen(Transforms.stripDefiners()), Fixtures.MYSQL80_DUMP);
        List<Statement> executed = new ArrayList<>();
        try (StatementReader r = StatementReader.open(Fixtures.path(Fixtures.MYSQL80_DUMP))) {
            for (Statement s : r) {
                executed.addAll(session.apply(s));
            }
        }
        Statement trigger = executed.stream().filter(s -> s.kind() == StatementKind.CREATE_TRIGGER).findFirst()
                .orElseThrow();
        // the line a loader reports is still the line in the original file
        assertThat(Fixtures.text(Fixtures.MYSQL80_DUMP).lines().toList().get((int) trigger.line() - 1))
                .startsWith("/*!50003 CREATE*/ /*!50017 DEFINER=`someuser`@`%`*/ /*!50003 TRIGGER `trg_t1`");
        assertThat(trigger.text()).doesNotContain("someuser");
        assertThat(session.context().schema()).contains("shop");
        assertThat(session.report().changes()).extracting(TransformReport.Change::transform)
                .containsExactly("stripDefiners");
    }

    @Test
    void chainingOrderNamesAndSplitting() {
        Transform duplicate = Transform.named("duplicate", (s, ctx) -> {
            ctx.count("copied");
            return List.of(s, s.derive("SELECT 'copy of line " + s.line() + "'"));
        });
        Transform upper = Transform.named("upper", (s, ctx) -> List.of(s.withText(s.text().toUpperCase())));
        TransformTesting r = TransformTesting.run(duplicate.andThen(upper), "select 1;\nselect 2;");
        assertThat(r.output).isEqualTo("SELECT 1;\nSELECT 'COPY OF LINE 1';\nSELECT 2;\nSELECT 'COPY OF LINE 2';");
        assertThat(r.report.count("duplicate", "copied")).isEqualTo(2);
        assertThat(r.report.statementsWritten()).isEqualTo(4);
        assertThat(Transform.identity().apply(Statement.of("SELECT 1"), TransformSession.open(Transform.identity(),
                "x").context())).hasSize(1);
    }

    @Test
    void failingTransformIsDiagnosedWithFileAndLine() {
        Transform broken = Transform.named("broken", (s, ctx) -> {
            if (s.line() == 2) {
                throw new IllegalStateException("boom");
            }
            return List.of(s);
        });
        assertThatThrownBy(() -> TransformTesting.run(broken, "SELECT 1;\nSELECT 2;"))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.diagnosis().location().line()).isEqualTo(2);
                    assertThat(e.diagnosis().location().file()).isEqualTo("test.sql");
                    assertThat(e.getCause()).hasMessage("boom");
                });
        Transform nulls = (s, ctx) -> null;
        assertThatThrownBy(() -> TransformTesting.run(nulls, "SELECT 1;"))
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT));
    }

    /** The user-written transform shown in package-info.java, verbatim in behaviour. */
    @Test
    void sampleUserTransformFromPackageInfo() {
        Transform compress = Transform.named("compressTables", (s, ctx) -> {
            if (s.kind() != StatementKind.CREATE_TABLE) {
                return List.of(s);
            }
            StatementEditor e = StatementEditor.of(s);
            List<Token> t = e.tokens();
            int depth = 0;
            int last = -1;
            for (int i = e.next(-1); i >= 0; i = e.next(i)) {
                Token k = t.get(i);
                if (k.isOperator("(")) {
                    depth++;
                } else if (k.isOperator(")")) {
                    depth--;
                } else if (depth == 0 && k.isWord("ROW_FORMAT")) {
                    return List.of(s);
                }
                last = i;
            }
            e.insertAfter(t.get(last), " ROW_FORMAT=COMPRESSED");
            ctx.count("row format added");
            return List.of(e.apply());
        });
        TransformTesting r = TransformTesting.fixture(Transforms.forceInnoDb().andThen(compress),
                Fixtures.MYSQL80_DUMP);
        assertThat(r.output).contains(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"
                + " ROW_FORMAT=COMPRESSED;\n/*!40101 SET character_set_client = @saved_cs_client */;\n\n--\n"
                + "-- Dumping data for table `t1`");
        // legacy got ROW_FORMAT=DYNAMIC from forceInnoDb, so the sample leaves it
        assertThat(r.output).contains("COLLATE=utf8mb4_0900_ai_ci ROW_FORMAT=DYNAMIC;");
        assertThat(r.report.count("compressTables", "row format added")).isEqualTo(7);   // 8 tables, legacy has one
    }
}
