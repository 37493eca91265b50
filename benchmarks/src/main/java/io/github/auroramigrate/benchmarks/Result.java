package io.github.auroramigrate.benchmarks;

/**
 * One measured run of one tool in one suite.
 *
 * <pre>{@code
 * new Result("load", "myloader -t 2 -e", 1, 21.4, 35.2, true, "", Double.NaN)
 * }</pre>
 *
 * @param suite      dump, load, load-big, copy or memory
 * @param tool       the tool and its options
 * @param rep        repetition, from 1
 * @param seconds    wall time
 * @param rssMb      peak RSS of the tool's process (NaN for the server's own ceilings)
 * @param ok         whether it succeeded and the target matched the source
 * @param detail     why not, or how it was checked
 * @param heapPeakMb our child JVM's sampled heap high-water mark (NaN for others)
 */
record Result(String suite, String tool, int rep, double seconds, double rssMb, boolean ok, String detail, double heapPeakMb) {
    Result withCheck(boolean good, String why) {
        return new Result(suite, tool, rep, seconds, rssMb, ok && good, detail.isEmpty() ? why : detail + "; " + why, heapPeakMb);
    }

    String csv() {
        return String.join(",", suite, '"' + tool + '"', String.valueOf(rep), String.format("%.3f", seconds),
                String.format("%.1f", rssMb), ok ? "OK" : "FAILED", '"' + detail.replace('"', '\'') + '"',
                String.format("%.1f", heapPeakMb));
    }
}
