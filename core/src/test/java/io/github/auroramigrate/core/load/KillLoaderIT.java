package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the loading JVM: a child JVM loads a dump and is killed (SIGKILL, no shutdown hooks, no rollback
 * from the client) right after its 1st, then after a later committed chunk; a final run completes the load, and
 * the target equals the source, with every chunk in the journal exactly once.
 */
@ExtendWith(TestServersExtension.class)
class KillLoaderIT {

    @Test
    void aLoaderKilledTwiceResumesToExactlyTheSource(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("kill9");
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("ANALYZE TABLE `" + s + "`.t_pk, `" + s + "`.t_nopk");
        Manifest m = DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
        int total = DumpLoadIT.chunks(m);
        assertThat(total).isGreaterThanOrEqualTo(4);

        int first = killAfter(target, dir, 1);
        int second = killAfter(target, dir, 2);
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isGreaterThanOrEqualTo(2);
        String job = "dump-" + m.dumpId();
        long committed = count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job
                + "' AND chunk_id LIKE 'data/%'");
        assertThat(committed).as("chunks committed by the killed runs").isBetween(3L, (long) total);

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();

        assertThat(r.chunksSkipped()).isEqualTo((int) committed);
        assertThat(r.chunksLoaded() + r.chunksSkipped()).isEqualTo(total);
        for (String t : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
        }
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job
                + "' AND chunk_id LIKE 'data/%'")).isEqualTo(total);
    }

    /** Starts a child loader, kills it (SIGKILL) once it reported {@code chunks} more committed chunks; returns them. */
    private static int killAfter(TestServer target, Path dir, int chunks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildLoader.class.getName(), target.host(), String.valueOf(target.port()), target.user(), dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("CHILD_LOADER_PASSWORD", target.password());
        Process p = pb.start();
        int seen = 0;
        StringBuilder log = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("LOADED ") && ++seen == chunks) {
                    p.destroyForcibly();
                    break;
                }
                assertThat(line).as(log.toString()).doesNotStartWith("DONE");
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as(log.toString()).isEqualTo(chunks);
        return seen;
    }
}
