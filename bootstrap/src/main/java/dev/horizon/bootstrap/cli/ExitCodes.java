package dev.horizon.bootstrap.cli;

/** The exit codes of every {@code horizon} command (OPERATIONS.md "CLI"). */
public final class ExitCodes {

    /** Done as asked. */
    public static final int OK = 0;
    /**
     * A runtime failure: the broker, the data or the disk failed, another engine holds the state,
     * reconciliation refused to start.
     */
    public static final int FAILURE = 1;
    /** Bad usage or config: unknown option or key, wrong value or unit, missing secret or file, corrupt state. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
