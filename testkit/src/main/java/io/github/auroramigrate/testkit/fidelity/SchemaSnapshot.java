package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.fidelity.internal.DefinitionReader;
import io.github.auroramigrate.testkit.fidelity.internal.RowReader;
import io.github.auroramigrate.testkit.fidelity.internal.ServerFlavour;
import io.github.auroramigrate.testkit.fidelity.internal.TableRows;
import io.github.auroramigrate.testkit.fidelity.internal.TableShape;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything of one schema on a live server, read into canonical forms for {@link SchemaComparison}: the
 * definition of every object and every row of every base table (and view).
 *
 * <pre>{@code
 * SchemaSnapshot before = SchemaSnapshot.of(source, "shop");
 * SchemaSnapshot after = SchemaSnapshot.of(target, "shop_copy");
 * SchemaComparison.compare(before, after).assertEqual();
 * }</pre>
 *
 * <h2>Definitions</h2>
 * Each object ({@link SchemaObject}) has named aspects with canonical text values; an aspect whose value
 * is empty or NULL is absent. The aspects, and what is normalised while reading them (nothing else is):
 * <ul>
 *   <li><b>schema</b>: {@code default charset}, {@code default collation}.</li>
 *   <li><b>table</b>: {@code table type}, {@code engine}, {@code row format} (the actual one, lower case),
 *       {@code options} (CREATE_OPTIONS as sorted lower-case tokens, without {@code partitioned}),
 *       {@code collation}, {@code comment}, {@code auto_increment} (the counter in {@code SHOW CREATE
 *       TABLE}, which is always current, unlike cached statistics);
 *       per column {@code column `c`} (its position), {@code ... type}, {@code ... nullable}, {@code ...
 *       default}, {@code ... charset}, {@code ... collation}, {@code ... generated} ({@code VIRTUAL|STORED AS
 *       expr}), {@code ... visibility} ({@code visible|invisible}), {@code ... extra} (auto_increment,
 *       on update), {@code ... comment}, {@code ... srid} (MySQL 8.0);
 *       {@code index `i`} ({@code [UNIQUE] TYPE (`a`(10), `b` DESC, (expr)) [parser p] [invisible] [comment
 *       '..']}), {@code foreign key `f`}, {@code check `c`} ({@code expr [not enforced]}),
 *       {@code partitioning}, {@code partition `p`} (position, values, comment, subpartition names).</li>
 *   <li><b>view</b>: {@code definition}, {@code algorithm}, {@code check option}, {@code security},
 *       {@code columns} (names in order), {@code definer}, {@code character_set_client},
 *       {@code collation_connection}.</li>
 *   <li><b>procedure / function</b>: {@code parameters} (mode, name, type, charset, collation),
 *       {@code returns}, {@code body} (exactly as written), {@code deterministic}, {@code data access},
 *       {@code security}, {@code comment}, {@code sql_mode}, {@code definer}, {@code character_set_client},
 *       {@code collation_connection}, {@code database_collation}.</li>
 *   <li><b>trigger</b>: {@code table}, {@code timing}, {@code event}, {@code order} (ACTION_ORDER, i.e. the
 *       effect of FOLLOWS/PRECEDES), {@code body}, and the contexts as for routines.</li>
 *   <li><b>event</b>: {@code type}, {@code execute at}, {@code interval}, {@code starts}, {@code ends},
 *       {@code status}, {@code on completion}, {@code time zone}, {@code comment}, {@code body}, and the
 *       contexts as for routines.</li>
 * </ul>
 * Normalisations (cosmetic differences between MySQL 5.7, 8.0 and MariaDB):
 * <ol>
 *   <li>charset and collation names: {@code utf8} / {@code utf8_*} are {@code utf8mb3} / {@code utf8mb3_*};</li>
 *   <li>types: lower case, integer display widths dropped unless ZEROFILL, {@code year(4)} = {@code year},
 *       {@code integer} = {@code int}; for parameters and function results the charset and collation are
 *       taken from their own columns (MariaDB also prints them inside DTD_IDENTIFIER);</li>
 *   <li>defaults: MariaDB's quoted literals ({@code 'abc'}, {@code 'NULL'} meaning none) and MySQL's bare
 *       values are both the quoted literal; expression defaults (MySQL's DEFAULT_GENERATED, CURRENT_TIMESTAMP
 *       on temporal columns, MariaDB's unquoted expressions) are {@code expression <expr>}; the EXTRA marker
 *       DEFAULT_GENERATED itself is dropped;</li>
 *   <li>expressions (generation expressions, CHECK clauses, functional index parts, expression defaults,
 *       ON UPDATE, partition expressions and values, view definitions) are tokenised and compared without:
 *       layout and comments; the case and quoting of words and identifiers ({@code `a`} = {@code a} = {@code A};
 *       an identifier that is not a plain word stays quoted); the snapshot's own schema as a qualifier
 *       ({@code `db`.`t`} = {@code t}); charset introducers ({@code _utf8mb4'x'} = {@code 'x'}); the quoting
 *       style of string literals ({@code 'a''b'} = {@code 'a\'b'}); parentheses around the whole expression;
 *       the spellings {@code now()} / {@code current_timestamp[()]} / {@code localtime[()]} /
 *       {@code localtimestamp[()]}, {@code curdate()} / {@code current_date[()]}, {@code curtime()} /
 *       {@code current_time[()]}; the function synonyms {@code ucase}/{@code upper}, {@code lcase}/{@code lower},
 *       {@code character_length}/{@code char_length}, {@code substr}/{@code mid}/{@code substring}; and the
 *       operator {@code a MOD b} = {@code a % b} (between MariaDB and MySQL also grouping parentheses, see
 *       {@link SchemaComparison});</li>
 *   <li>stored program bodies are compared exactly (line endings unified, outer white space trimmed), cut
 *       from {@code SHOW CREATE} because MySQL 8.0's information_schema prints them with quotes unescaped;</li>
 *   <li>sql_mode: the set of flags (order ignored), without {@code NO_AUTO_CREATE_USER};</li>
 *   <li>index visibility: MySQL's {@code INVISIBLE} and MariaDB's {@code IGNORED} are both {@code invisible};
 *       MySQL 8.0's generated column EXTRA {@code VIRTUAL GENERATED} / MariaDB's {@code PERSISTENT} are
 *       {@code VIRTUAL} / {@code STORED};</li>
 *   <li>event status {@code REPLICA_SIDE_DISABLED} = {@code SLAVESIDE_DISABLED};</li>
 *   <li>foreign key rules: {@code NO ACTION} = {@code RESTRICT} (InnoDB treats them alike; 5.7 reports an
 *       unspecified ON UPDATE as RESTRICT, 8.0 as NO ACTION).</li>
 * </ol>
 * Not read: accounts and grants, statistics (TABLE_ROWS, cardinality), creation times, ORIGINATOR of
 * events, tablespaces.
 *
 * <h2>Rows</h2>
 * Every row of every base table, and (unless {@link Builder#viewRows(boolean) viewRows(false)}) of every view,
 * as canonical values: integers and BIT as integers, DECIMAL by value, FLOAT and DOUBLE by exact bits (read
 * through the binary protocol; {@code -0.0} differs from {@code 0.0}), temporal values as the server prints
 * them at time_zone {@code +00:00} (fraction without trailing zeros), strings decoded by the server from
 * their column's charset, JSON as documents (numbers by value, key order ignored), binary and spatial values as
 * bytes. Rows are identified by the primary key, else the first unique key on whole NOT NULL columns; rows
 * of tables without one (and of views) are a multiset. All rows are read in one transaction.
 *
 * <p>The connection's session is left as found: time_zone (and MySQL 8.0's information_schema_stats_expiry)
 * are restored, and a transaction is started only if autocommit was on. Immutable and thread-safe once read.
 */
public final class SchemaSnapshot {
    private final String schema;
    private final String serverVersion;
    private final SortedMap<SchemaObject, SortedMap<String, String>> definitions;
    private final Map<SchemaObject, TableRows> rows;

    private SchemaSnapshot(String schema, String serverVersion, SortedMap<SchemaObject, SortedMap<String, String>> defs,
                           Map<SchemaObject, TableRows> rows) {
        this.schema = schema;
        this.serverVersion = serverVersion;
        SortedMap<SchemaObject, SortedMap<String, String>> copy = new TreeMap<>();
        defs.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
        this.definitions = Collections.unmodifiableSortedMap(copy);
        this.rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Options for reading; {@link Builder#read} may be called many times. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code schema} with default options on a root connection of {@code server}.
     *
     * @throws TestkitException if reading fails
     */
    public static SchemaSnapshot of(TestServer server, String schema) {
        Objects.requireNonNull(server, "server");
        try (Connection c = server.rootConnection()) {
            return of(c, schema);
        } catch (SQLException e) {
            throw new TestkitException("Cannot connect to " + server + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code schema} with default options through {@code connection} (not closed).
     *
     * @throws IllegalArgumentException if the schema does not exist
     * @throws TestkitException         if reading fails
     */
    public static SchemaSnapshot of(Connection connection, String schema) {
        return builder().read(connection, schema);
    }

    /** The schema's name on its server. */
    public String schema() {
        return schema;
    }

    /** {@code VERSION()} of the server it was read from. */
    public String serverVersion() {
        return serverVersion;
    }

    /** Every object's aspects, sorted by object and aspect name. */
    public SortedMap<SchemaObject, SortedMap<String, String>> definitions() {
        return definitions;
    }

    /** The aspects of one object, if it exists. */
    public Optional<SortedMap<String, String>> definition(SchemaObject object) {
        return Optional.ofNullable(definitions.get(object));
    }

    /** The names of the base tables. */
    public Set<String> tables() {
        Set<String> out = new TreeSet<>();
        definitions.keySet().stream().filter(o -> o.kind() == SchemaObject.Kind.TABLE).forEach(o -> out.add(o.name()));
        return Collections.unmodifiableSet(out);
    }

    /** The number of rows read from a table or view ({@code kind} TABLE or VIEW), if its rows were read. */
    public Optional<Integer> rowCount(SchemaObject tableOrView) {
        TableRows r = rows.get(tableOrView);
        return r == null || r.error() != null ? Optional.empty() : Optional.of(r.rows().size());
    }

    Map<SchemaObject, TableRows> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "schema `" + schema + "` on " + serverVersion;
    }

    /**
     * How to read a snapshot.
     *
     * <pre>{@code
     * SchemaSnapshot s = SchemaSnapshot.builder().viewRows(false).read(connection, "shop");
     * }</pre>
     *
     * <p>Not thread-safe; the snapshots it reads are.
     */
    public static final class Builder {
        private boolean rows = true;
        private boolean viewRows = true;

        private Builder() {
        }

        /** Whether to read table rows at all; default true (false: definitions only). */
        public Builder rows(boolean rows) {
            this.rows = rows;
            return this;
        }

        /**
         * Whether to read the rows of views too (as multisets; a view that cannot be selected records its
         * error, which then differs from a side that can); default true. Ignored when {@code rows(false)}.
         */
        public Builder viewRows(boolean viewRows) {
            this.viewRows = viewRows;
            return this;
        }

        /**
         * Reads {@code schema} through {@code connection}, which stays open.
         *
         * @throws IllegalArgumentException if the schema does not exist
         * @throws TestkitException         if a query fails
         */
        public SchemaSnapshot read(Connection connection, String schema) {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(schema, "schema");
            try {
                return readOrThrow(connection, schema);
            } catch (SQLException e) {
                throw new TestkitException("Cannot read schema `" + schema + "`: " + e.getMessage(), e);
            }
        }

        private SchemaSnapshot readOrThrow(Connection c, String schema) throws SQLException {
            ServerFlavour flavour = ServerFlavour.of(c);
            String zone = scalar(c, "SELECT @@session.time_zone");
            String expiry = flavour.mysql8() ? scalar(c, "SELECT @@session.information_schema_stats_expiry") : null;
            boolean autoCommit = c.getAutoCommit();
            try (Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
                if (expiry != null) {
                    st.execute("SET SESSION information_schema_stats_expiry = 0");
                }
                if (autoCommit) {
                    c.setAutoCommit(false);
                    st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                }
                try {
                    DefinitionReader.Result defs = DefinitionReader.read(c, schema, flavour);
                    Map<SchemaObject, TableRows> rowsRead = new LinkedHashMap<>();
                    if (rows) {
                        for (TableShape shape : defs.shapes().values()) {
                            if (!shape.view() || viewRows) {
                                SchemaObject o = SchemaObject.of(shape.view() ? SchemaObject.Kind.VIEW
                                        : SchemaObject.Kind.TABLE, shape.name());
                                rowsRead.put(o, RowReader.read(c, schema, shape));
                            }
                        }
                    }
                    return new SchemaSnapshot(schema, flavour.version(), defs.definitions(), rowsRead);
                } finally {
                    if (autoCommit) {
                        c.commit();
                        c.setAutoCommit(true);
                    }
                    try (java.sql.PreparedStatement ps = c.prepareStatement("SET time_zone = ?")) {
                        ps.setString(1, zone);
                        ps.execute();
                    }
                    if (expiry != null) {
                        st.execute("SET SESSION information_schema_stats_expiry = " + Long.parseLong(expiry));
                    }
                }
            }
        }

        private static String scalar(Connection c, String sql) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
