package io.github.auroramigrate.core.sql;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Predicate;

import static io.github.auroramigrate.core.sql.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

class StatementWriterTest {

    private static String write(List<Statement> statements, SqlOptions options) {
        StringWriter sw = new StringWriter();
        try (StatementWriter w = StatementWriter.of(sw, options)) {
            statements.forEach(w::write);
        }
        return sw.toString();
    }

    private static List<String> textsAndDelimiters(List<Statement> statements) {
        return statements.stream().map(s -> s.text() + "|" + s.delimiter()).toList();
    }

    /** Dropping statements whose leading text holds DELIMITER lines still yields a script that splits the same. */
    private static void assertDropKeepsSplitting(Predicate<Statement> drop) {
        List<Statement> all = Fixtures.readFile(Fixtures.MYSQL80_DUMP, SqlOptions.DEFAULT);
        List<Statement> kept = all.stream().filter(drop.negate()).toList();
        assertThat(kept.size()).isLessThan(all.size());
        String out = write(kept, SqlOptions.DEFAULT);
        List<Statement> reread = readAll(out);
        assertThat(reread).extracting(Statement::text).containsExactlyElementsOf(
                kept.stream().map(Statement::text).toList());
        // every statement whose text contains ';' at top level still needs (and gets) a longer delimiter
        for (Statement s : reread) {
            if (s.kind() == StatementKind.CREATE_PROCEDURE || s.kind() == StatementKind.CREATE_TRIGGER) {
                assertThat(s.delimiter()).isEqualTo(";;");
            }
        }
    }

    @Test
    void droppingTheStatementAfterADelimiterLineReEmitsIt() {
        // the first ';;' statement of the events section carries "DELIMITER ;;" in its leading text
        assertDropKeepsSplitting(s -> s.leading().contains("DELIMITER ;;"));
    }

    @Test
    void droppingTriggersAndRoutinesKeepsTheRestIntact() {
        assertDropKeepsSplitting(s -> s.kind() == StatementKind.CREATE_TRIGGER
                || s.kind() == StatementKind.CREATE_PROCEDURE);
    }

    @Test
    void generatedRoutineWithInnerSemicolonsGetsADelimiterLine() {
        Statement proc = Statement.of("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND");
        Statement call = Statement.of("CALL p()");
        String out = write(List.of(proc, call), SqlOptions.DEFAULT);
        assertThat(out).isEqualTo("\nDELIMITER ;;\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;;\n"
                + "DELIMITER ;\nCALL p();");
        assertThat(readAll(out)).extracting(Statement::text).containsExactly(proc.text(), call.text());
    }

    @Test
    void delimiterInsideStringsDoesNotForceADelimiterLine() {
        String out = write(List.of(Statement.of("SELECT 'a;b' /* ; */")), SqlOptions.DEFAULT);
        assertThat(out).isEqualTo("\nSELECT 'a;b' /* ; */;");
    }

    @Test
    void unterminatedLastStatementGetsItsDelimiterWhenAnotherFollows() {
        List<Statement> in = readAll("SELECT 1;\nSELECT 2");
        assertThat(write(in, SqlOptions.DEFAULT)).isEqualTo("SELECT 1;\nSELECT 2");
        String out = write(List.of(in.get(0), in.get(1), Statement.of("SELECT 3")), SqlOptions.DEFAULT);
        assertThat(out).isEqualTo("SELECT 1;\nSELECT 2;\n\nSELECT 3;");
    }

    @Test
    void textEndingInALineCommentGetsALineBreakBeforeTheDelimiter() {
        String out = write(List.of(Statement.of("SELECT 1 -- note"), Statement.of("SELECT 2")), SqlOptions.DEFAULT);
        assertThat(readAll(out)).extracting(Statement::text).containsExactly("SELECT 1 -- note\n", "SELECT 2");
    }

    @Test
    void mydumperModeNeverWritesDelimiterLines() {
        SqlOptions mydumper = SqlOptions.builder().splitMode(SplitMode.MYDUMPER).build();
        Statement proc = Statement.of("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; \nEND");
        String out = write(List.of(proc), mydumper);
        assertThat(out).doesNotContain("DELIMITER").endsWith("END;");
        assertThat(readAll(out, mydumper)).extracting(Statement::text).containsExactly(proc.text());
    }
}
