package io.github.auroramigrate.testkit.internal;

import java.nio.file.Path;

/** Where one server keeps its files; everything lives under {@code root} and is deleted with it. */
record ServerPaths(Path root, Path socketDir) {

    Path dataDir() {
        return root.resolve("data");
    }

    Path filesDir() {
        return root.resolve("files");
    }

    Path tmpDir() {
        return root.resolve("tmp");
    }

    Path errorLog() {
        return root.resolve("error.log");
    }

    Path consoleLog() {
        return root.resolve("console.log");
    }

    Path pidFile() {
        return root.resolve("mysqld.pid");
    }

    Path ownerFile() {
        return root.resolve("owner.pid");
    }

    Path socket() {
        return socketDir.resolve("mysqld.sock");
    }
}
