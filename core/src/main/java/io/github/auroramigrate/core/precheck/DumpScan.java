package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ObjectEntry;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.SourceServer;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.UserEntry;
import io.github.auroramigrate.core.probe.BinlogSettings;
import io.github.auroramigrate.core.probe.DefinedObject;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.core.sql.SqlLexer;
import io.github.auroramigrate.core.sql.SqlOptions;
import io.github.auroramigrate.core.sql.Token;
import io.github.auroramigrate.core.sql.TokenType;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.DefinitionLoss;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pre-check's questions answered from a dump instead of a live source: the manifest (source settings,
 * engines, keys, limits, coordinates) and the DDL files, read with the SQL lexer (so DEFINER-like text in strings
 * and comments is not mistaken for a clause). Data is not re-read: zero dates are found in column defaults only.
 */
final class DumpScan {
    private final DumpStore store;

    DumpScan(DumpStore store) {
        this.store = store;
    }

    /** What the check needs: a source description built from the manifest and a scan filled from the DDL. */
    record Result(ServerInfo source, SourceScan scan) {
    }

    Result run(List<String> schemas) {
        Manifest m = io.github.auroramigrate.core.internal.manifest.ManifestIO.read(store);
        SourceScan scan = new SourceScan(null, schemas);
        boolean newerSource = m.source().flavor() != null && m.source().flavor().toUpperCase(Locale.ROOT).contains("MARIADB")
                || ServerVersion.parse(m.source().version()).major() >= 8;
        List<DefinedObject> defined = new ArrayList<>();
        Map<String, String> accountPlugins = new TreeMap<>();
        for (SchemaEntry schema : m.schemas()) {
            if (!schemas.isEmpty() && !schemas.contains(schema.name()) || SystemSchemas.excluded(schema.name())) {
                continue;
            }
            Map<String, List<String>> byLower = new TreeMap<>();
            for (TableEntry t : schema.tables()) {
                String name = schema.name() + "." + t.name();
                byLower.computeIfAbsent(t.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(t.name());
                if (!t.name().equals(t.name().toLowerCase(Locale.ROOT))) {
                    scan.mixedCaseNames.add(name);
                }
                if (t.engine() != null && !t.engine().equalsIgnoreCase("InnoDB")) {
                    scan.nonInnoDbEngines.merge(t.engine(), 1, Integer::sum);
                }
                if (t.chunking() == null || !"PRIMARY".equalsIgnoreCase(t.chunking().index())) {
                    scan.tablesWithoutPrimaryKey.add(name);
                }
                if (t.ddlFile() != null) {
                    String text = text(t.ddlFile());
                    List<Token> tokens = tokens(text);
                    scan.collations.addAll(collations(tokens));
                    zeroDateDefaults(tokens, name, scan.zeroDateDefaults);
                    for (DefinitionLoss l : DefinitionLoss.all(Statement.of(text))) {
                        scan.definitions.add(new DefinitionLoss(l.construct(), schema.name() + "." + l.table(), l.object(),
                                l.detail(), l.commentVersion(), l.unique()));
                    }
                }
            }
            if (schema.ddlFile() != null) {
                scan.collations.addAll(collations(tokens(text(schema.ddlFile()))));
            }
            byLower.values().stream().filter(v -> v.size() > 1)
                    .forEach(v -> scan.caseCollisions.add(schema.name() + ".{" + String.join(",", v) + "}"));
            List<ObjectEntry> objects = new ArrayList<>(schema.routines());
            objects.addAll(schema.triggers());
            objects.addAll(schema.events());
            objects.addAll(m.views().stream().filter(v -> v.schema().equals(schema.name())).toList());
            for (ObjectEntry o : objects) {
                List<Token> tokens = tokens(text(o.ddlFile()));
                scan.collations.addAll(collations(tokens));
                for (String c : new String[] {o.collationConnection(), o.databaseCollation()}) {
                    if (c != null && !c.isEmpty()) {
                        scan.collations.add(c.toLowerCase(Locale.ROOT));
                    }
                }
                java.util.Set<String> newer = newerSource ? NewerSql.in(tokens) : java.util.Set.of();
                if (!newer.isEmpty()) {
                    String kind = o.type() == io.github.auroramigrate.core.internal.manifest.ObjectType.VIEW ? "VIEW" : o.type().name();
                    scan.newerSql.add(kind + " " + o.schema() + "." + o.name() + ": " + String.join(", ", newer));
                }
                String definer = definer(tokens);
                if (definer != null) {
                    defined.add(new DefinedObject(o.type().name(), o.schema(), o.name(), definer,
                            hasWord(tokens, "INVOKER") ? "INVOKER" : "DEFINER"));
                }
                if (o.type() == io.github.auroramigrate.core.internal.manifest.ObjectType.FUNCTION) {
                    scan.functionsAndTriggers.add("FUNCTION " + o.schema() + "." + o.name());
                }
                if (hasWord(tokens, "CONVERT_TZ")) {
                    String kind = o.type() == io.github.auroramigrate.core.internal.manifest.ObjectType.VIEW ? "VIEW" : o.type().name()
                            .equals("TRIGGER") || o.type().name().equals("EVENT") ? o.type().name() : "ROUTINE";
                    scan.namedTimeZoneUsers.add(kind + " " + o.schema() + "." + o.name());
                }
            }
        }
        for (UserEntry u : m.users()) {
            for (String file : u.files()) {
                List<Token> tokens = tokens(text(file));
                String plugin = wordAfter(tokens, "WITH");
                if (plugin != null && hasWord(tokens, "IDENTIFIED")) {
                    accountPlugins.put(u.account().replace("'", "").replace("`", ""), plugin);
                }
            }
        }
        if (m.limits() != null && m.limits().maxValueBytes() > 0) {
            scan.largestValues.put("largest value in the dump", m.limits().maxValueBytes());
        }
        scan.warnings.add("checked from the dump " + store.describe() + ": zero dates are found in column defaults only, not in data");
        return new Result(source(m, defined, accountPlugins), scan);
    }

    private static ServerInfo source(Manifest m, List<DefinedObject> defined, Map<String, String> accountPlugins) {
        SourceServer s = m.source();
        boolean binlog = m.coordinates() != null && m.coordinates().binlogEnabled();
        Flavor flavor = s.flavor() != null && s.flavor().toUpperCase(Locale.ROOT).contains("MARIADB") ? Flavor.MARIADB : Flavor.MYSQL;
        return new ServerInfo("dump of " + s.endpoint(), flavor, ServerVersion.parse(s.version()), s.versionComment() == null ? "" : s.versionComment(),
                null, "", Set.of(), false, new BinlogSettings(binlog, binlog ? "ROW" : "", "", null, ""), s.serverId(),
                s.lowerCaseTableNames(), s.maxAllowedPacket(), false, s.characterSetServer() == null ? "" : s.characterSetServer(), "",
                s.sqlMode() == null ? "" : s.sqlMode(), s.timeZone() == null ? "" : s.timeZone(), true, false, false,
                m.schemas().stream().map(SchemaEntry::name).toList(), Map.of(), Set.of(), defined, Set.of(), accountPlugins, List.of());
    }

    private static List<Token> tokens(String text) {
        return SqlLexer.tokenize(text, SqlOptions.DEFAULT).stream().filter(Token::isSignificant).toList();
    }

    private String text(String key) {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot read " + key + " from the dump "
                    + store.describe() + ": " + e.getMessage()), e);
        }
    }

    /** {@code DEFINER = user@host} as {@code user@host}, or null. */
    static String definer(List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DEFINER") && tokens.get(i + 1).isOperator("=")) {
                StringBuilder account = new StringBuilder(tokens.get(i + 2).name());
                if (i + 4 < tokens.size() && tokens.get(i + 3).text().startsWith("@")) {
                    String host = tokens.get(i + 3).text().length() > 1 ? tokens.get(i + 3).text().substring(1) : tokens.get(i + 4).name();
                    account.append('@').append(unquote(host));
                }
                return account.toString();
            }
        }
        return null;
    }

    private static Set<String> collations(List<Token> tokens) {
        Set<String> out = new java.util.TreeSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("COLLATE")) {
                Token next = tokens.get(i + 1).isOperator("=") && i + 2 < tokens.size() ? tokens.get(i + 2) : tokens.get(i + 1);
                out.add(next.name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static void zeroDateDefaults(List<Token> tokens, String table, List<String> out) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DEFAULT") && tokens.get(i + 1).type() == TokenType.STRING) {
                String value = unquote(tokens.get(i + 1).text());
                if (value.startsWith("0000-00-00") || value.matches("\\d{4}-00-.*|\\d{4}-\\d{2}-00.*")) {
                    out.add(table + " DEFAULT '" + value + "'");
                }
            }
        }
    }

    private static boolean hasWord(List<Token> tokens, String word) {
        return tokens.stream().anyMatch(t -> t.isWord(word));
    }

    private static String wordAfter(List<Token> tokens, String word) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return unquote(tokens.get(i + 1).text());
            }
        }
        return null;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '`' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

}
