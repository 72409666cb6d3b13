package dev.horizon.bootstrap.cli;

import dev.horizon.bootstrap.spi.AdapterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every command works with: its output streams, the environment, the working directory and
 * the adapters on the class path. Passed in, so tests can run commands in a process of their own.
 *
 * @param out         results and progress
 * @param err         errors and warnings, one line each
 * @param environment environment variables ({@code System::getenv})
 * @param workingDirectory where the demo keeps {@code ./var/} and relative CLI paths resolve
 * @param registry    the adapters found by {@link java.util.ServiceLoader}
 */
public record CliContext(PrintWriter out, PrintWriter err, Function<String, String> environment, Path workingDirectory,
                         AdapterRegistry registry) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(registry, "registry");
    }

    /** {@code path} resolved against the working directory. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }
}
