package io.github.auroramigrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one tool as a child process under {@code /usr/bin/time -f %M}, so wall time and peak RSS (VmHWM of the
 * tool's own process) are taken the same way for every tool, ours included (a child JVM).
 *
 * <pre>{@code
 * Measured.Run r = Measured.command(List.of("mydumper", "-t", "2")).log(logDir.resolve("mydumper.log")).run();
 * }</pre>
 *
 * <p>Not thread-safe; one instance per run.
 */
final class Measured {
    /** What one process did: wall seconds, peak RSS in MB, exit code, and the tail of its log. */
    record Run(double seconds, double peakRssMb, int exitCode, String logTail, String stdout) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> command;
    private Path log;
    private Path stdin;
    private Path stdout;

    private Measured(List<String> command) {
        this.command = List.copyOf(command);
    }

    static Measured command(List<String> command) {
        return new Measured(command);
    }

    /** Where stderr (and stdout unless {@link #stdout(Path)}) goes. */
    Measured log(Path file) {
        this.log = file;
        return this;
    }

    Measured stdin(Path file) {
        this.stdin = file;
        return this;
    }

    Measured stdout(Path file) {
        this.stdout = file;
        return this;
    }

    Run run() throws IOException, InterruptedException {
        Objects.requireNonNull(log, "log");
        Files.createDirectories(log.getParent());
        Path rss = Files.createTempFile(log.getParent(), "rss", ".txt");
        Path out = stdout != null ? stdout : log.resolveSibling(log.getFileName() + ".out");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectError(log.toFile()).redirectOutput(out.toFile());
        pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile()) : ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rssMb = parseRss(rss);
        Files.deleteIfExists(rss);
        String stdoutText = stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
        return new Run(seconds, rssMb, code, tail(log, 15), stdoutText);
    }

    private static double parseRss(Path file) throws IOException {
        // the file may hold "Command exited with non-zero status N" before the number
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String s = lines.get(i).trim();
            if (s.matches("\\d+")) {
                return Long.parseLong(s) / 1024.0;
            }
        }
        return Double.NaN;
    }

    static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
