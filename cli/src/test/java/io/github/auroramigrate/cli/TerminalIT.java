package io.github.auroramigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees on a real terminal: the distribution's {@code load} of a mysqldump-style file runs inside tmux
 * (a real pseudo-terminal, 120 columns), and the screen, read with {@code tmux capture-pane} while it runs, shows the
 * live progress bar (percentage, bytes of the file, rate) and, at the end, the step's line and the verdict.
 */
@ExtendWith(TestServersExtension.class)
class TerminalIT {

    @Test
    void theProgressBarRendersOnARealTerminal(@Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3)
            TestServer target, @TempDir Path tmp) throws Exception {
        String schema = "term_bar";
        target.execute("DROP DATABASE IF EXISTS " + schema);
        // a file of single-row INSERTs: each is journaled on its own, so the load takes seconds, like a real import
        StringBuilder sql = new StringBuilder("CREATE DATABASE " + schema + ";\nUSE " + schema + ";\n"
                + "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200));\n");
        for (int i = 1; i <= 2500; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(", '").append(Long.toHexString(Double.doubleToLongBits(Math.random())).repeat(8)).append("');\n");
        }
        Path file = Files.writeString(tmp.resolve("import.sql"), sql);
        Path pw = Files.writeString(tmp.resolve("pw"), target.password());
        String socket = "aurora-migrate-it-" + ProcessHandle.current().pid();
        String command = "LANG=C.UTF-8 " + Cli.launcher() + " load --target '" + Cli.address(target) + "' --target-password-file "
                + pw + " --sql-file " + file + "; echo EXIT=$?; sleep 600";
        tmux(socket, "new-session", "-d", "-s", "t", "-x", "120", "-y", "30", command);
        try {
            // a bar part of the way: the step, a percentage between 1 and 99, bytes of the file read of its size, a rate
            java.util.regex.Pattern partWay = java.util.regex.Pattern.compile(
                    "load +[1-9]\\d?% [│|\\[].*[│|\\]] *[0-9.]+/[0-9.]+ KiB .*KiB/s");
            String bar = awaitScreen(socket, s -> partWay.matcher(s).find() || s.contains("EXIT="), 120);
            System.out.println("--- the terminal while the load runs:\n" + bar.stripTrailing());
            assertThat(bar).containsPattern(partWay).containsPattern("[0-9,]+ statements · [0-9,]+ rows");
            String end = awaitScreen(socket, s -> s.contains("EXIT="), 180);
            System.out.println("--- the terminal at the end:\n" + end.stripTrailing());
            assertThat(end).contains("EXIT=0").containsPattern("✔ load +[0-9.]+ m?s +2,500 rows")
                    .contains("load SUCCEEDED");
            assertThat(end).as("the bar is cleared when the step ends").doesNotContainPattern("load +\\S* *\\d+%");
        } finally {
            tmux(socket, "kill-server");
        }
        assertThat(target.queryString("SELECT COUNT(*) FROM " + schema + ".t")).hasValue("2500");
    }

    /** Reads the screen until it satisfies the condition (bounded); returns that screen. */
    private static String awaitScreen(String socket, java.util.function.Predicate<String> ready, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = "";
        while (System.nanoTime() < until) {
            screen = tmux(socket, "capture-pane", "-p", "-t", "t");
            if (ready.test(screen)) {
                return screen;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(50); // the poll interval of reading a screen, not a wait for the condition
        }
        throw new AssertionError("the screen never showed what was expected within " + seconds + " s; last screen:\n" + screen);
    }

    private static String tmux(String socket, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("tmux is not installed: run scripts/install-os-deps.sh (apt-get install tmux)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0 && !"kill-server".equals(args[0])) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
