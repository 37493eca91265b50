package io.github.auroramigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a benchmark ran: date, cores, memory, CPU model, load average, and the peers' versions.
 *
 * <pre>{@code
 * Machine m = Machine.describe();
 * }</pre>
 *
 * @param date      ISO date and time with zone
 * @param cores     available processors
 * @param memoryGb  total memory
 * @param cpu       CPU model name
 * @param loadAvg   /proc/loadavg at start
 * @param versions  the peers' and the JVM's versions
 */
record Machine(String date, int cores, double memoryGb, String cpu, String loadAvg, String versions) {
    static Machine describe() {
        return new Machine(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(), memTotalKb() / 1048576.0, cpuModel(), read("/proc/loadavg"),
                String.join("; ", firstLine("mydumper", "--version"), firstLine("myloader", "--version"),
                        firstLine("mariadb-dump", "--version"), firstLine("mariadb", "--version"),
                        "java " + System.getProperty("java.runtime.version")));
    }

    static String loadAvgNow() {
        return read("/proc/loadavg");
    }

    private static long memTotalKb() {
        for (String l : lines("/proc/meminfo")) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String cpuModel() {
        for (String l : lines("/proc/cpuinfo")) {
            if (l.startsWith("model name")) {
                return l.substring(l.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(String file) {
        List<String> l = lines(file);
        return l.isEmpty() ? "" : l.get(0).trim();
    }

    private static String firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return text.isEmpty() ? command[0] + " ?" : text.lines().findFirst().orElse("");
        } catch (IOException e) {
            return command[0] + " not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0] + " ?";
        }
    }
}
