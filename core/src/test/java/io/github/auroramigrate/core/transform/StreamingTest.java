package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.StatementReader;
import io.github.auroramigrate.core.sql.StatementWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.io.Writer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transforms a generated 2 GiB dump through every built-in with a 64 MB heap (surefire execution "streaming" in
 * core/pom.xml runs this class alone with -Xmx64m): it only passes if the pipeline keeps one statement at a time.
 */
class StreamingTest {
    private static final long TARGET_CHARS = 2L << 30; // a multi-GB dump

    /** A mysqldump-like stream: a header with definers and a routine, then 100 KB extended INSERTs. */
    static final class DumpGenerator extends Reader {
        private static final String HEADER = "/*!40101 SET NAMES utf8mb4 */;\nSET @@SESSION.SQL_LOG_BIN= 0;\n"
                + "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop`;\nUSE `shop`;\n"
                + "CREATE TABLE `big` (`id` int NOT NULL, `s` varchar(200), PRIMARY KEY (`id`)) ENGINE=MyISAM"
                + " ROW_FORMAT=FIXED;\nDELIMITER ;;\nCREATE DEFINER=`u`@`%` PROCEDURE p() BEGIN SELECT 1; END ;;\n"
                + "DELIMITER ;\n/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`u`@`%` SQL SECURITY DEFINER */"
                + "\n/*!50001 VIEW `v` AS select 1 AS `x` */;\nLOCK TABLES `big` WRITE;\n";
        private final StringBuilder chunk = new StringBuilder();
        private int chunkPos;
        private long produced;
        private int row;
        int statements;
        private boolean headerDone;
        private boolean done;

        @Override
        public int read(char[] buf, int off, int len) {
            if (chunkPos >= chunk.length()) {
                if (done) {
                    return -1;
                }
                refill();
            }
            int n = Math.min(len, chunk.length() - chunkPos);
            chunk.getChars(chunkPos, chunkPos + n, buf, off);
            chunkPos += n;
            produced += n;
            return n;
        }

        private void refill() {
            chunk.setLength(0);
            chunkPos = 0;
            if (!headerDone) {
                headerDone = true;
                chunk.append(HEADER);
                statements += 8;
                return;
            }
            if (produced >= TARGET_CHARS) {
                chunk.append("UNLOCK TABLES;\n-- Dump completed\n");
                statements++;
                done = true;
                return;
            }
            chunk.append("INSERT INTO `big` VALUES ");
            while (chunk.length() < 100_000) {
                row++;
                chunk.append('(').append(row).append(",'row ").append(row)
                        .append(" with ; and \\' and DEFINER=`x`@`y` and /* not a comment */'),");
            }
            chunk.setCharAt(chunk.length() - 1, ';');
            chunk.append('\n');
            statements++;
        }

        @Override
        public void close() {
        }
    }

    /** Counts characters and discards them. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] cbuf, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void transformsAStreamFiveTimesLargerThanTheHeap() {
        // only the "streaming" surefire execution (-Xmx64m) proves the bound; -Dtest=StreamingTest would also run
        // it in the default execution with a large heap, where it is reported as skipped instead
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < TARGET_CHARS / 4,
                "needs a heap far smaller than the stream: run by the surefire execution 'streaming' (-Xmx64m)");
        Transform all = Transforms.excludeTables("shop.other").andThen(Transforms.renameSchema("shop", "shop2"))
                .andThen(Transforms.stripDefiners().sqlSecurityInvoker(true))
                .andThen(Transforms.dropSuperStatements()).andThen(Transforms.forceInnoDb())
                .andThen(Transforms.stripTablespaces()).andThen(Transforms.mapCollations(TargetVersion.MYSQL_57))
                .andThen(Transforms.mariaDbToMySql()).andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_57));
        DumpGenerator in = new DumpGenerator();
        CountingWriter out = new CountingWriter();
        TransformReport report;
        try (StatementReader r = StatementReader.of(in, "generated.sql", SqlOptions.DEFAULT);
             StatementWriter w = StatementWriter.of(out)) {
            report = TransformPipeline.of(all).run(r, w);
        }
        assertThat(in.produced).isGreaterThan(TARGET_CHARS);
        assertThat(report.statementsRead()).isEqualTo(in.statements);
        assertThat(report.statementsWritten()).isEqualTo(in.statements - 1);           // SQL_LOG_BIN dropped
        assertThat(report.count("stripDefiners", "definer removed")).isEqualTo(2);
        assertThat(report.count("forceInnoDb", "engine converted")).isEqualTo(1);
        assertThat(report.count("renameSchema", "name renamed")).isEqualTo(2);
        // output differs from input only by the rewritten header
        assertThat(Math.abs(out.chars - in.produced)).isLessThan(200);
    }
}
