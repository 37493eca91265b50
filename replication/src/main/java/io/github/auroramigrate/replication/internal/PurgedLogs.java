package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.internal.SourceLogs.BinaryLog;
import java.util.List;
import java.util.Optional;

/**
 * The handbook's 1236 procedure for a channel that replicates by file and position: which binary logs the source
 * still has, whether the file the replica wants is among them, and whether the next file is there to skip to.
 * Pure; thread-safe.
 *
 * @param wanted       the position the replica asks for
 * @param files        the source's binary log files, oldest first
 * @param nextPresent  whether the file right after the wanted one is on the source
 * @param closestLater the closest later file of the same series on the source, if any
 */
public record PurgedLogs(BinlogPosition wanted, List<String> files, boolean nextPresent,
        Optional<BinlogPosition> closestLater) {

    /** @return the analysis of {@code wanted} against the source's {@code logs} */
    public static PurgedLogs analyse(BinlogPosition wanted, List<BinaryLog> logs) {
        List<String> files = logs.stream().map(BinaryLog::name).toList();
        Optional<BinlogPosition> later = files.stream().map(BinlogPosition::startOf)
                .filter(p -> p.baseName().equals(wanted.baseName()) && p.fileIndex() > wanted.fileIndex())
                .min(BinlogPosition::compareTo);
        boolean next = later.isPresent() && later.get().fileIndex() == wanted.fileIndex() + 1;
        return new PurgedLogs(wanted, List.copyOf(files), next, later);
    }

    /** @return whether the wanted file itself is still on the source */
    public boolean wantedPresent() {
        return files.contains(wanted.file());
    }

    /** @return which files the source has and which one the replica needs */
    public String listing() {
        return "Source has " + (files.isEmpty() ? "no binary logs" : files.get(0) + " .. " + files.get(files.size() - 1))
                + "; the replica needs " + wanted.file() + ".";
    }

    /** @return what the files mean for a purged-log error (1236 "could not find first log file") */
    public String purgedAdvice() {
        if (wantedPresent()) {
            return listing() + " That file is present, so the needed transactions were purged in another way (GTIDs).";
        }
        if (closestLater.isEmpty()) {
            return listing() + " No later file exists: re-create the replica from a new dump.";
        }
        long gap = closestLater.get().fileIndex() - wanted.fileIndex();
        if (gap == 1) {
            return listing() + " The next available file is " + closestLater.get().file() + ", exactly one later: "
                    + "skipToNextLogFile() can resume replication, but whatever " + wanted.file() + " held after "
                    + wanted.position() + " is lost - verify the data afterwards.";
        }
        return listing() + " The closest later file is " + closestLater.get().file() + ", " + gap + " files later: "
                + "resuming would lose whole files. Re-create the replica from a new dump and keep binary logs longer.";
    }

    /**
     * Why moving to the next file cannot help, or empty when it can: the next file must be on the source, and the
     * wanted file must be gone (a purged file) unless the position is impossible (past the end of a present file).
     */
    public Optional<String> whyNextFileCannotHelp(boolean impossiblePosition) {
        BinlogPosition next = wanted.nextFile();
        if (!nextPresent) {
            return Optional.of("the next file " + next.file() + " is not on the source either. " + listing()
                    + closestLater.map(l -> " The closest later file is " + l.file() + ".").orElse(" No later file exists."));
        }
        if (wantedPresent() && !impossiblePosition) {
            return Optional.of(wanted.file() + " is still on the source, so skipping the rest of it would not fix what "
                    + "the source reports. " + listing());
        }
        return Optional.empty();
    }
}
