package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.internal.sql.Selection;
import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.probe.DefinedObject;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.core.transform.DefinitionLoss;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Aurora compatibility pre-check: given a source and a target profile, reports every object that would fail
 * or behave differently on the target, with its severity, the transform that fixes it, and the handbook's advice.
 *
 * <pre>{@code
 * CompatibilityReport report = CompatibilityCheck.of(sourceEndpoint)
 *     .target(TargetProfile.probe(targetEndpoint))   // or TargetProfile.AURORA_MYSQL_2 / AURORA_MYSQL_3
 *     .schemas("myschema")
 *     .build().run();
 * System.out.println(report.toMarkdown());
 * }</pre>
 *
 * <p>With {@link Builder#scanData(boolean)} on (the default) it reads the data of date columns and large-value
 * columns (one aggregate query each) to find zero dates and the largest value; turn it off on very large sources.
 * A configured check is immutable and thread-safe.
 */
public final class CompatibilityCheck {
    private final Endpoint source;
    private final io.github.auroramigrate.core.store.DumpStore dump;
    private final TargetProfile target;
    private final List<String> schemas;
    private final boolean scanData;

    private CompatibilityCheck(Builder b) {
        this.source = b.source;
        this.dump = b.dump;
        this.target = b.target;
        this.schemas = List.copyOf(b.schemas);
        this.scanData = b.scanData;
    }

    /** Starts a check of the given source. */
    public static Builder of(Endpoint source) {
        return new Builder(java.util.Objects.requireNonNull(source, "source"), null);
    }

    /**
     * Starts a check of a dump written by {@link io.github.auroramigrate.core.dump.Dump}: the source's settings
     * come from the manifest, objects and definers from the DDL files; data is not re-read, so zero dates are found
     * in column defaults only, and the largest value is the one the manifest recorded.
     */
    public static Builder ofDump(io.github.auroramigrate.core.store.DumpStore dump) {
        return new Builder(null, java.util.Objects.requireNonNull(dump, "dump"));
    }

    /**
     * Probes the source and runs every check.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the source cannot be reached
     */
    public CompatibilityReport run() {
        TableFilter filter = TableFilter.all().schemas(schemas.toArray(String[]::new));
        if (dump != null) {
            Manifest m = ManifestIO.read(dump);
            Diagnosis unmatched = Selection.check(filter, m.schemas().stream().map(SchemaEntry::name).toList(),
                    m.schemas().stream().flatMap(s -> s.tables().stream().map(t -> TableRef.of(s.name(), t.name()))).toList(),
                    List.of(), "compatibility check of the dump in " + dump.describe());
            if (unmatched != null) {
                throw new MigrationException(unmatched);
            }
            List<String> chosen = resolved(filter, m.schemas().stream().map(SchemaEntry::name).toList());
            DumpScan.Result r = new DumpScan(dump).run(chosen);
            return new CompatibilityReport(r.source(), target, evaluate(r.source(), r.scan(), target, chosen), r.scan().warnings);
        }
        try (Connection c = source.connect()) {
            ServerInfo info = ServerProbe.probe(c, source.describe());
            Selection.Existing existing = Selection.Existing.read(c);
            Diagnosis unmatched = Selection.check(filter, existing, List.of(), "compatibility check of " + source.describe());
            if (unmatched != null) {
                throw new MigrationException(unmatched.withEndpoint(source.describe()));
            }
            List<String> chosen = resolved(filter, existing.schemas());
            SourceScan scan = new SourceScan(c, chosen).run(scanData).definitions(info);
            List<String> warnings = new ArrayList<>(info.warnings());
            warnings.addAll(scan.warnings);
            return new CompatibilityReport(info, target, evaluate(info, scan, target, chosen), warnings);
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, source.describe(), false);
        }
    }

    /** @return the schemas the patterns name (empty: every user schema, as no pattern was given) */
    private List<String> resolved(TableFilter filter, List<String> existing) {
        return schemas.isEmpty() ? List.of()
                : existing.stream().filter(s -> !SystemSchemas.excluded(s) && filter.schema(s)).toList();
    }

    static List<Finding> evaluate(ServerInfo src, SourceScan scan, TargetProfile target, List<String> schemas) {
        List<Finding> out = new ArrayList<>();
        List<DefinedObject> objects = src.definedObjects().stream()
                .filter(o -> schemas.isEmpty() || schemas.contains(o.schema())).toList();
        definers(objects, target, out);
        Map<String, Integer> engines = scan.nonInnoDbEngines;
        if (!engines.isEmpty()) {
            out.add(new Finding(Check.NON_INNODB_TABLES, Severity.WARNING, "Tables in engines other than InnoDB: " + engines
                    + ". Aurora stores tables in InnoDB only; MyISAM tables lose nothing by conversion but their"
                    + " ROW_FORMAT/KEY_BLOCK_SIZE options may be rejected.", List.of(), "Transforms.forceInnoDb()",
                    "Convert the tables to InnoDB while loading; review FULLTEXT and table-level locking assumptions in the application."));
        }
        if (!scan.functionsAndTriggers.isEmpty() && target.binlogEnabled() && !target.trustFunctionCreators() && !target.hasSuper()) {
            out.add(new Finding(Check.FUNCTION_CREATORS, Severity.ERROR, scan.functionsAndTriggers.size()
                    + " stored function(s) will fail to load with error 1419: the target writes a binary log and"
                    + " log_bin_trust_function_creators is off.", scan.functionsAndTriggers, null,
                    "Set log_bin_trust_function_creators=1 in the target's DB parameter group before loading."));
        } else if (!scan.functionsAndTriggers.isEmpty() && !target.trustFunctionCreators() && !target.hasSuper()) {
            out.add(new Finding(Check.FUNCTION_CREATORS, Severity.INFO, scan.functionsAndTriggers.size()
                    + " stored function(s) will need log_bin_trust_function_creators=1 if binary logging is turned on for the target.",
                    scan.functionsAndTriggers, null, "Set log_bin_trust_function_creators=1 in the DB parameter group when enabling binlog."));
        }
        if (!scan.tablesWithoutPrimaryKey.isEmpty()) {
            out.add(new Finding(Check.TABLES_WITHOUT_PRIMARY_KEY, Severity.WARNING, scan.tablesWithoutPrimaryKey.size()
                    + " table(s) have no primary key: row-based replication scans the whole table for every changed row, so the"
                    + " replica can fall far behind.", scan.tablesWithoutPrimaryKey, null,
                    "Add a primary key (or a unique NOT NULL index) before replicating, or expect slow apply on those tables."));
        }
        if (target.rejectsZeroDates() && (!scan.zeroDateData.isEmpty() || !scan.zeroDateDefaults.isEmpty())) {
            List<String> where = new ArrayList<>(scan.zeroDateDefaults);
            where.addAll(scan.zeroDateData);
            // the load itself is fine (it relaxes its session's sql_mode); what breaks is the application's next write
            out.add(new Finding(Check.ZERO_DATES, Severity.WARNING, "Zero dates (0000-00-00 or a zero month/day) in "
                    + where.size() + " column(s), and the target's sql_mode rejects them (strict mode with NO_ZERO_DATE /"
                    + " NO_ZERO_IN_DATE): they load (the loader relaxes its session's sql_mode), but an application that"
                    + " writes zero dates, or relies on such a default, fails on the target after the cut-over.", where, null,
                    "Change those defaults to NULL or a real date, or give the application's sessions a sql_mode without"
                    + " NO_ZERO_DATE/NO_ZERO_IN_DATE (on Aurora: the parameter group), before it writes to the target."));
        }
        if ((!scan.namedTimeZoneUsers.isEmpty() || src.timeZone().contains("/")) && !target.timeZoneTables()) {
            out.add(new Finding(Check.TIME_ZONES, Severity.WARNING, "Named time zones are used (CONVERT_TZ in objects, or"
                    + " time_zone=" + src.timeZone() + ") but the target has no time zone tables: CONVERT_TZ returns NULL.",
                    scan.namedTimeZoneUsers, null, "Load the time zone tables on the target (mysql_tzinfo_to_sql), or use numeric offsets."));
        } else if (!scan.namedTimeZoneUsers.isEmpty()) {
            out.add(new Finding(Check.TIME_ZONES, Severity.INFO, "Objects use CONVERT_TZ with time zones; the target's time zone"
                    + " tables must match the source's version of the tz database.", scan.namedTimeZoneUsers, null,
                    "Compare SELECT CONVERT_TZ(...) results on both sides for the zones you use."));
        }
        if (src.lowerCaseTableNames() != target.lowerCaseTableNames()) {
            Severity sev = !scan.caseCollisions.isEmpty() ? Severity.ERROR : scan.mixedCaseNames.isEmpty() ? Severity.INFO : Severity.WARNING;
            List<String> objs = !scan.caseCollisions.isEmpty() ? scan.caseCollisions : scan.mixedCaseNames;
            out.add(new Finding(Check.LOWER_CASE_TABLE_NAMES, sev, "lower_case_table_names is " + src.lowerCaseTableNames()
                    + " on the source and " + target.lowerCaseTableNames() + " on the target"
                    + (scan.caseCollisions.isEmpty() ? "" : "; some names differ only by case and would collide")
                    + (scan.mixedCaseNames.isEmpty() ? "" : "; " + scan.mixedCaseNames.size() + " name(s) use upper case") + ".",
                    objs, null, "Set the same lower_case_table_names on the target (on Aurora MySQL 3 only when the cluster is"
                    + " created), or rename objects so names are lower case and unique."));
        }
        scan.largestValues.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(max -> {
            if (max.getValue() + 1024 > target.maxAllowedPacket()) {
                List<String> over = scan.largestValues.entrySet().stream()
                        .filter(e -> e.getValue() + 1024 > target.maxAllowedPacket()).map(e -> e.getKey() + " (" + e.getValue() + " bytes)").toList();
                out.add(new Finding(Check.MAX_ALLOWED_PACKET, Severity.ERROR, "The largest value is " + max.getValue() + " bytes ("
                        + max.getKey() + "), over the target's max_allowed_packet of " + target.maxAllowedPacket() + " bytes.",
                        over, null, "Raise max_allowed_packet in the target's DB parameter group above the largest value (at most 1 GB),"
                        + " on the client too (error 2020 otherwise)."));
            }
        });
        List<String> plugins = src.accountPlugins().entrySet().stream()
                .filter(e -> !target.authPlugins().contains(e.getValue()) && !isSystemAccount(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        if (!plugins.isEmpty()) {
            out.add(new Finding(Check.AUTH_PLUGINS, Severity.WARNING, plugins.size() + " account(s) use an authentication plugin"
                    + " the target does not have.", plugins, null,
                    "Re-create those accounts on the target with a supported plugin (e.g. caching_sha2_password or mysql_native_password)."));
        }
        List<String> unknownCollations = scan.collations.stream().filter(c -> !target.knowsCollation(c)).sorted().toList();
        if (!unknownCollations.isEmpty()) {
            out.add(new Finding(Check.COLLATIONS, Severity.ERROR, "Collations the target does not know: " + unknownCollations + ".",
                    unknownCollations, "Transforms.mapCollations(TargetVersion." + (target.version().atLeast(8, 0, 0) ? "MYSQL_80"
                            : "MYSQL_57") + ")",
                    "Map them to collations the target knows (e.g. utf8mb4_0900_ai_ci -> utf8mb4_general_ci for 5.7 targets);"
                    + " sort order of some characters changes."));
        }
        definitionLosses(scan, target, out);
        if (!target.localInfile()) {
            out.add(new Finding(Check.LOAD_SETTINGS, Severity.WARNING, "local_infile is OFF on the target: LOAD DATA LOCAL is"
                    + " refused, so loading falls back to batched INSERTs (about 3x slower).", List.of(), null,
                    "Set local_infile=1 in the target's DB parameter group for the duration of the load."));
        }
        if (!src.binlog().enabled() || !src.binlog().format().equalsIgnoreCase("ROW") || src.serverId() == 0) {
            out.add(new Finding(Check.SOURCE_BINLOG, Severity.WARNING, "The source cannot feed binlog replication as it is: log_bin="
                    + (src.binlog().enabled() ? "ON" : "OFF") + ", binlog_format=" + src.binlog().format() + ", server_id="
                    + src.serverId() + ". A near-zero-downtime migration needs the binary log on, ROW format and a non-zero unique server_id.",
                    List.of(), null, "Enable log_bin with binlog_format=ROW and a unique server_id on the source (needs a restart"
                    + " for log_bin), or migrate with downtime."));
        }
        return out;
    }

    /** One finding per check and fix: what the target would not keep of the table definitions and object bodies. */
    private static void definitionLosses(SourceScan scan, TargetProfile target, List<Finding> out) {
        if (target.mariadb()) {
            return;
        }
        ServerVersion v = target.version();
        Map<Check, Map<String, List<DefinitionLoss>>> groups = new java.util.EnumMap<>(Check.class);
        for (DefinitionLoss l : scan.definitions) {
            if (!l.keptBy(v, false)) {
                groups.computeIfAbsent(check(l.construct()), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(l.fix(v).orElse(""), k -> new ArrayList<>()).add(l);
            }
        }
        groups.forEach((check, byFix) -> byFix.forEach((fix, losses) -> {
            boolean mixed = losses.stream().map(DefinitionLoss::construct).distinct().count() > 1;
            List<String> objects = losses.stream().map(l -> l.where() + (mixed ? " (" + l.construct().label() + ")" : ""))
                    .distinct().toList();
            boolean silent = losses.stream().anyMatch(l -> l.silentOn(v));
            String message = losses.size() + " definition(s) (" + labels(losses) + ") that " + target.name() + " would "
                    + (silent ? "take and silently change" : "reject") + ": " + losses.get(0).describe().replaceFirst("^[^:]*: ", "")
                    + (mixed ? ", and the like for the others" : "") + ". The loader refuses them "
                    + (fix.isEmpty() ? "(no transform can carry them to this target)." : "unless loaded with " + fix + ".");
            out.add(new Finding(check, Severity.ERROR, message, objects, fix.isEmpty() ? null : fix, advice(check, fix)));
        }));
        if (!scan.newerSql.isEmpty() && !v.atLeast(8, 0, 0)) {
            out.add(new Finding(Check.NEWER_DEFINITIONS, Severity.ERROR, scan.newerSql.size() + " view(s), routine(s),"
                    + " trigger(s) or event(s) use SQL " + target.name() + " rejects (MySQL 8.0 syntax or functions).",
                    scan.newerSql, null, "Rewrite them on the source in SQL both versions accept (a derived table for a CTE,"
                    + " variables or a self-join for a window function), or exclude them and create them by hand."));
        }
    }

    private static Check check(DefinitionLoss.Construct c) {
        return switch (c) {
            case INVISIBLE_COLUMN, INVISIBLE_INDEX -> Check.INVISIBLE_DEFINITIONS;
            case CHECK -> Check.CHECK_CONSTRAINTS;
            case DESCENDING_INDEX -> Check.DESCENDING_INDEXES;
            case FUNCTIONAL_INDEX, EXPRESSION_DEFAULT, SRID, GEOMCOLLECTION -> Check.NEWER_DEFINITIONS;
            case MARIADB_TYPE, IGNORED_INDEX, BARE_EXPRESSION_DEFAULT, LOB_LITERAL_DEFAULT -> Check.MARIADB_DEFINITIONS;
        };
    }

    private static String labels(List<DefinitionLoss> losses) {
        return String.join(", ", losses.stream().map(l -> l.construct().label()).distinct().toList());
    }

    private static String advice(Check check, String fix) {
        if (fix.isEmpty()) {
            return "No transform carries these to this target: change them on the source first (e.g. set the default in"
                    + " the application or a trigger; replace a UNIQUE functional index with a UNIQUE index on a generated"
                    + " column), exclude the tables, or choose a target that has them (Aurora MySQL 3).";
        }
        return switch (check) {
            case INVISIBLE_DEFINITIONS -> "Load with " + fix + ", which makes them visible on purpose; check that the"
                    + " application does not rely on SELECT * or INSERT without a column list skipping those columns.";
            case CHECK_CONSTRAINTS -> "Load with " + fix + ", which drops them on purpose; enforce the rules in the"
                    + " application (or in triggers) while on this target.";
            case DESCENDING_INDEXES -> "Load with " + fix + ", which builds them ascending; queries sorting in mixed"
                    + " directions may need a filesort.";
            case NEWER_DEFINITIONS -> "Load with " + fix + ": SRID attributes and non-unique functional indexes are"
                    + " dropped (an index on a generated column can replace a functional one), GEOMCOLLECTION is spelled"
                    + " GEOMETRYCOLLECTION.";
            default -> "Load with " + fix + (fix.contains("mapMariaDbTypes") ? ": the values are kept as text (they"
                    + " compare and sort as text)." : ": the definitions are respelled as MySQL writes them.");
        };
    }

    private static void definers(List<DefinedObject> objects, TargetProfile target, List<Finding> out) {
        if (objects.isEmpty()) {
            return;
        }
        List<String> names = objects.stream().map(o -> o.type() + " " + o.schema() + "." + o.name() + " DEFINER=" + o.definer()).toList();
        if (!target.canSetAnyDefiner()) {
            out.add(new Finding(Check.DEFINERS, Severity.ERROR, objects.size() + " object(s) carry a DEFINER clause; the target user"
                    + " lacks SUPER (and SET_USER_ID), so creating them as another account fails with ERROR 1227.", names,
                    "Transforms.stripDefiners()", "Strip the DEFINER clauses (the loading user becomes the definer) or replace them"
                    + " with an existing account; to keep the original definers, create those accounts and re-create the objects"
                    + " logged in as each of them."));
            return;
        }
        Set<String> accounts = target.accounts().orElse(null);
        List<String> missing = objects.stream()
                .filter(o -> accounts == null || !accounts.contains(o.definerUser() + "@" + o.definerHost()))
                .map(o -> o.type() + " " + o.schema() + "." + o.name() + " DEFINER=" + o.definer()).toList();
        if (!missing.isEmpty()) {
            out.add(new Finding(Check.DEFINERS, Severity.WARNING, missing.size() + " object(s) name a DEFINER account "
                    + (accounts == null ? "that may not exist" : "that does not exist") + " on the target. The target user may set any"
                    + " definer (SET_USER_ID), so they load, but fail with ERROR 1449 when used.", missing,
                    "Transforms.stripDefiners()", "Create the definer accounts on the target before use, or strip/replace the definers"
                    + " while loading."));
        }
    }

    private static boolean isSystemAccount(String account) {
        String a = account.toLowerCase(Locale.ROOT);
        return a.startsWith("mysql.") || a.startsWith("mariadb.") || a.startsWith("rdsadmin@") || a.startsWith("root@");
    }

    /** Builds a {@link CompatibilityCheck}. Not thread-safe. */
    public static final class Builder {
        private final Endpoint source;
        private final io.github.auroramigrate.core.store.DumpStore dump;
        private TargetProfile target;
        private final List<String> schemas = new ArrayList<>();
        private boolean scanData = true;

        private Builder(Endpoint source, io.github.auroramigrate.core.store.DumpStore dump) {
            this.source = source;
            this.dump = dump;
        }

        /** The target to check against. Required. */
        public Builder target(TargetProfile target) {
            this.target = target;
            return this;
        }

        /**
         * Schemas to check, by name or glob pattern ({@code *}, {@code ?}). Default: every user schema (the system
         * schemas and {@code aurora_migrate} are never checked). A name or pattern that matches no schema (on the
         * source, or in the dump) fails {@link CompatibilityCheck#run()} with {@code INVALID_INPUT} naming it and the
         * schemas that exist.
         */
        public Builder schemas(String... names) {
            schemas.addAll(List.of(names));
            return this;
        }

        /** Whether to read data for zero dates and value sizes (one aggregate per column). Default true. */
        public Builder scanData(boolean scan) {
            this.scanData = scan;
            return this;
        }

        /**
         * @throws NullPointerException when source or target is missing
         */
        public CompatibilityCheck build() {
            Objects.requireNonNull(target, "target");
            schemas.forEach(s -> Objects.requireNonNull(s, "schema name"));
            TableFilter.all().schemas(schemas.toArray(String[]::new)); // rejects blank names now, not at run()
            return new CompatibilityCheck(this);
        }
    }
}
