package dev.horizon.adapters.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link StoreHolderMain} in a child JVM: another engine process opening the same store. */
public final class StoreHolderProcess implements AutoCloseable {

    private final Process process;
    private final String firstLine;

    private StoreHolderProcess(Process process, String firstLine) {
        this.process = process;
        this.firstLine = firstLine;
    }

    /** Starts the child on the store of {@code kind} ({@code sqlite} or {@code jsonfile}) at {@code location}. */
    public static StoreHolderProcess start(String kind, Path location) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreHolderMain.class.getName(), kind, location.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            // Log lines of the child come first on the same stream; skip to its report.
            String line = out.readLine();
            while (line != null && !line.startsWith("READY ") && !line.startsWith("REFUSED ")) {
                line = out.readLine();
            }
            return new StoreHolderProcess(process, line == null ? "EXITED" : line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the child opened the store and holds it. */
    public boolean holdsStore() {
        return firstLine.startsWith("READY ");
    }

    /** What the child said: {@code READY <pid>} or {@code REFUSED <exception>: <message>}. */
    public String report() {
        return firstLine;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Lets the child close its store and exit, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().write('\n');
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // The child has exited already.
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
