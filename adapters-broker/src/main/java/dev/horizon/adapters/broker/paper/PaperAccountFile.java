package dev.horizon.adapters.broker.paper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The paper account's file, shared safely between processes.
 *
 * <ul>
 *   <li><b>Atomic writes.</b> The whole account goes to {@code <file>.tmp}, is fsynced, renamed
 *       over the file, and the directory is fsynced: a reader (or a process killed at any
 *       instant) sees the old account or the new one, never a mix.</li>
 *   <li><b>Locking.</b> Every operation holds an exclusive lock on the sidecar
 *       {@code <file>.lock} (never the data file itself, which the rename replaces) from the read
 *       to the write, so two processes never interleave a read-modify-write. The OS drops the lock
 *       when a process dies, SIGKILL included. File locks belong to the whole JVM, so a process
 *       must open each account file through one {@code PaperBroker} only.</li>
 *   <li><b>Re-reading.</b> Under the lock the file is re-read whenever it may have changed since
 *       this process last read or wrote it, so the account is always what the file says. Two signs
 *       of change, either one enough: the revision counter kept in the lock file (bumped before
 *       every write, so a writer dying mid-write costs only a needless re-read), and the file's
 *       identity, size and modification time (which catch a file replaced by hand). The counter is
 *       there because the second sign alone can miss a change: a freed inode can be reused within
 *       one coarse timestamp tick.</li>
 * </ul>
 */
final class PaperAccountFile implements AutoCloseable {

    private final Path file;
    private final Path temp;
    private final FileChannel lockChannel;
    private final PaperAccountCodec codec = new PaperAccountCodec();
    private Stamp lastSeen;
    private long seenRevision = -1;

    /**
     * Opens (creating if needed) the lock file next to {@code file}.
     *
     * @throws PaperBrokerFileException if the directory cannot be used
     */
    PaperAccountFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
        Path lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        try {
            Files.createDirectories(this.file.getParent());
            this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure("cannot open lock file " + lockFile + " (" + e + "); check the directory exists and is writable", e);
        }
    }

    /** The account file. */
    Path path() {
        return file;
    }

    /**
     * Runs {@code action} holding the exclusive lock, waiting for another process to release it.
     *
     * @throws PaperBrokerFileException if the lock cannot be taken or released
     */
    <T> T locked(Supplier<T> action) {
        FileLock lock;
        try {
            lock = lockChannel.lock();
        } catch (OverlappingFileLockException e) {
            throw failure("paper broker file " + file + " is already in use by another PaperBroker in this process;"
                    + " share one instance per file", e);
        } catch (IOException e) {
            throw failure("cannot lock paper broker file " + file + " (" + e + ")", e);
        }
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | Error e) {
            try {
                lock.release();
            } catch (IOException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
        try {
            lock.release();
        } catch (IOException e) {
            throw failure("cannot unlock paper broker file " + file + " (" + e + ")", e);
        }
        return result;
    }

    /**
     * Reads the account if the file changed since it was last read or written here.
     * Call with the lock held.
     *
     * @return the account as the file now holds it; empty if unchanged since last seen, or absent
     * @throws PaperBrokerFileException if the file cannot be read or is corrupt
     */
    Optional<PaperAccount> readIfChanged() {
        try {
            long revision = readRevision();
            Stamp now = Stamp.of(file);
            if (now == null || (now.fileKey() != null && now.equals(lastSeen) && revision == seenRevision)) {
                // absent, or unchanged (without a file key the change cannot be judged: read)
                return Optional.empty();
            }
            PaperAccount account = codec.decode(Files.readAllBytes(file), file);
            lastSeen = now;
            seenRevision = revision;
            return Optional.of(account);
        } catch (IOException e) {
            throw failure("cannot read paper broker file " + file + " (" + e + ")", e);
        }
    }

    /** Whether the file exists. */
    boolean exists() {
        return Files.exists(file);
    }

    /** Forgets what was last seen, so the next {@link #readIfChanged()} reads the file. */
    void invalidate() {
        lastSeen = null;
    }

    /**
     * Replaces the file's content with {@code account}, atomically and durably. Call with the lock held.
     *
     * @throws PaperBrokerFileException if the write fails; the file then still holds the previous account
     */
    void write(PaperAccount account) {
        byte[] bytes = codec.encode(account);
        try {
            long revision = readRevision() + 1;
            writeRevision(revision);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            lastSeen = Stamp.of(file);
            seenRevision = revision;
        } catch (IOException e) {
            lastSeen = null;
            throw failure("cannot write paper broker file " + file + " (" + e + "); check free space and permissions", e);
        }
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw failure("cannot close the lock of paper broker file " + file + " (" + e + ")", e);
        }
    }

    private long readRevision() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
        while (buffer.hasRemaining() && lockChannel.read(buffer, buffer.position()) > 0) {
            // a short read just continues
        }
        return buffer.hasRemaining() ? 0 : buffer.flip().getLong();
    }

    private void writeRevision(long revision) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).putLong(revision).flip();
        while (buffer.hasRemaining()) {
            lockChannel.write(buffer, buffer.position());
        }
    }

    /** Makes the rename itself durable: the new directory entry must reach the disk too. */
    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (AccessDeniedException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename instead
        }
    }

    private static PaperBrokerFileException failure(String message, Throwable cause) {
        return new PaperBrokerFileException(message, cause);
    }

    /** What identifies one version of the file: every write creates a new inode. */
    private record Stamp(Object fileKey, FileTime modified, long size) {

        /** The stamp of {@code file}, or {@code null} if it does not exist. */
        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
