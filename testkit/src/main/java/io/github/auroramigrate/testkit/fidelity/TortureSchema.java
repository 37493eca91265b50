package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.fidelity.internal.Names;
import io.github.auroramigrate.testkit.fidelity.internal.ServerFlavour;
import io.github.auroramigrate.testkit.fidelity.internal.TortureDdl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * A hostile schema for one server flavour: every data type at its edge values and every kind of object a
 * migration has to carry, with odd names. For tests that move data and must end {@link SchemaComparison EQUAL}.
 *
 * <pre>{@code
 * TestServer source = TestServers.shared(ServerKind.MYSQL_57);
 * String db = source.createSchema("torture");
 * TortureSchema.create(source, db);                         // about a second
 * SchemaSnapshot before = SchemaSnapshot.of(source, db);
 * // ... dump, copy, load ...
 * SchemaComparison.compare(before, SchemaSnapshot.of(target, db)).assertEqual();
 * }</pre>
 *
 * <h2>Contents</h2>
 * <ul>
 *   <li>{@code all_types}: every integer type signed and unsigned at its extremes (BIGINT UNSIGNED max and
 *       2^63), ZEROFILL, DECIMAL(65,30)/(65,0)/(5,5) extremes and the smallest step, FLOAT/DOUBLE extremes,
 *       {@code -0.0} and denormals, BIT(1)/(64), every temporal type with fractions, zero dates and invalid
 *       dates (created under {@code ALLOW_INVALID_DATES}), TIMESTAMP's range ends, negative TIME, YEAR,
 *       CHAR/VARCHAR/TEXT in utf8mb4 (emoji, 4-byte), latin1 (0x80), gbk (a character whose second byte is
 *       0x5C), every byte value in the binary types, a {@code largeValueBytes} LONGBLOB and LONGTEXT, ENUM/SET
 *       with non-ASCII members, JSON with nesting, unicode and numbers of every kind, every spatial type (8.0:
 *       also with SRID 4326 and 0), and a row of NULLs;</li>
 *   <li>{@code big_rows} ({@code bigRows} rows, default 5,000, ~1 MB: several chunks at a small chunk size),
 *       its AUTO_INCREMENT counter 1,000 above the highest id; {@code no_key}, a key-less table where every row
 *       is there three times (3,002 rows, two of them all NULL); {@code uniq_no_pk}, a unique NOT NULL key and
 *       no primary key;</li>
 *   <li>{@code orders} with a foreign key on (VARCHAR utf8mb4_bin, DATETIME(3)) to {@code zz_customers},
 *       which sorts later, and a self-reference; {@code zz_customers} with that composite primary key;</li>
 *   <li>{@code gen_cols}: STORED and VIRTUAL generated columns (arithmetic, string, JSON extraction), indexes on
 *       them, and (not 5.7) INVISIBLE columns; {@code collations}: column-level charsets and collations
 *       (utf8mb4_bin, utf8mb4_general_ci, utf8mb4_unicode_ci, latin1_german2_ci, latin1_bin, gbk_bin,
 *       ascii_bin, utf8/utf8mb3, case-distinct ENUM members; 8.0 utf8mb4_0900_as_cs, MariaDB
 *       utf8mb4_uca1400_ai_ci) in a latin1 table; {@code implicit_collation}: utf8mb4 with no collation named
 *       (5.7 utf8mb4_general_ci, which a naive load into 8.0 turns into utf8mb4_0900_ai_ci); the schema's own
 *       default collation is utf8mb4_unicode_ci, nobody's default;</li>
 *   <li>table options: ROW_FORMAT COMPACT/REDUNDANT/COMPRESSED (KEY_BLOCK_SIZE=8)/DYNAMIC, STATS_PERSISTENT=0,
 *       comments with quotes and non-ASCII, AUTO_INCREMENT counters above the highest id, a MyISAM table with
 *       CHECKSUM=1 and a FULLTEXT index; partitions: RANGE with HASH subpartitions and a partition comment,
 *       LIST, HASH, KEY, RANGE COLUMNS;</li>
 *   <li>{@code checks} (not 5.7): column and table CHECK constraints, a name with a space and non-ASCII, a
 *       string list with a quote; 8.0 also NOT ENFORCED; {@code idx_kinds}: prefix, commented, UNIQUE with
 *       NULLs, FULLTEXT (MySQL: WITH PARSER ngram), SPATIAL (8.0: on SRID 4326), descending (not 5.7),
 *       functional (8.0), invisible (8.0) / IGNORED (MariaDB) indexes; {@code defaults_t}: quoted literals,
 *       the string {@code 'NULL'} beside DEFAULT NULL, BIT and DECIMAL defaults, CURRENT_TIMESTAMP(3) with ON
 *       UPDATE, a zero-date default, expression defaults (8.0: {@code (uuid())}, JSON, TEXT; MariaDB:
 *       {@code uuid()}, TEXT);</li>
 *   <li>odd identifiers: {@code `select`} with columns {@code `order`}, {@code `from`}, {@code `key`},
 *       {@code `group`}; {@code `back``tick`}; {@code `with space`}; {@code `dot.ted`}; {@code `tâblé`};
 *       {@code `表格`}; a 64-character table with a 64-character column; MariaDB: {@code maria_types} with UUID,
 *       INET4, INET6 at their edges;</li>
 *   <li>routines: {@code p_compound} (nested labelled blocks, LEAVE/ITERATE, CONTINUE and EXIT handlers, a
 *       cursor, LOOP/WHILE/REPEAT, {@code ;}, {@code $$}, {@code //}, {@code ;;} and {@code DELIMITER} in
 *       strings and in {@code --}, {@code #} and block comments, a latin1 INOUT parameter, SQL SECURITY
 *       INVOKER, READS SQL DATA, a COMMENT with quotes); {@code p_delimiters} (a string spanning lines that
 *       reads like {@code DELIMITER} commands); {@code `p odd ü`} with parameters named {@code `select`} and
 *       {@code `from`}; {@code `f$$x`}; {@code f_concat} created under PIPES_AS_CONCAT (its {@code ||}
 *       concatenates only under that mode); {@code f_ansi} created under ANSI_QUOTES (double-quoted
 *       identifiers; a syntax error otherwise); {@code f_latin1_ctx} created with character_set_client
 *       latin1;</li>
 *   <li>views: {@code a_level3} on {@code b_level2} on {@code c_level1} (names in reverse dependency order),
 *       {@code v_func} on three functions, {@code v_merge} (ALGORITHM=MERGE, CASCADED CHECK OPTION),
 *       {@code v_check_local} on it (LOCAL CHECK OPTION), {@code v_temptable} (TEMPTABLE, SQL SECURITY
 *       INVOKER), {@code `v with space ü`};</li>
 *   <li>triggers on {@code trg_target}: BEFORE INSERT {@code trg_bi_normalize} doubles NEW.amount and
 *       rewrites NEW.note and AFTER INSERT {@code trg_ai_audit} writes a {@code trg_audit} row, so creating
 *       them before the data is loaded corrupts it; {@code trg_bi_first} (PRECEDES) and {@code trg_bi_last}
 *       (FOLLOWS, a labelled LOOP); BEFORE/AFTER UPDATE (IF/ELSEIF, SIGNAL with a {@code ;} in the message),
 *       BEFORE/AFTER DELETE ({@code `trg ad ü`}); all created after the data;</li>
 *   <li>events, created under time_zone {@code +05:30}: {@code ev_every_enabled} (EVERY 1 DAY STARTS/ENDS,
 *       PRESERVE, ENABLED, compound body with a labelled WHILE), {@code ev_at_disabled} (AT, PRESERVE,
 *       DISABLED), {@code ev_replica_disabled} (EVERY 2 HOUR STARTS, NOT PRESERVE, DISABLE ON SLAVE: status
 *       SLAVESIDE_DISABLED), {@code ev_at_not_preserve} (AT, NOT PRESERVE, ENABLED). Every schedule starts in
 *       2037, so no event fires during a test even where the scheduler is on (MySQL 8.0's default), and the
 *       bodies only write to {@code event_log}.</li>
 * </ul>
 * Tables and data are created under sql_mode {@value TortureDdl#DATA_MODE} at time_zone {@code +00:00}
 * with {@code SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci}; routines, views and triggers under
 * {@code STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION} except where stated.
 *
 * <h2>Left out, per flavour, and why</h2>
 * <ul>
 *   <li>MySQL 5.7.22: CHECK constraints (parsed and ignored), INVISIBLE columns and indexes (8.0.23 / 8.0),
 *       functional and descending indexes (8.0.13 / 8.0; 5.7 ignores DESC), SRID column attributes (8.0),
 *       expression defaults (8.0.13), 0900 collations (8.0);</li>
 *   <li>MariaDB 11.4.5: the ngram parser (MySQL only), SRID attributes and functional indexes (MySQL 8.0
 *       only; MariaDB's equivalent is an index on a generated column, which {@code gen_cols} has), NOT ENFORCED
 *       (MySQL only), 0900 collations; JSON is MariaDB's alias (LONGTEXT utf8mb4_bin with a
 *       {@code json_valid} CHECK), which the snapshot reads as JSON;</li>
 *   <li>all: sequences and system-versioned tables (MariaDB), tablespaces, accounts and grants, DEFINERs
 *       other than the creating user (an Aurora target refuses them; tests add those themselves), spatial
 *       reference systems created by the user, and 4-byte characters in ENUM/SET member names (every server
 *       keeps those definitions in utf8mb3 and prints such a character as {@code ?} in {@code SHOW CREATE
 *       TABLE}, so no logical dump can carry it; 4-byte characters are in the values instead).</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; creating one runs its statements on one connection, changing
 * that session's default database, sql_mode, time_zone and character set variables.
 */
public final class TortureSchema {
    /** Rows of {@code big_rows} unless {@link Builder#bigRows(int)} says otherwise. */
    public static final int DEFAULT_BIG_ROWS = 5000;
    /** Size of the large LONGBLOB and LONGTEXT values unless {@link Builder#largeValueBytes(int)} says otherwise. */
    public static final int DEFAULT_LARGE_VALUE_BYTES = 3 * 1024 * 1024;
    /** The table with many rows. */
    public static final String BIG_TABLE = "big_rows";
    /** The key-less table with duplicate rows. */
    public static final String KEYLESS_TABLE = "no_key";

    private final String schema;
    private final ServerKind kind;
    private final List<String> statements;

    private TortureSchema(String schema, ServerKind kind, List<String> statements) {
        this.schema = schema;
        this.kind = kind;
        this.statements = statements;
    }

    /** Options; the defaults are {@link #DEFAULT_BIG_ROWS} and {@link #DEFAULT_LARGE_VALUE_BYTES}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the torture schema with default options in {@code schema} on {@code server}, as root; the schema
     * is created if it does not exist and should otherwise be empty.
     *
     * @throws TestkitException naming the statement that failed
     */
    public static TortureSchema create(TestServer server, String schema) {
        return builder().create(server, schema);
    }

    /**
     * Creates it through {@code connection} (which needs the privileges of an owner of {@code schema}, plus
     * EVENT and TRIGGER), for a server of {@code kind}.
     *
     * @throws TestkitException naming the statement that failed
     */
    public static TortureSchema create(Connection connection, ServerKind kind, String schema) {
        return builder().create(connection, kind, schema);
    }

    /**
     * The statements that create it for {@code kind}, in order, to run in the schema as the default database
     * (each one statement without delimiter; the first ones set the session).
     */
    public static List<String> statements(ServerKind kind, int bigRows, int largeValueBytes) {
        return TortureDdl.statements(ServerFlavour.parse(kind.version() + (kind.isMariaDb() ? "-MariaDB" : "")),
                bigRows, largeValueBytes);
    }

    /** The schema it was created in. */
    public String schema() {
        return schema;
    }

    /** The flavour it was made for. */
    public ServerKind kind() {
        return kind;
    }

    /** The statements that created it. */
    public List<String> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return "torture schema `" + schema + "` for " + kind.displayName() + " (" + statements.size() + " statements)";
    }

    /**
     * Options of a torture schema.
     *
     * <pre>{@code
     * TortureSchema.builder().bigRows(20_000).largeValueBytes(1 << 20).create(server, db);
     * }</pre>
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private int bigRows = DEFAULT_BIG_ROWS;
        private int largeValueBytes = DEFAULT_LARGE_VALUE_BYTES;

        private Builder() {
        }

        /**
         * Rows of {@code big_rows}, 1 to 10,000; default 5,000.
         *
         * @throws IllegalArgumentException outside that range
         */
        public Builder bigRows(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("bigRows must be 1..10000, was " + rows);
            }
            this.bigRows = rows;
            return this;
        }

        /**
         * Size of the large LONGBLOB and LONGTEXT values in bytes, 256 to 32 MiB (the servers' max_allowed_packet
         * is 64 MiB); default 3 MiB.
         *
         * @throws IllegalArgumentException outside that range
         */
        public Builder largeValueBytes(int bytes) {
            if (bytes < 256 || bytes > 32 * 1024 * 1024) {
                throw new IllegalArgumentException("largeValueBytes must be 256..33554432, was " + bytes);
            }
            this.largeValueBytes = bytes;
            return this;
        }

        /** Like {@link TortureSchema#create(TestServer, String)} with these options. */
        public TortureSchema create(TestServer server, String schema) {
            Objects.requireNonNull(server, "server");
            try (Connection c = server.rootConnection()) {
                return create(c, server.kind(), schema);
            } catch (SQLException e) {
                throw new TestkitException("Cannot connect to " + server + ": " + e.getMessage(), e);
            }
        }

        /** Like {@link TortureSchema#create(Connection, ServerKind, String)} with these options. */
        public TortureSchema create(Connection connection, ServerKind kind, String schema) {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schema, "schema");
            List<String> sql = statements(kind, bigRows, largeValueBytes);
            int i = 0;
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS " + Names.quoteId(schema));
                st.execute("USE " + Names.quoteId(schema));
                for (; i < sql.size(); i++) {
                    st.execute(sql.get(i));
                }
            } catch (SQLException e) {
                String stmt = i < sql.size() ? sql.get(i) : "(set-up)";
                throw new TestkitException("Torture schema for " + kind.displayName() + ", statement " + (i + 1)
                        + " failed: " + e.getMessage() + "\n" + (stmt.length() > 400 ? stmt.substring(0, 400) + "..." : stmt), e);
            }
            return new TortureSchema(schema, kind, sql);
        }
    }
}
