package io.github.auroramigrate.examples.troubleshooting;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.examples.demo.DemoServers;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Handbook scenario 2, "migration using mysqldump with error troubleshooting": a mysqldump-format file of a MySQL 5.7
 * schema fails to import into Aurora MySQL 2 with {@code ERROR 1227 ... at line N} on a view's DEFINER. The failure is
 * diagnosed (file, line, statement, what to do), the fix is the definer transform instead of {@code perl -pe}, and the
 * rerun resumes: statements the first run executed are not run again.
 *
 * <pre>{@code
 * scripts/example.sh troubleshooting.DefinerError
 * }</pre>
 */
public final class DefinerError {
    private DefinerError() {
    }

    /** Runs the example; throws unless the first import fails with 1227 and the rerun completes verified. */
    public static void main(String[] args) throws Exception {
        try (DemoServers s = DemoServers.from(args, ServerKind.MYSQL_57, AuroraProfile.AURORA_MYSQL_2)) {
            s.applyParameterGroup();
            Path file = Path.of(s.option("--file", Files.createTempDirectory("aurora-migrate-sql-").resolve("myschema_dump.sql.gz")
                    .toString()));
            mariadbDump(s.source(), s.schema(), file);
            System.out.println("client A: dumped " + s.schema() + " to " + file + " (" + Files.size(file) + " bytes)");

            // client B: the first import fails as in the handbook, with the line and the statement
            try {
                Load.into(s.target()).from(LoadSources.sqlFile(file)).build().run();
                throw new IllegalStateException("the import was expected to fail on the DEFINER clause (ERROR 1227)");
            } catch (LoadException e) {
                System.out.println("first import failed, as the handbook's did:\n" + e.diagnosis().render());
                if (e.code() != DiagnosisCode.SUPER_PRIVILEGE_REQUIRED) {
                    throw e;
                }
            }

            // the fix: strip the definers while loading; the rerun skips what the first run did
            LoadResult rerun = Load.into(s.target()).from(LoadSources.sqlFile(file)).transform(Transforms.stripDefiners())
                    .build().run();
            System.out.println("rerun: " + rerun.summary());
            VerifyResult v = Verify.between(s.source(), s.target()).schemas(s.schema()).transform(Transforms.stripDefiners())
                    .build().run();
            System.out.println(v.summary());
            if (!v.ok()) {
                throw new IllegalStateException("the target differs from the source: " + v.summary() + " " + v.objectDifferences()
                        + " " + v.differences());
            }
            System.out.println("VERDICT: imported after the fix and verified equal. Left on disk: " + file);
        }
    }

    /** The handbook's {@code mysqldump --databases myschema --single-transaction | gzip}, with Debian's mariadb-dump. */
    static void mariadbDump(Endpoint source, String schema, Path out) throws Exception {
        Path plain = Files.createTempFile("dump", ".sql");
        DemoServers.run(List.of("mariadb-dump", "-h" + source.host(), "-P" + source.port(), "-u" + source.user(),
                "--databases", schema, "--single-transaction", "--routines", "--triggers", "--hex-blob"),
                passwordOf(source), plain);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
            Files.copy(plain, o);
        }
        Files.delete(plain);
    }

    /** The endpoint's password, for a client program's environment (MYSQL_PWD). */
    static String passwordOf(Endpoint e) {
        return e.driverProperties().getProperty("password", "");
    }
}
