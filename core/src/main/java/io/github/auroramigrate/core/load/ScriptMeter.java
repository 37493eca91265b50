package io.github.auroramigrate.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters one run of a {@link MeteredScript}: counts the stored bytes read and the statements run, and tells the
 * load's listener about once a second and once at the end ({@link LoadListener#scriptProgress}). Used by the one
 * thread that runs the script.
 */
final class ScriptMeter {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptMeter.class);
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final MeteredScript script;
    private final String jobId;
    private final LoadListener listener;
    private final AtomicLong sharedRows;
    private final AtomicLong bytesRead = new AtomicLong();
    private final long start = System.nanoTime();
    private final long rowsBefore;
    private long total = -1;
    private long statements;
    private long lastTell = start;

    private ScriptMeter(MeteredScript script, String jobId, LoadListener listener, AtomicLong sharedRows) {
        this.script = script;
        this.jobId = jobId;
        this.listener = listener;
        this.sharedRows = sharedRows;
        this.rowsBefore = sharedRows.get();
    }

    /** @return a meter when the script can be metered and someone listens, else null */
    static ScriptMeter of(SqlScript script, String jobId, LoadListener listener, AtomicLong rows) {
        if (listener == null || listener == LoadListener.NONE || !(script instanceof MeteredScript m)) {
            return null;
        }
        return new ScriptMeter(m, jobId == null ? "" : jobId, listener, rows);
    }

    InputStream open() throws IOException {
        total = script.storedSize();
        return script.open(bytesRead);
    }

    /** One statement of the script ran (or the script ended, {@code last}): tells the listener when it is time. */
    void statementDone(boolean last) {
        if (!last) {
            statements++;
        }
        long now = System.nanoTime();
        if (!last && now - lastTell < INTERVAL_NANOS) {
            return;
        }
        lastTell = now;
        ScriptProgress p = new ScriptProgress(jobId, script.name(), last && total >= 0 ? total : bytesRead.get(), total,
                statements, sharedRows.get() - rowsBefore, Duration.ofNanos(now - start), last);
        try {
            listener.scriptProgress(p);
        } catch (RuntimeException e) {
            LOG.warn("{}: a load listener failed; the load goes on", jobId, e);
        }
    }
}
