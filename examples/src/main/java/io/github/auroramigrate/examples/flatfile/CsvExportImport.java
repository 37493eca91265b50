package io.github.auroramigrate.examples.flatfile;

import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.examples.demo.DemoServers;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Handbook scenario 3, "flat-file migration using files in CSV format": the schema exported without data
 * ({@code mysqldump --no-data}, here Debian's mariadb-dump), each table exported by the server itself with
 * {@code SELECT ... INTO OUTFILE} as CSV, and both imported into Aurora: the schema file first, then every CSV file
 * in parallel by {@code LOAD DATA LOCAL INFILE}, exactly once.
 *
 * <p>{@code INTO OUTFILE} writes on the source server's host, into its {@code secure_file_priv} directory: with your
 * own servers run this on that host and pass {@code --export-dir} (that directory).
 *
 * <pre>{@code
 * scripts/example.sh flatfile.CsvExportImport
 * }</pre>
 */
public final class CsvExportImport {
    static final Transform TRANSFORM = Transforms.stripDefiners().andThen(Transforms.forceInnoDb());

    private CsvExportImport() {
    }

    /** Runs the example; throws when the target differs from the source. */
    public static void main(String[] args) throws Exception {
        try (DemoServers s = DemoServers.from(args, ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
            s.applyParameterGroup();
            Path dir = Path.of(s.option("--export-dir", s.embedded().isEmpty() ? "." : s.embedded().get(0).secureFilePriv()
                    .resolve("csv-" + System.nanoTime()).toString()));
            Files.createDirectories(dir);
            Path schemaFile = dir.resolve(s.schema() + "_schema.sql");
            // the schema, without data
            DemoServers.run(List.of("mariadb-dump", "-h" + s.source().host(), "-P" + s.source().port(), "-u" + s.source().user(),
                    "--no-data", "--routines", "--triggers", "--skip-add-drop-table", s.schema()),
                    s.source().driverProperties().getProperty("password", ""), schemaFile);
            // the data: one CSV file per table, written by the source server
            List<String> tables = new ArrayList<>();
            try (Connection c = s.source().connect(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                        + s.schema() + "' AND TABLE_TYPE = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String t : tables) {
                    st.execute("SELECT * INTO OUTFILE '" + dir.resolve(t + ".csv") + "' FIELDS TERMINATED BY ','"
                            + " OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' FROM `" + s.schema() + "`.`" + t + "`");
                }
            }
            System.out.println("exported the schema to " + schemaFile + " and " + tables.size() + " tables as CSV to " + dir);

            LoadResult load = Load.into(s.target())
                    .from(LoadSources.flatFiles(dir, s.schema()).schemaFile(schemaFile).build())
                    .transform(TRANSFORM).threads(2).build().run();
            System.out.println(load.summary());
            VerifyResult v = Verify.between(s.source(), s.target()).schemas(s.schema()).transform(TRANSFORM).build().run();
            System.out.println(v.summary());
            if (!v.ok()) {
                throw new IllegalStateException("the target differs from the source: " + v.summary() + " " + v.objectDifferences()
                        + " " + v.differences());
            }
            System.out.println("VERDICT: " + tables.size() + " tables imported from CSV and verified equal. Left on disk: " + dir);
        }
    }

}
