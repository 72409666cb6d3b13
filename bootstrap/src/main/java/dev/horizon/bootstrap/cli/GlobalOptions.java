package dev.horizon.bootstrap.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log at debug level and print stack traces with errors.")
    boolean debug;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "human|json",
            description = "Log lines (on stderr) human-readable (default) or as JSON lines.")
    String logFormat;

    /** Whether stack traces are shown. */
    public boolean debug() {
        return debug;
    }

    /** {@code human}, {@code json}, or {@code null} when not given. */
    public String logFormat() {
        return logFormat;
    }
}
