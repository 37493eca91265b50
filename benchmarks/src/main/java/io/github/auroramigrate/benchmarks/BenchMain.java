package io.github.auroramigrate.benchmarks;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of issue #7: generates the dataset on a private MySQL 8.0 source, then runs every tool of every
 * selected suite once per repetition, interleaved (A B C, A B C), checks every load on the target against the
 * source (row counts and checksums per table) and writes {@code results.md}, {@code results.csv} and
 * {@code ratios.png} into the output folder.
 *
 * <pre>{@code
 * scripts/bench.sh --rows 2000000 --reps 2 --suites dump,load,load-big,copy,memory --out build-output/bench/x
 * }</pre>
 *
 * <p>A program, not thread-safe. It prints the results table to standard output: this is the one class of the
 * project allowed to, being a command-line tool. Why about 450 lines: the command's options and
 * the suites, each a short method; the dataset, ceilings, measurement and report are classes of their own.
 */
@Command(name = "bench.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Side-by-side throughput: aurora-migrate vs mydumper/myloader vs mariadb-dump/mariadb vs the server's own ceilings.")
public final class BenchMain implements Callable<Integer> {
    static final String OURS_DEFAULT = "ours, defaults (2 threads, zstd)";
    static final String OURS_TUNED = "ours, tuned (2 threads, no compression)";
    /** The tuned dump in a JVM without the C2 compiler: shows what JIT warm-up costs a job of a few seconds. */
    static final String OURS_TUNED_C1 = "ours, tuned, C1-only JVM (-XX:TieredStopAtLevel=1)";
    static final String MYDUMPER = "mydumper -t 2";
    static final String MARIADB_DUMP = "mariadb-dump --single-transaction";
    static final String CEIL_DUMP = "ceiling: SELECT INTO OUTFILE";
    static final String OURS_LOAD = "ours (2 threads)";
    static final String MYLOADER = "myloader -t 2 -e";
    static final String MARIADB = "mariadb < mariadb-dump file";
    static final String CEIL_LOAD = "ceiling: LOAD DATA INFILE";
    static final String OURS_COPY = "ours: one-step Copy (2 threads)";
    static final String PEER_COPY = "mydumper -t 2, then myloader -t 2 -e";
    static final String OURS_MEMORY = "ours -Xmx256m: dump+load blobs";
    static final String OURS_S3_DUMP = "ours: dump to S3 (local S3Mock; 2 threads, zstd)";
    static final String DIR_DUMP = "same dump to a local directory";
    static final String OURS_S3_LOAD = "ours: load from S3 (local S3Mock; 2 threads)";
    static final String DIR_LOAD = "same load from a local directory";
    static final List<String> ALL_SUITES = List.of("dump", "load", "load-big", "copy", "memory", "s3-dump", "s3-load");
    /** The child JVM's credentials for the local S3 server (it accepts any). */
    private static final List<String> S3_JVM = List.of("-Daws.accessKeyId=bench", "-Daws.secretAccessKey=bench");
    private static final String S3_BUCKET = "bench";

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final Pattern OURS_LINE = Pattern.compile("OURS rows=(\\d+) heapPeakMb=([\\d.]+)");

    @Option(names = "--rows", defaultValue = "2000000", description = "rows of the big table (default ${DEFAULT-VALUE})")
    long rows;
    @Option(names = "--blob-rows", defaultValue = "64", description = "rows of the BLOB table; every 8th is over 1 MB (default ${DEFAULT-VALUE})")
    int blobRows;
    @Option(names = "--nokey-rows", defaultValue = "200000", description = "rows of the table without a primary key (default ${DEFAULT-VALUE})")
    long nokeyRows;
    @Option(names = "--small-tables", defaultValue = "1000", description = "number of small tables (default ${DEFAULT-VALUE})")
    int smallTables;
    @Option(names = "--reps", defaultValue = "2", description = "repetitions, interleaved (default ${DEFAULT-VALUE})")
    int reps;
    @Option(names = "--suites", split = ",", defaultValue = "dump,load,load-big,copy,memory,s3-dump,s3-load",
            description = "suites to run, comma-separated (default ${DEFAULT-VALUE})")
    List<String> suites;
    @Option(names = "--out", description = "output folder (default build-output/bench/<timestamp>)")
    Path out;
    @Option(names = "--jfr", description = "record our child JVMs with Java Flight Recorder into <out>/jfr (adds overhead)")
    boolean jfr;
    @Option(names = "--hold", hidden = true, description = "for profiling by hand: after preparing, print the servers' ports "
            + "and keep them up until standard input closes; no suite runs")
    boolean hold;
    @Option(names = "--command", hidden = true, description = "the command line as typed, for the report")
    String command;

    private TestServer source;
    private TestServer target;
    private Path work;
    private Path logs;
    private Path emptyCnf;
    private Map<String, TableSums.Sum> sourceSums;
    private final Map<String, String> ddl = new LinkedHashMap<>();
    private final Map<String, Long> tableBytes = new LinkedHashMap<>();
    private List<String> tablesLargestFirst;
    private final List<Result> results = new ArrayList<>();
    private final Map<String, Integer> dumpResultIndex = new LinkedHashMap<>();
    /** The newest output of each producer (ours-default, mydumper, mariadb-dump, ceil), read by the load suites. */
    private final Map<String, Path> latest = new LinkedHashMap<>();
    /** The newest dump of ours in the local S3 server, as its s3: URI. */
    private String latestS3;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String s : suites) {
            if (!ALL_SUITES.contains(s)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown suite " + s + "; known: " + ALL_SUITES);
            }
        }
        if (out == null) {
            out = Path.of("build-output", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        out = out.toAbsolutePath();
        work = out.resolve("work");
        logs = out.resolve("logs");
        Files.createDirectories(work);
        Files.createDirectories(logs);
        emptyCnf = Files.writeString(work.resolve("empty.cnf"), "");
        Machine machine = Machine.describe();
        long started = System.nanoTime();
        LOG.info("output in {}", out);
        try (TestServer src = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE);
                TestServer dst = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE)) {
            source = src;
            target = dst;
            prepare();
            if (hold) {
                LOG.info("holding: source port {}, target port {}, user root, no password; close stdin to stop",
                        port(source), port(target));
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
                return 0;
            }
            for (int rep = 1; rep <= reps; rep++) {
                dumpResultIndex.clear();
                for (String suite : ALL_SUITES) {
                    if (suites.contains(suite)) {
                        LOG.info("rep {}/{}: suite {}", rep, reps, suite);
                        switch (suite) {
                            case "dump" -> dumpSuite(rep);
                            case "load" -> loadSuite(rep);
                            case "load-big" -> loadBigSuite(rep);
                            case "copy" -> copySuite(rep);
                            case "memory" -> memorySuite(rep);
                            case "s3-dump" -> s3DumpSuite(rep);
                            case "s3-load" -> s3LoadSuite(rep);
                            default -> throw new IllegalStateException(suite);
                        }
                        writeCsv();
                    }
                }
            }
        } finally {
            Ceiling.clear(work);
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        Report report = new Report(results, sizes(), machine, command == null ? "scripts/bench.sh" : command, minutes);
        String md = report.markdown();
        Files.writeString(out.resolve("results.md"), md);
        report.chart(out.resolve("ratios.png"));
        System.out.println(md);
        System.out.println("written: " + out.resolve("results.md") + ", " + out.resolve("ratios.png") + ", " + out.resolve("results.csv"));
        return results.stream().allMatch(Result::ok) ? 0 : 1;
    }

    // ---------------------------------------------------------------- preparation

    private void prepare() throws Exception {
        Dataset data = new Dataset(rows, blobRows, nokeyRows, smallTables);
        data.create(this::src, source.secureFilePriv());
        sourceSums = TableSums.of(this::src, Dataset.SCHEMA, 2);
        try (Connection c = src(); Statement st = c.createStatement()) {
            for (String t : sourceSums.keySet()) {
                try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE `" + Dataset.SCHEMA + "`.`" + t + "`")) {
                    rs.next();
                    ddl.put(t, rs.getString(2));
                }
            }
        }
        // a warm-up that also measures the dataset in the server's own text form: the MB of every MB/s figure
        Path ceil = fresh(source.secureFilePriv(), "ceil", 0);
        Ceiling.dump(this::src, ceil, new ArrayList<>(sourceSums.keySet()));
        latest.put("ceil", ceil);
        for (String t : sourceSums.keySet()) {
            tableBytes.put(t, Files.size(ceil.resolve(t + ".tsv")));
        }
        tablesLargestFirst = tableBytes.keySet().stream().sorted(Comparator.comparing(tableBytes::get).reversed()).toList();
        long total = tableBytes.values().stream().mapToLong(Long::longValue).sum();
        LOG.info("dataset: {} tables, {} rows, {} MB as TSV", sourceSums.size(), totalRows(), total / 1_000_000);
        if (!suites.contains("dump") && (suites.contains("load") || suites.contains("load-big"))) {
            LOG.info("no dump suite: taking the load suites' inputs once, untimed");
            runOurs("dump", "prepare", OURS_DEFAULT, 0, List.of(), "dump", "--port", port(source), "--dir",
                    output("ours-default", 0), "--threads", "0", "--compression", "ZSTD");
            runMydumper(0, "prepare");
            runMariadbDump(0, "prepare");
        }
    }

    private Map<String, long[]> sizes() {
        Map<String, long[]> m = new TreeMap<>();
        long bytes = tableBytes.values().stream().mapToLong(Long::longValue).sum();
        for (String s : List.of("dump", "load", "copy", "s3-dump", "s3-load")) {
            m.put(s, new long[] {totalRows(), bytes});
        }
        m.put("load-big", new long[] {sourceSums.get("big").rows(), tableBytes.get("big")});
        m.put("memory", new long[] {sourceSums.get("blobs").rows(), tableBytes.get("blobs")});
        return m;
    }

    private long totalRows() {
        return sourceSums.values().stream().mapToLong(TableSums.Sum::rows).sum();
    }

    // ---------------------------------------------------------------- suites

    private void dumpSuite(int rep) throws Exception {
        add(runOurs("dump", "dump", OURS_DEFAULT, rep, List.of(), "dump", "--port", port(source), "--dir",
                output("ours-default", rep), "--threads", "0", "--compression", "ZSTD"), true);
        String tunedDir = output("ours-tuned", rep);
        Result tuned = runOurs("dump", "dump", OURS_TUNED, rep, List.of(), "dump", "--port", port(source), "--dir", tunedDir,
                "--threads", "2", "--compression", "NONE");
        add(tuned.ok() ? checkManifest(tuned, Path.of(tunedDir)) : tuned, false);
        String c1Dir = output("ours-tuned-c1", rep);
        Result c1 = runOurs("dump", "dump", OURS_TUNED_C1, rep, List.of("-XX:TieredStopAtLevel=1"), "dump", "--port", port(source),
                "--dir", c1Dir, "--threads", "2", "--compression", "NONE");
        add(c1.ok() ? checkManifest(c1, Path.of(c1Dir)) : c1, false);
        add(runMydumper(rep, "dump"), true);
        add(runMariadbDump(rep, "dump"), true);
        Path ceil = fresh(source.secureFilePriv(), "ceil", rep);
        latest.put("ceil", ceil);
        add(timedCeiling("dump", CEIL_DUMP, rep, () -> Ceiling.dump(this::src, ceil, tablesLargestFirst)), true);
    }

    private void loadSuite(int rep) throws Exception {
        resetTarget();
        verifyAndAdd(runOurs("load", "load", OURS_LOAD, rep, List.of(), "load", "--port", port(target), "--dir",
                latest("ours-default"), "--threads", "2"), sourceSums.keySet(), OURS_DEFAULT);
        resetTarget();
        verifyAndAdd(measure("load", MYLOADER, rep, Measured.command(List.of("myloader", "--defaults-file=" + emptyCnf,
                "-h", "127.0.0.1", "-P", port(target), "-u", "root", "-t", "2", "-e", "-d", latest("mydumper")))), sourceSums.keySet(),
                MYDUMPER);
        resetTarget();
        verifyAndAdd(measure("load", MARIADB, rep, Measured.command(List.of("mariadb", "--no-defaults", "-h", "127.0.0.1", "-P",
                port(target), "-u", "root")).stdin(Path.of(latest("mariadb-dump")))), sourceSums.keySet(), MARIADB_DUMP);
        resetTarget();
        Path files = target.secureFilePriv().resolve("ceil");
        Ceiling.copy(Path.of(latest("ceil")), files);
        verifyAndAdd(timedCeiling("load", CEIL_LOAD, rep, () -> Ceiling.load(this::dst, files, ddl, tablesLargestFirst)),
                sourceSums.keySet(), CEIL_DUMP);
    }

    private void loadBigSuite(int rep) throws Exception {
        resetTarget();
        verifyAndAdd(runOurs("load-big", "load-big", OURS_LOAD, rep, List.of(), "load", "--port", port(target), "--dir",
                latest("ours-default"), "--threads", "2", "--table", "big"), List.of("big"), null);
        resetTarget();
        Path files = target.secureFilePriv().resolve("ceil");
        Ceiling.copy(Path.of(latest("ceil")), files);
        verifyAndAdd(timedCeiling("load-big", CEIL_LOAD, rep, () -> Ceiling.load(this::dst, files, ddl, List.of("big"))),
                List.of("big"), null);
    }

    private void copySuite(int rep) throws Exception {
        resetTarget();
        verifyAndAdd(runOurs("copy", "copy", OURS_COPY, rep, List.of(), "copy", "--src-port", port(source), "--port", port(target),
                "--dir", output("ours-copy", rep), "--threads", "2", "--compression", "NONE"), sourceSums.keySet(), null);
        resetTarget();
        Result dump = runMydumper(rep, "copy");
        Result both = dump;
        if (dump.ok()) {
            Result load = measure("copy", PEER_COPY, rep, Measured.command(List.of("myloader", "--defaults-file=" + emptyCnf,
                    "-h", "127.0.0.1", "-P", port(target), "-u", "root", "-t", "2", "-e", "-d", latest("mydumper-copy"))));
            both = new Result("copy", PEER_COPY, rep, dump.seconds() + load.seconds(), Math.max(dump.rssMb(), load.rssMb()),
                    load.ok(), load.detail(), Double.NaN);
        }
        verifyAndAdd(both, sourceSums.keySet(), null);
    }

    private void memorySuite(int rep) throws Exception {
        resetTarget();
        verifyAndAdd(runOurs("memory", "memory", OURS_MEMORY, rep, List.of("-Xmx256m"), "copy", "--src-port", port(source),
                "--port", port(target), "--dir", output("ours-memory", rep), "--threads", "2", "--compression", "ZSTD", "--table", "blobs"),
                List.of("blobs"), null);
    }

    /** The same dump of ours into the S3 store on a local S3-compatible server and into a local directory. */
    private void s3DumpSuite(int rep) throws Exception {
        add(runOurs("s3-dump", "s3-dump-dir", DIR_DUMP, rep, List.of(), "dump", "--port", port(source), "--dir",
                output("s3-dir", rep), "--threads", "2", "--compression", "ZSTD"), true);
        latestS3 = s3Uri(rep);
        add(runOurs("s3-dump", "s3-dump-s3", OURS_S3_DUMP, rep, S3_JVM, "dump", "--port", port(source), "--store",
                latestS3, "--threads", "2", "--compression", "ZSTD"), true);
    }

    /** The load of each of those two dumps, checked against the source. */
    private void s3LoadSuite(int rep) throws Exception {
        if (latestS3 == null) {
            LOG.info("no s3-dump suite: taking the s3-load suite's inputs once, untimed");
            runOurs("s3-dump", "prepare", DIR_DUMP, 0, List.of(), "dump", "--port", port(source), "--dir",
                    output("s3-dir", 0), "--threads", "2", "--compression", "ZSTD");
            latestS3 = s3Uri(0);
            runOurs("s3-dump", "prepare", OURS_S3_DUMP, 0, S3_JVM, "dump", "--port", port(source), "--store", latestS3,
                    "--threads", "2", "--compression", "ZSTD");
        }
        resetTarget();
        verifyAndAdd(runOurs("s3-load", "s3-load-dir", DIR_LOAD, rep, List.of(), "load", "--port", port(target), "--dir",
                latest("s3-dir"), "--threads", "2"), sourceSums.keySet(), DIR_DUMP);
        resetTarget();
        verifyAndAdd(runOurs("s3-load", "s3-load-s3", OURS_S3_LOAD, rep, S3_JVM, "load", "--port", port(target), "--store",
                latestS3, "--threads", "2"), sourceSums.keySet(), OURS_S3_DUMP);
    }

    /** A fresh prefix in the benchmark's bucket on the local S3 server, as the s3: URI the library opens. */
    private String s3Uri(int rep) {
        S3Server s3 = S3Server.shared();
        s3.createBucket(S3_BUCKET);
        return "s3://" + S3_BUCKET + "/rep-" + rep + "-" + System.nanoTime() + "?region=us-east-1&pathStyle=true&endpoint="
                + s3.endpoint();
    }

    // ---------------------------------------------------------------- tools

    private Result runOurs(String suite, String logName, String tool, int rep, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        if (jfr) {
            Path jfrDir = Files.createDirectories(out.resolve("jfr"));
            cmd.add("-XX:StartFlightRecording=filename=" + jfrDir.resolve(logName + "-" + Report.shortName(tool) + "-" + rep + ".jfr")
                    + ",settings=profile");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                OursMain.class.getName()));
        cmd.addAll(List.of(args));
        Measured.Run r = Measured.command(cmd).log(logs.resolve(logName + "-" + Report.shortName(tool) + "-" + rep + ".log")).run();
        Matcher m = OURS_LINE.matcher(r.stdout());
        double heap = m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
        return new Result(suite, tool, rep, r.seconds(), r.peakRssMb(), r.ok(), r.ok() ? "" : "exit " + r.exitCode() + ": " + lastLine(r.logTail()), heap);
    }

    private Result runMydumper(int rep, String suite) throws Exception {
        String dir = output(suite.equals("copy") ? "mydumper-copy" : "mydumper", rep);
        return measure(suite, suite.equals("copy") ? PEER_COPY : MYDUMPER, rep, Measured.command(List.of("mydumper",
                "--defaults-file=" + emptyCnf, "-h", "127.0.0.1", "-P", port(source), "-u", "root", "-B", Dataset.SCHEMA,
                "-t", "2", "-o", dir)));
    }

    private Result runMariadbDump(int rep, String suite) throws Exception {
        // --hex-blob: without it binary values go through the client's character set (the handbook's advice too)
        return measure(suite, MARIADB_DUMP, rep, Measured.command(List.of("mariadb-dump", "--no-defaults", "-h", "127.0.0.1",
                "-P", port(source), "-u", "root", "--single-transaction", "--hex-blob", "--databases", Dataset.SCHEMA))
                .stdout(Path.of(output("mariadb-dump", rep))));
    }

    private Result measure(String suite, String tool, int rep, Measured m) throws Exception {
        String name = suite + "-" + tool.split(" ")[0].replaceAll("[^a-z-]", "") + "-" + rep + ".log";
        Measured.Run r = m.log(logs.resolve(name)).run();
        return new Result(suite, tool, rep, r.seconds(), r.peakRssMb(), r.ok(), r.ok() ? "" : "exit " + r.exitCode() + ": " + lastLine(r.logTail()),
                Double.NaN);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Result timedCeiling(String suite, String tool, int rep, Work work) {
        long t0 = System.nanoTime();
        try {
            work.run();
            return new Result(suite, tool, rep, (System.nanoTime() - t0) / 1e9, Double.NaN, true, "", Double.NaN);
        } catch (Exception e) {
            return new Result(suite, tool, rep, (System.nanoTime() - t0) / 1e9, Double.NaN, false, e.toString(), Double.NaN);
        }
    }

    // ---------------------------------------------------------------- correctness

    private void verifyAndAdd(Result r, java.util.Collection<String> tables, String dumpTool) throws Exception {
        Result checked = r;
        if (r.ok()) {
            Map<String, TableSums.Sum> expected = new TreeMap<>();
            tables.forEach(t -> expected.put(t, sourceSums.get(t)));
            List<String> diff = TableSums.diff(expected, TableSums.of(this::dst, Dataset.SCHEMA, 2));
            checked = r.withCheck(diff.isEmpty(), diff.isEmpty() ? "" : "target differs: " + diff.size() + " table(s), e.g. " + diff.get(0));
            if (!diff.isEmpty()) {
                LOG.warn("{} / {}: {}", r.suite(), r.tool(), diff.subList(0, Math.min(5, diff.size())));
            }
        } else {
            LOG.warn("{} / {} failed: {}", r.suite(), r.tool(), r.detail());
        }
        add(checked, false);
        Integer i = dumpTool == null ? null : dumpResultIndex.get(dumpTool);
        if (i != null) {
            Result d = results.get(i);
            results.set(i, d.withCheck(checked.ok(), checked.ok() ? "" : "its load failed"));
        }
    }

    /** Our uncompressed dump is not loaded: its manifest checksums are compared with the source's instead. */
    private Result checkManifest(Result r, Path dir) {
        Manifest m = ManifestIO.read(DumpStores.directory(dir));
        Map<String, TableSums.Sum> dumped = new TreeMap<>();
        for (SchemaEntry s : m.schemas()) {
            for (TableEntry t : s.tables()) {
                Checksum c = Checksum.EMPTY;
                for (ChunkEntry ch : t.chunks()) {
                    c = c.plus(ch.checksum());
                }
                dumped.put(t.name(), new TableSums.Sum(c.rows(), c.crc32Xor(), Long.toString(c.crc32Sum())));
            }
        }
        List<String> diff = TableSums.diff(sourceSums, dumped);
        return r.withCheck(diff.isEmpty(), diff.isEmpty() ? "" : "manifest differs from source: " + diff.get(0));
    }

    private void add(Result r, boolean isDump) {
        results.add(r);
        if (isDump) {
            dumpResultIndex.put(r.tool(), results.size() - 1);
        }
        LOG.info(String.format("%-8s %-50s rep %d: %7.2f s, RSS %6.0f MB, heap %6.1f MB, %s %s", r.suite(), r.tool(), r.rep(),
                r.seconds(), r.rssMb(), r.heapPeakMb(), r.ok() ? "OK" : "FAILED", r.detail()));
    }

    private void resetTarget() throws Exception {
        try (Connection c = dst(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + Dataset.SCHEMA + "`");
            st.execute("DROP DATABASE IF EXISTS aurora_migrate");
            st.execute("RESET MASTER"); // binlogs grow by the dataset's size per load; nobody replicates from here
        }
    }

    private void writeCsv() throws IOException {
        StringBuilder sb = new StringBuilder("suite,tool,rep,seconds,rss_mb,status,detail,heap_peak_mb\n");
        results.forEach(r -> sb.append(r.csv()).append('\n'));
        Files.writeString(out.resolve("results.csv"), sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * A new output path for one run of a tool, remembered as that tool's latest. Every timed run writes where nothing
     * was before, and nothing is deleted until the end: ext4 skips recently freed inodes when it allocates new ones,
     * so deleting a previous run's thousands of files slowed down whichever tool created files next.
     */
    private String output(String name, int rep) throws IOException {
        Path p = fresh(work, name, rep);
        latest.put(name, p);
        return p.toString();
    }

    private static Path fresh(Path parent, String name, int rep) throws IOException {
        Path p = parent.resolve(name + "-" + rep);
        for (int n = 2; Files.exists(p); n++) {
            p = parent.resolve(name + "-" + rep + "-" + n);
        }
        return p;
    }

    private String latest(String name) {
        Path p = latest.get(name);
        if (p == null) {
            throw new IllegalStateException("no " + name + " output yet: its dump runs in the dump suite or the preparation");
        }
        return p.toString();
    }

    private static String port(TestServer s) {
        return String.valueOf(s.port());
    }

    private Connection src() throws java.sql.SQLException {
        return source.rootConnection();
    }

    private Connection dst() throws java.sql.SQLException {
        return target.rootConnection();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
