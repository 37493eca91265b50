package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.TestkitException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** File helpers: recursive copy/delete, log tails, and a lock that is safe across threads and JVMs. */
final class FileTools {
    private static final ConcurrentMap<Path, Object> IN_JVM_LOCKS = new ConcurrentHashMap<>();

    private FileTools() {
    }

    /**
     * Runs {@code work} while holding an exclusive lock on {@code lockFile}: a monitor for threads of
     * this JVM (file locks are per JVM) plus an OS file lock for other JVMs.
     */
    static <T> T withLock(Path lockFile, Supplier<T> work) {
        Object monitor = IN_JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Object());
        synchronized (monitor) {
            try {
                Files.createDirectories(lockFile.getParent());
                try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw");
                     FileChannel channel = raf.getChannel();
                     FileLock ignored = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new TestkitException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes a file tree; missing files are fine; symlinks are deleted, not followed. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    /** Copies a directory tree (files, directories and symlinks as links), skipping the given names. */
    static void copyTree(Path from, Path to, List<String> skipNames) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!skipNames.contains(file.getFileName().toString())) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new TestkitException("Cannot copy " + from + " to " + to + ": " + e, e);
        }
    }

    /** The last {@code lines} lines of a text file, or "" if it is missing or unreadable. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            long size = Files.size(file);
            long from = Math.max(0, size - 64 * 1024);
            byte[] bytes;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(from);
                bytes = new byte[(int) (size - from)];
                raf.readFully(bytes);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\\R")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join("\n", last);
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads a whole small text file, or "" when missing. */
    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
