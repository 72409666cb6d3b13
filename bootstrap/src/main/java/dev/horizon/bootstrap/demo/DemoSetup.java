package dev.horizon.bootstrap.demo;

import dev.horizon.adapters.persistence.lock.StateLock;
import dev.horizon.bootstrap.config.ConfigLoader;
import dev.horizon.bootstrap.config.HorizonConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded demo's working area, {@code ./var/demo/}: its config ({@value #CONFIG}, a normal
 * config read the normal way), its lock, and the archive of the previous run.
 *
 * <p>Every demo starts fresh: after taking the demo lock (a second demo refuses, naming the
 * holder's pid), whatever the previous run left — state database, paper account, extracted
 * models — moves to {@code ./var/demo/previous/} (replacing the run before it).
 */
public final class DemoSetup {

    /** The demo config, a classpath resource. */
    public static final String CONFIG = "/dev/horizon/bootstrap/demo/demo.yaml";
    /** The demo's directory, relative to the working directory. */
    public static final Path DIRECTORY = Path.of("var", "demo");
    /** The demo's state database, relative to the working directory. */
    public static final Path STATE = DIRECTORY.resolve("state.db");

    private DemoSetup() {
    }

    /** The demo config, paths resolved against {@code workingDirectory}. */
    public static HorizonConfig config(ConfigLoader loader, Path workingDirectory) {
        return loader.loadResource(CONFIG, workingDirectory);
    }

    /**
     * Takes the demo lock in {@code workingDirectory/var/demo} and archives the previous run.
     *
     * @throws dev.horizon.application.port.StateLockedException when another demo runs there
     */
    public static Session prepare(Path workingDirectory) {
        Path dir = workingDirectory.resolve(DIRECTORY);
        StateLock lock = StateLock.acquire(dir.resolve("demo.lock"), dir);
        try {
            Path archived = archivePrevious(dir);
            return new Session(lock, dir, archived);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Moves the previous run's files to {@code previous/}; returns it, or null when there was nothing. */
    static Path archivePrevious(Path dir) {
        try {
            List<Path> leftovers;
            try (Stream<Path> files = Files.list(dir)) {
                leftovers = files.filter(f -> {
                    String name = f.getFileName().toString();
                    return !name.equals("demo.lock") && !name.equals("previous") && !name.equals("state.db.lock");
                }).sorted().toList();
            }
            if (leftovers.isEmpty()) {
                return null;
            }
            Path previous = dir.resolve("previous");
            deleteTree(previous);
            Files.createDirectories(previous);
            for (Path f : leftovers) {
                Files.move(f, previous.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(previous.resolve("ARCHIVED"), "archived by the next demo at " + Instant.now() + "\n");
            return previous;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the previous demo in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A running demo's hold on {@code ./var/demo}: close it last. */
    public static final class Session implements AutoCloseable {
        private final StateLock lock;
        private final Path directory;
        private final Path archived;

        Session(StateLock lock, Path directory, Path archived) {
            this.lock = lock;
            this.directory = directory;
            this.archived = archived;
        }

        /** {@code ./var/demo}, absolute. */
        public Path directory() {
            return directory;
        }

        /** Where the previous run went, or null when this is the first. */
        public Path archived() {
            return archived;
        }

        @Override
        public void close() {
            lock.close();
        }
    }
}
