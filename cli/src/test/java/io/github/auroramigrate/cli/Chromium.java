package io.github.auroramigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's package), as scripts/report-screenshot.sh runs it: a page's DOM after its scripts, a screenshot. */
final class Chromium {
    private Chromium() {
    }

    private static List<String> command(Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** @return the page's DOM after its scripts ran */
    static String dom(Path html) throws Exception {
        Path out = Files.createTempFile("dom", ".html");
        run(command(Files.createTempDirectory("chromium"), "--dump-dom", html.toUri().toString()), out);
        return Files.readString(out);
    }

    /** Takes a 1280 x 1600 screenshot of the page. */
    static void screenshot(Path html, Path png) throws Exception {
        run(command(Files.createTempDirectory("chromium"), "--hide-scrollbars", "--window-size=1280,1600",
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()), Files.createTempFile("chromium", ".out"));
        assertThat(png).as("chromium wrote the screenshot").exists();
    }

    private static void run(List<String> cmd, Path stdout) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("chromium is not installed: run scripts/install-os-deps.sh (apt-get install chromium)", e);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished within a minute").isTrue();
        assertThat(p.exitValue()).as("chromium's exit status").isZero();
    }
}
