package dev.horizon.bootstrap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code horizon} as a real process: {@code java -cp <this JVM's class path> dev.horizon.bootstrap.Main},
 * in a working directory of the test's choosing, output captured to files (no pipe can fill up).
 */
final class HorizonProcess implements AutoCloseable {

    /** Longest a command may take before the test fails. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static int counter;

    final Process process;
    private final Path out;
    private final Path err;

    private HorizonProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code horizon args...} in {@code dir} with {@code env} added to the environment. */
    static synchronized HorizonProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        int n = ++counter;
        Path logs = Files.createDirectories(dir.getParent().resolve(dir.getFileName() + "-output"));
        Path out = logs.resolve("out-" + n + ".txt");
        Path err = logs.resolve("err-" + n + ".txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.horizon.bootstrap.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("HORIZON_LIVE");
        builder.environment().putAll(env);
        return new HorizonProcess(builder.start(), out, err);
    }

    /** Runs {@code horizon args...} to the end. */
    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        try (HorizonProcess p = start(dir, env, args)) {
            return p.await();
        }
    }

    /** Waits for the process to end. */
    Result await() throws Exception {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("horizon did not finish within " + TIMEOUT + "; stdout:\n" + stdout()
                    + "\nstderr:\n" + stderr());
        }
        return new Result(process.exitValue(), stdout(), stderr());
    }

    /** Waits until stdout has a line containing {@code text}. */
    void awaitOutput(String text) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!stdout().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("horizon ended (exit " + process.exitValue() + ") before printing '" + text
                        + "'; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + TIMEOUT + "; stdout:\n" + stdout());
            }
            Thread.sleep(50);
        }
    }

    String stdout() throws IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    String stderr() throws IOException {
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** A finished run. */
    record Result(int exitCode, String stdout, String stderr) {
        /** stderr's non-empty lines. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
