package io.github.auroramigrate.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A {@link DumpStore} in a local directory. Files are written to {@code <key>.tmp-<random>} and renamed into
 * place on close, so a reader (or a loader following a dump in progress) never sees a partial file.
 *
 * <pre>{@code
 * DumpStore store = DumpStores.directory(Path.of("dump"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
final class DirectoryDumpStore implements DumpStore {
    private static final String TMP = ".tmp-";

    private final Path root;
    /** Directories known to exist: a dump creates thousands of files in few directories. */
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();

    DirectoryDumpStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private Path path(String key) {
        Path p = root.resolve(DumpStore.checkKey(key)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the store: " + key);
        }
        return p;
    }

    @Override
    public StoreOutputStream create(String key) throws IOException {
        Path target = path(key);
        Path dir = target.getParent();
        if (!directories.contains(dir)) {
            Files.createDirectories(dir);
            directories.add(dir);
        }
        // a random suffix, not a UUID: SecureRandom costs more than a small table's file. CREATE_NEW turns a
        // collision with another writer into an error instead of a shared file.
        Path tmp = target.resolveSibling(target.getFileName() + TMP + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        OutputStream out;
        try {
            out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            // the directory was removed behind our back since we created it: create it again
            directories.remove(dir);
            Files.createDirectories(dir);
            directories.add(dir);
            out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        return new FileOutput(tmp, target, out);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(k -> !k.contains(TMP) && k.startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public String toString() {
        return "DirectoryDumpStore{" + root + "}";
    }

    /** Writes a temp file and renames it on close. */
    private static final class FileOutput extends StoreOutputStream {
        private final Path tmp;
        private final Path target;
        private final OutputStream out;
        private boolean done;

        FileOutput(Path tmp, Path target, OutputStream out) {
            this.tmp = tmp;
            this.target = target;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void abort() throws IOException {
            if (!done) {
                done = true;
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            boolean published = false;
            try {
                out.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                published = true;
            } finally {
                if (!published) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }
}
