package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.files.LocalFiles;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.verify.Verify;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing dump directory, SQL file, mydumper or flat-file directory is a wrong path (FILE_NOT_FOUND), not a corrupt
 * file or an unknown error, at every front door - and it is found before any server is contacted (the endpoint
 * below does not exist).
 */
class LocalFileDiagnosisTest {
    private static final Endpoint NOWHERE = Endpoint.builder().host("no-such-host.invalid").user("u").build();

    @TempDir
    Path dir;

    private static MigrationException fails(ThrowingCallable call) {
        MigrationException e = catchThrowableOfType(call, MigrationException.class);
        assertThat(e).as("a MigrationException").isNotNull();
        return e;
    }

    private void assertNotFound(MigrationException e, Path path) {
        assertThat(e.code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND);
        assertThat(e.diagnosis().message()).contains(path.getFileName().toString());
        assertThat(e.diagnosis().remedy()).contains("Check the path");
    }

    @Test
    void loadOfAMissingDumpDirectory() {
        Path missing = dir.resolve("no_such_dump");
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.dump(DumpStores.directory(missing))).build().run()),
                missing);
    }

    @Test
    void verifyAndPrecheckOfAMissingDumpDirectory() {
        Path missing = dir.resolve("no_such_dump");
        assertNotFound(fails(() -> Verify.manifest(DumpStores.directory(missing)).against(NOWHERE).build().run()), missing);
        assertNotFound(fails(() -> CompatibilityCheck.ofDump(DumpStores.directory(missing))
                .target(TargetProfile.AURORA_MYSQL_3).build().run()), missing);
    }

    @Test
    void aDirectoryWithFilesButNoManifestIsNotADumpRatherThanCorrupt() throws IOException {
        Files.writeString(dir.resolve("shop.sql"), "SELECT 1;");
        MigrationException e = fails(() -> LoadSources.dump(DumpStores.directory(dir)));
        assertThat(e.code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND);
        assertThat(e.diagnosis().message()).contains("not a dump");
    }

    @Test
    void importOfAMissingSqlFileOrADirectoryGivenAsOne() {
        Path missing = dir.resolve("dump file ä.sql.gz");
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.sqlFile(missing)).build().run()), missing);
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.sqlFile(missing)).jobId("given").build().run()), missing);
        MigrationException d = fails(() -> Load.into(NOWHERE).from(LoadSources.sqlFile(dir)).build().run());
        assertThat(d.code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND);
        assertThat(d.diagnosis().message()).contains("is a directory");
    }

    @Test
    void importOfAMissingMydumperDirectory() {
        Path missing = dir.resolve("export-20240101");
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.mydumper(missing)).build().run()), missing);
    }

    @Test
    void importOfAMissingFlatFileDirectoryOrSchemaFile() throws IOException {
        Path missing = dir.resolve("csv");
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.flatFiles(missing, "shop").build()).build().run()), missing);
        Files.writeString(dir.resolve("t.csv"), "1,a\n");
        Path schemaFile = dir.resolve("schema.sql");
        assertNotFound(fails(() -> Load.into(NOWHERE).from(LoadSources.flatFiles(dir, "shop").schemaFile(schemaFile).build())
                .build().run()), schemaFile);
    }

    @Test
    void anUnreadablePathIsNotReadableNotMissing() {
        // this suite runs as root, for whom chmod 000 changes nothing: the mapping of the JDK's exception is checked
        Path p = dir.resolve("locked.sql");
        Diagnosis d = LocalFiles.of(p, new AccessDeniedException(p.toString()), "the SQL file");
        assertThat(d.code()).isEqualTo(DiagnosisCode.FILE_NOT_READABLE);
        assertThat(d.message()).contains(p.toAbsolutePath().toString());
        assertThat(LocalFiles.of(p, new IOException("disk on fire"), "the SQL file")).as("left to the caller").isNull();
        assertThat(LocalFiles.file(dir, "the SQL file").code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND);
        assertThat(LocalFiles.directory(dir, "the dump directory")).isNull();
    }
}
