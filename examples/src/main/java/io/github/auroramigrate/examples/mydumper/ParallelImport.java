package io.github.auroramigrate.examples.mydumper;

import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.ObjectDifference;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.examples.demo.DemoServers;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Handbook scenario 4, "migrating using mydumper and myloader": the source dumped by mydumper in parallel (Debian's
 * mydumper 0.10), the directory loaded into Aurora in parallel by this library instead of myloader: exactly once,
 * definers stripped and MyISAM converted on the way, then verified against the source.
 *
 * <pre>{@code
 * scripts/example.sh mydumper.ParallelImport
 * }</pre>
 */
public final class ParallelImport {
    static final Transform TRANSFORM = Transforms.stripDefiners().andThen(Transforms.forceInnoDb());

    private ParallelImport() {
    }

    /** Runs the example; throws when the target differs from the source. */
    public static void main(String[] args) throws Exception {
        try (DemoServers s = DemoServers.from(args, ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3)) {
            s.applyParameterGroup();
            Path dir = Path.of(s.option("--export-dir", Files.createTempDirectory("mydumper-").resolve("export").toString()));
            // mydumper 0.10 reads no password from the environment: a defaults file, readable by this user only
            Path defaults = Files.createTempFile("mydumper", ".cnf");
            Files.writeString(defaults, "[client]\npassword=" + s.source().driverProperties().getProperty("password", "") + "\n");
            try {
                DemoServers.run(List.of("mydumper", "--defaults-file", defaults.toString(), "-h", s.source().host(),
                        "-P", String.valueOf(s.source().port()), "-u", s.source().user(), "-B", s.schema(), "-o", dir.toString(),
                        "-t", "2", "--triggers", "--routines", "--events", "--rows", "1000"), null, null);
            } finally {
                Files.delete(defaults);
            }
            System.out.println("mydumper wrote " + dir);

            LoadResult load = Load.into(s.target()).from(LoadSources.mydumper(dir)).transform(TRANSFORM).threads(2).build().run();
            System.out.println(load.summary());
            VerifyResult v = Verify.between(s.source(), s.target()).schemas(s.schema()).transform(TRANSFORM).build().run();
            System.out.println(v.summary());
            // what a mydumper 0.10 directory does not record, whoever loads it: routines' sql_mode and time zone
            List<ObjectDifference> unrecorded = v.objectDifferences().stream()
                    .filter(d -> d.aspect() != null && List.of("sqlMode", "timeZone").contains(d.aspect())).toList();
            unrecorded.forEach(d -> System.out.println("not in a mydumper 0.10 directory, so not on the target either: " + d));
            boolean rowsAndRest = v.tables().stream().allMatch(t -> t.ok()) && !v.tables().isEmpty()
                    && v.objectDifferences().size() == unrecorded.size();
            if (!rowsAndRest) {
                throw new IllegalStateException("the target differs from the source: " + v.summary() + " " + v.objectDifferences()
                        + " " + v.differences());
            }
            System.out.println("VERDICT: the mydumper directory was imported in parallel and verified equal. Left on disk: " + dir);
        }
    }
}
