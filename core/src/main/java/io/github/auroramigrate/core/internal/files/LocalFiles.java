package io.github.auroramigrate.core.internal.files;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Tells a missing or unreadable local path ({@link DiagnosisCode#FILE_NOT_FOUND},
 * {@link DiagnosisCode#FILE_NOT_READABLE}) from a corrupt file, with the absolute path in the message.
 *
 * <pre>{@code
 * Diagnosis d = LocalFiles.file(Path.of("shop.sql"), "the SQL file");
 * if (d != null) throw new LoadException(d, null, null, null);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** @return the diagnosis when {@code dir} is not a readable directory, else null */
    public static Diagnosis directory(Path dir, String what) {
        if (Files.isDirectory(dir)) {
            return Files.isReadable(dir) ? null : notReadable(dir, what);
        }
        return Files.exists(dir) ? notFound(dir, what, "is a file, not a directory") : notFound(dir, what, "does not exist");
    }

    /** @return the diagnosis when {@code file} is not a readable regular file, else null */
    public static Diagnosis file(Path file, String what) {
        if (Files.isRegularFile(file)) {
            return Files.isReadable(file) ? null : notReadable(file, what);
        }
        return Files.isDirectory(file) ? notFound(file, what, "is a directory, not a file")
                : notFound(file, what, "does not exist");
    }

    /**
     * @return FILE_NOT_FOUND or FILE_NOT_READABLE when the failure says so, else null (then the caller decides:
     *         an error while reading a file that was there is usually a corrupt or truncated file)
     */
    public static Diagnosis of(Path path, IOException failure, String what) {
        if (failure instanceof NoSuchFileException || failure instanceof NotDirectoryException) {
            return notFound(path, what, "does not exist");
        }
        if (failure instanceof AccessDeniedException) {
            return notReadable(path, what);
        }
        return null;
    }

    private static Diagnosis notFound(Path path, String what, String problem) {
        return Diagnosis.of(DiagnosisCode.FILE_NOT_FOUND, what + " " + path.toAbsolutePath().normalize() + " " + problem);
    }

    private static Diagnosis notReadable(Path path, String what) {
        return Diagnosis.of(DiagnosisCode.FILE_NOT_READABLE, what + " " + path.toAbsolutePath().normalize()
                + " exists but cannot be read (permissions)");
    }
}
