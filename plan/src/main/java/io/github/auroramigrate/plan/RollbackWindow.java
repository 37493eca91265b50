package io.github.auroramigrate.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * The rollback window after a cut-over: before writes resume on the target, reverse replication from the target back
 * to the old source starts at the cut-over position, so the applications can be switched back (a rollback of the
 * plan, the fallback) without losing a write for as long as the window stays open. The account it replicates as is
 * created on the target by the plan's {@code replication-user} step.
 *
 * <pre>{@code
 * Plan.from(source).to(target)...rollbackWindow(RollbackWindow.of("repl_back", pw).keepOpenFor(Duration.ofHours(24)))
 * }</pre>
 *
 * <p>The target must write a binary log in ROW format (Aurora: binlog_format=ROW in the DB cluster parameter group)
 * and keep it as long as the window is open; the plan's pre-flight checks both. Immutable; the password is never
 * shown by {@link #toString()}.
 */
public final class RollbackWindow {
    private final String user;
    private final String password;
    private final Duration keepOpenFor;

    private RollbackWindow(String user, String password, Duration keepOpenFor) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.keepOpenFor = Objects.requireNonNull(keepOpenFor, "keepOpenFor");
        if (user.isBlank() || user.length() > 32) {
            throw new IllegalArgumentException("user must be 1-32 characters");
        }
        if (keepOpenFor.isNegative()) {
            throw new IllegalArgumentException("keepOpenFor must not be negative");
        }
    }

    /**
     * A window replicating back as {@code user} (created on the target by the plan), open until closed by hand.
     *
     * @param user     the reverse replication account's name
     * @param password its password (never logged or journaled)
     */
    public static RollbackWindow of(String user, String password) {
        return new RollbackWindow(user, password, Duration.ZERO);
    }

    /**
     * @param d how long the window stays open at least; a run of the plan after that closes it. Zero (the default):
     *          until {@code Plan.closeRollbackWindow()}.
     * @return a copy
     */
    public RollbackWindow keepOpenFor(Duration d) {
        return new RollbackWindow(user, password, d);
    }

    /** @return the reverse replication account's name */
    public String user() {
        return user;
    }

    /** @return its password; never log it */
    public String password() {
        return password;
    }

    /** @return how long the window stays open at least (zero: until closed by hand) */
    public Duration keepOpenFor() {
        return keepOpenFor;
    }

    @Override
    public String toString() {
        return "RollbackWindow{user=" + user + ", keepOpenFor=" + keepOpenFor + ", password=****}";
    }
}
