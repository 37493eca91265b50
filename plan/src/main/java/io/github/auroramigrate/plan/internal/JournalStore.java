package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where a plan's journal lives: {@code journal.json} (rewritten whole and atomically on every change) and
 * {@code suspend.request} (a marker any process may write). A local directory by default - each write is flushed to
 * disk ({@code fsync} of the file, then of the directory after the rename), so it survives a power loss as well as a
 * killed process - or any {@link DumpStore} a URI names (e.g. {@code s3://bucket/prefix}), whose writes are atomic by
 * the store's contract. Thread-safe.
 *
 * <pre>{@code
 * JournalStore js = JournalStore.directory(Path.of("shop.journal"));
 * js.write(JournalStore.JOURNAL, bytes);
 * }</pre>
 */
public abstract class JournalStore {
    /** The journal document's key. */
    public static final String JOURNAL = "journal.json";
    /** The suspension marker's key. */
    public static final String SUSPEND = "suspend.request";

    /** @return where it is, for messages */
    public abstract String describe();

    /** @return the file's bytes, or empty when there is none */
    public abstract Optional<byte[]> read(String key);

    /** Writes the file whole, atomically and durably. */
    public abstract void write(String key, byte[] bytes);

    /** Deletes the file; no error when it is not there. */
    public abstract void delete(String key);

    /** A journal in a local directory (created on first write). */
    public static JournalStore directory(Path dir) {
        return new Directory(dir.toAbsolutePath().normalize());
    }

    /** A journal in the store a URI names ({@code file:} URIs are directories as above). */
    public static JournalStore of(URI uri) {
        if (uri.getScheme() == null || uri.getScheme().equalsIgnoreCase("file")) {
            return directory(uri.getScheme() == null ? Path.of(uri.getPath()) : Path.of(uri));
        }
        return new Store(DumpStores.of(uri), uri.toString());
    }

    static MigrationException failure(String what, String where, Exception e) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.PLAN_JOURNAL, "Cannot " + what + " the plan journal in "
                + where + ": " + e), e);
    }

    private static final class Directory extends JournalStore {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public Optional<byte[]> read(String key) {
            try {
                return Optional.of(Files.readAllBytes(dir.resolve(key)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw failure("read", dir.resolve(key).toString(), e);
            }
        }

        @Override
        public void write(String key, byte[] bytes) {
            Path target = dir.resolve(key);
            Path tmp = dir.resolve(key + ".tmp");
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                } catch (IOException e) {
                    // some file systems cannot sync a directory; the rename itself is still atomic
                }
            } catch (IOException e) {
                throw failure("write", target.toString(), e);
            }
        }

        @Override
        public void delete(String key) {
            try {
                Files.deleteIfExists(dir.resolve(key));
            } catch (IOException e) {
                throw failure("delete a file of", dir.toString(), e);
            }
        }
    }

    private static final class Store extends JournalStore {
        private final DumpStore store;
        private final String where;

        Store(DumpStore store, String where) {
            this.store = store;
            this.where = where;
        }

        @Override
        public String describe() {
            return where;
        }

        @Override
        public Optional<byte[]> read(String key) {
            try {
                if (!store.exists(key)) {
                    return Optional.empty();
                }
                try (InputStream in = store.open(key)) {
                    return Optional.of(in.readAllBytes());
                }
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw failure("read", where, e);
            }
        }

        @Override
        public void write(String key, byte[] bytes) {
            try {
                store.put(key, bytes);
            } catch (IOException e) {
                throw failure("write", where, e);
            }
        }

        @Override
        public void delete(String key) {
            try {
                store.delete(key);
            } catch (IOException e) {
                throw failure("delete a file of", where, e);
            }
        }
    }
}
