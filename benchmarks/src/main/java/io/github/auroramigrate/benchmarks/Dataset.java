package io.github.auroramigrate.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated dataset, schema {@value #SCHEMA}: {@code big} (bigint PK, int, varchar, datetime, decimal, text,
 * two secondary indexes), {@code blobs} (a wide table with LONGBLOBs, some over 1 MB), {@code nokey} (no primary
 * key, duplicate rows) and {@code s0001..sNNNN} (small tables of a few rows). Deterministic (seeded).
 *
 * <pre>{@code
 * new Dataset(2_000_000, 60, 200_000, 1000).create(source::rootConnection, source.secureFilePriv());
 * }</pre>
 *
 * <p>Immutable; {@link #create} is not meant to run twice concurrently.
 */
final class Dataset {
    static final String SCHEMA = "bench";
    private static final Logger LOG = LoggerFactory.getLogger(Dataset.class);
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] ODD = {"é", "ß", "日本", "😀", "\t", "\n", "\\", "'", "\"", "%", "_"};

    final long bigRows;
    final int blobRows;
    final long nokeyRows;
    final int smallTables;

    Dataset(long bigRows, int blobRows, long nokeyRows, int smallTables) {
        this.bigRows = bigRows;
        this.blobRows = blobRows;
        this.nokeyRows = nokeyRows;
        this.smallTables = smallTables;
    }

    static String smallName(int i) {
        return String.format("s%04d", i);
    }

    void create(TableSums.Connector source, Path secureFilePriv) throws Exception {
        try (Connection c = source.open(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            st.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + SCHEMA + ".big (id BIGINT NOT NULL PRIMARY KEY, a INT NOT NULL, b VARCHAR(64),"
                    + " c DATETIME NOT NULL, d DECIMAL(12,2), e TEXT, KEY k_a (a), KEY k_c (c)) ENGINE=InnoDB");
            st.execute("CREATE TABLE " + SCHEMA + ".blobs (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " kind ENUM('small','large') NOT NULL, payload LONGBLOB, thumb BLOB, note TEXT, created DATETIME(3)) ENGINE=InnoDB");
            st.execute("CREATE TABLE " + SCHEMA + ".nokey (a INT, b VARCHAR(32), c DATE, d DECIMAL(10,3)) ENGINE=InnoDB");
        }
        long t0 = System.nanoTime();
        Path big = secureFilePriv.resolve("gen_big.tsv");
        writeBig(big);
        loadInfile(source, big, "big");
        Path nokey = secureFilePriv.resolve("gen_nokey.tsv");
        writeNokey(nokey);
        loadInfile(source, nokey, "nokey");
        LOG.info("big and nokey generated in {} s", (System.nanoTime() - t0) / 1_000_000_000);
        insertBlobs(source);
        createSmallTables(source);
        try (Connection c = source.open(); Statement st = c.createStatement()) {
            st.execute("ANALYZE TABLE " + SCHEMA + ".big, " + SCHEMA + ".blobs, " + SCHEMA + ".nokey");
        }
        LOG.info("dataset generated in {} s", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static void loadInfile(TableSums.Connector source, Path file, String table) throws Exception {
        try (Connection c = source.open(); Statement st = c.createStatement()) {
            st.execute("SET unique_checks = 0");
            st.execute("LOAD DATA INFILE '" + file + "' INTO TABLE " + SCHEMA + "." + table + " CHARACTER SET utf8mb4");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void writeBig(Path file) throws IOException {
        Random r = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(256);
            for (long id = 1; id <= bigRows; id++) {
                sb.setLength(0);
                sb.append(id).append('\t').append(r.nextInt(1_000_000) - 500_000).append('\t');
                if (r.nextInt(20) == 0) {
                    sb.append("\\N");
                } else {
                    alnum(sb, r, 8 + r.nextInt(33));
                }
                sb.append('\t');
                long sec = 1_500_000_000L + r.nextInt(200_000_000);
                DATETIME.formatTo(LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC), sb);
                sb.append('\t');
                if (r.nextInt(50) == 0) {
                    sb.append("\\N");
                } else {
                    sb.append(r.nextInt(10_000_000)).append('.').append(String.format("%02d", r.nextInt(100)));
                }
                sb.append('\t');
                text(sb, r, 20 + r.nextInt(100));
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    private void writeNokey(Path file) throws IOException {
        Random r = new Random(7);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(128);
            for (long i = 0; i < nokeyRows; i++) {
                sb.setLength(0);
                int v = r.nextInt((int) Math.max(1, nokeyRows / 4)); // duplicates on purpose
                sb.append(v).append('\t');
                if (v % 13 == 0) {
                    sb.append("\\N");
                } else {
                    sb.append("k").append(v % 997).append('_');
                    alnum(sb, r, 4 + (v % 9));
                }
                sb.append('\t').append(String.format("20%02d-%02d-%02d", v % 30, 1 + v % 12, 1 + v % 28)).append('\t')
                        .append(v % 100_000).append('.').append(String.format("%03d", v % 1000)).append('\n');
                w.append(sb);
            }
        }
    }

    private void insertBlobs(TableSums.Connector source) throws Exception {
        Random r = new Random(11);
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + SCHEMA + ".blobs VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= blobRows; i++) {
                boolean large = i % 8 == 0;
                int size = large ? 1_100_000 + r.nextInt(2_000_000) : 1_000 + r.nextInt(200_000);
                byte[] payload = new byte[size];
                r.nextBytes(payload);
                byte[] thumb = new byte[r.nextInt(60_000)];
                r.nextBytes(thumb);
                ps.setInt(1, i);
                ps.setString(2, "blob-" + i + (i % 5 == 0 ? " ünïcödé 😀" : ""));
                ps.setString(3, large ? "large" : "small");
                ps.setBytes(4, i % 17 == 0 ? null : payload);
                ps.setBytes(5, thumb);
                StringBuilder note = new StringBuilder();
                text(note, r, 50 + r.nextInt(2000));
                ps.setString(6, note.toString().replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\"));
                ps.setString(7, "2024-01-" + String.format("%02d", 1 + i % 28) + " 12:34:56." + String.format("%03d", i % 1000));
                ps.executeUpdate();
            }
        }
    }

    private void createSmallTables(TableSums.Connector source) throws Exception {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int part = p;
                parts.add(pool.submit(() -> {
                    try (Connection c = source.open(); Statement st = c.createStatement()) {
                        for (int i = 1 + part; i <= smallTables; i += threads) {
                            String t = SCHEMA + "." + smallName(i);
                            st.execute("CREATE TABLE " + t + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, k VARCHAR(20) NOT NULL,"
                                    + " v INT, created DATETIME, UNIQUE KEY uk (k)) ENGINE=InnoDB");
                            StringBuilder sql = new StringBuilder("INSERT INTO " + t + " (k, v, created) VALUES ");
                            for (int row = 1; row <= 1 + i % 9; row++) {
                                sql.append(row == 1 ? "" : ",").append("('k").append(i).append('-').append(row).append("', ")
                                        .append(row % 4 == 0 ? "NULL" : String.valueOf(i * row)).append(", '2023-0")
                                        .append(1 + row % 9).append("-1").append(row % 10).append(" 10:00:0").append(row % 10).append("')");
                            }
                            st.execute(sql.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void alnum(StringBuilder sb, Random r, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
    }

    /** Text with occasional multi-byte characters and bytes that need escaping in a TSV file (written escaped). */
    private static void text(StringBuilder sb, Random r, int n) {
        for (int i = 0; i < n; i++) {
            if (r.nextInt(40) == 0) {
                String s = ODD[r.nextInt(ODD.length)];
                switch (s) {
                    case "\t" -> sb.append("\\t");
                    case "\n" -> sb.append("\\n");
                    case "\\" -> sb.append("\\\\");
                    default -> sb.append(s);
                }
            } else if (r.nextInt(6) == 0) {
                sb.append(' ');
            } else {
                sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
            }
        }
    }
}
