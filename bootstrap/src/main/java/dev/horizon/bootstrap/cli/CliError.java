package dev.horizon.bootstrap.cli;

/**
 * A failure the CLI reports as one line and an exit code, without a stack trace (unless
 * {@code --debug}).
 */
public final class CliError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliError(int exitCode, String line) {
        super(line);
        this.exitCode = exitCode;
    }

    public CliError(int exitCode, String line, Throwable cause) {
        super(line, cause);
        this.exitCode = exitCode;
    }

    /** A bad usage or config: exit 2. */
    public static CliError usage(String line) {
        return new CliError(ExitCodes.USAGE, line);
    }

    /** A runtime failure: exit 1. */
    public static CliError failure(String line, Throwable cause) {
        return new CliError(ExitCodes.FAILURE, line, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
