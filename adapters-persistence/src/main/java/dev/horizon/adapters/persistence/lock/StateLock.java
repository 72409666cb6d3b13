package dev.horizon.adapters.persistence.lock;

import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive, single-engine lock on a state location: an OS file lock on a small lock file
 * that holds the owner's pid. The OS releases it when the process dies, so a crash never leaves
 * a stale lock behind; the pid in the file is only there to name the holder in the refusal.
 */
public final class StateLock implements AutoCloseable {

    /*
     * Lock files this JVM holds. POSIX drops every lock a process has on a file as soon as the
     * process closes ANY descriptor of that file, so a second open of a held lock file in the same
     * JVM must be refused before it touches the file. This is per-process state by nature, hence
     * static; it only ever holds the real paths of currently held locks.
     */
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private StateLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code lockFile} (created with its parent directories if missing) for the
     * state at {@code location}.
     *
     * @throws StateLockedException naming the location, the lock file and the holder's pid when
     *                              another engine (in this or another process) holds it
     * @throws StateStoreException  naming the lock file when it cannot be created or locked
     */
    public static StateLock acquire(Path lockFile, Path location) {
        Path key = createAndResolve(lockFile);
        if (!HELD_BY_THIS_PROCESS.add(key)) {
            throw locked(location, key, ProcessHandle.current().pid() + ", this process");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                throw locked(location, key, holder);
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(true);
            return new StateLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD_BY_THIS_PROCESS.remove(key);
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw new StateStoreException("cannot lock state at " + location + " (lock file " + key + "): "
                    + e.getMessage(), e);
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock and clears the pid from the lock file. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The channel is closed next, which releases the lock anyway.
        } finally {
            closeQuietly(channel);
            HELD_BY_THIS_PROCESS.remove(file);
        }
    }

    private static Path createAndResolve(Path lockFile) {
        try {
            Path parent = lockFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(lockFile);
            } catch (FileAlreadyExistsException alreadyThere) {
                // Expected after the first run: lock files are never deleted (deleting races a new opener).
            }
            return lockFile.toRealPath();
        } catch (IOException e) {
            throw new StateStoreException("cannot create lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.matches("[0-9]{1,19}") ? text : "unknown";
    }

    private static StateLockedException locked(Path location, Path lockFile, String holder) {
        return new StateLockedException("state at " + location + " is in use by another engine (pid " + holder
                + ", lock file " + lockFile + "): stop that engine before starting another on the same state");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the lock dies with the channel or the process.
        }
    }
}
