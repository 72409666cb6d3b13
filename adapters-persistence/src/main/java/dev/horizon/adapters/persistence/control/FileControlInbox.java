package dev.horizon.adapters.persistence.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ControlInbox} in a file of JSON lines next to the engine state, shared by the engine
 * and any {@code horizon pause|resume|kill|reset-kill} process on the same machine.
 *
 * <p>Where, for a state location {@code L}:
 * <ul>
 *   <li>JSON-file store (a directory): {@code L/control.jsonl}, locked through {@code L/control.lock};</li>
 *   <li>SQLite store (a database file): {@code L.control.jsonl} and {@code L.control.lock} beside it,
 *       e.g. {@code var/horizon.db.control.jsonl}, so two databases in one directory never share
 *       an inbox (the same naming as the store's own {@code var/horizon.db.lock}).</li>
 * </ul>
 *
 * <p>Each command is one line with a {@code type} ({@code pause}, {@code resume}, {@code kill}
 * with its {@code reason}, {@code reset_kill}), e.g. {@code {"type":"kill","reason":"FOMC"}},
 * forced to disk before {@link #post} returns. {@link #pending} reads the lines; {@link #acknowledge}
 * removes the first ones by rewriting the rest to a new file moved over the old. All three hold an
 * exclusive OS lock on the {@code .lock} sidecar, so a command posted while the engine reads
 * lands either in this read or in the next one, never in between.
 *
 * <p>A line that cannot be read (a post cut short by a crash, a command from a newer version) is
 * skipped with a warning; the lines around it are kept.
 */
public final class FileControlInbox implements ControlInbox {

    /** The inbox file's name inside a JSON store directory (and the suffix beside a database). */
    public static final String FILE_NAME = "control.jsonl";
    /** The lock file's name inside a JSON store directory (and the suffix beside a database). */
    public static final String LOCK_NAME = "control.lock";

    private static final Logger LOG = LoggerFactory.getLogger(FileControlInbox.class);

    private static final String TYPE = "type";
    private static final String REASON = "reason";

    /*
     * The JVM refuses a second FileLock on a file it already locks (OverlappingFileLockException),
     * and POSIX drops all of a process's locks on a file when any descriptor of it is closed. So
     * every use of one lock file inside this process is serialised here first, whichever instance
     * makes it. Per-process state by nature, hence static; one entry per inbox location.
     */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final ObjectMapper mapper = DomainJson.mapper();

    private FileControlInbox(Path file, Path lockFile) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = lockFile.toAbsolutePath().normalize();
    }

    /**
     * The inbox of the state at {@code stateLocation}: inside it when it is an existing directory
     * (a JSON-file store), beside it otherwise (a SQLite database, which need not exist yet). For
     * a JSON-file store that may not exist yet, use {@link #inDirectory}.
     */
    public static FileControlInbox beside(Path stateLocation) {
        if (Files.isDirectory(stateLocation)) {
            return inDirectory(stateLocation);
        }
        Path db = stateLocation.toAbsolutePath().normalize();
        String name = db.getFileName().toString();
        return new FileControlInbox(db.resolveSibling(name + "." + FILE_NAME), db.resolveSibling(name + "." + LOCK_NAME));
    }

    /** The inbox inside the JSON-file store directory {@code directory} (created on the first post). */
    public static FileControlInbox inDirectory(Path directory) {
        return new FileControlInbox(directory.resolve(FILE_NAME), directory.resolve(LOCK_NAME));
    }

    /** The inbox file. */
    public Path file() {
        return file;
    }

    @Override
    public void post(ControlCommand command) {
        byte[] line = encode(command);
        withLock("post " + command.name() + " to", () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                long size = channel.size();
                channel.position(size);
                if (size > 0 && lastByte(channel, size) != '\n') {
                    // A post died mid-line: end the fragment so this command gets a line of its own.
                    writeFully(channel, new byte[] {'\n'});
                }
                writeFully(channel, line);
                channel.force(true);
            }
            return null;
        });
    }

    @Override
    public List<ControlCommand> pending() {
        return withLock("read", () -> decode(readAll(), true).stream().map(Line::command).toList());
    }

    @Override
    public void acknowledge(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot acknowledge " + count + " commands");
        }
        if (count == 0) {
            return;
        }
        withLock("acknowledge", () -> {
            byte[] bytes = readAll();
            List<Line> lines = decode(bytes, false);
            if (count > lines.size()) {
                throw new IllegalArgumentException("control inbox " + file + " holds " + lines.size()
                        + " commands; cannot acknowledge " + count);
            }
            keepFrom(bytes, lines.get(count - 1).end());
            return null;
        });
    }

    private byte[] readAll() throws IOException {
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    /**
     * Keeps the bytes from {@code offset} on: rewritten to a temporary file and moved over the
     * inbox, so a crash leaves either the old or the new content, never a half-cut file.
     */
    private void keepFrom(byte[] bytes, int offset) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, Arrays.copyOfRange(bytes, offset, bytes.length));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** One complete command line and the offset just past its newline. */
    private record Line(ControlCommand command, int end) {
    }

    /** The complete, known command lines; {@code warn} logs the skipped ones (once, when first read). */
    private List<Line> decode(byte[] bytes, boolean warn) {
        int length = bytes.length;
        List<Line> commands = new ArrayList<>();
        int start = 0;
        int lineNumber = 1;
        while (start < length) {
            int end = start;
            while (end < length && bytes[end] != '\n') {
                end++;
            }
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (end == length) {
                logIf(warn, "control inbox {}: line {} is incomplete (a post was interrupted) and was skipped: {}",
                        file, lineNumber, text);
            } else if (!text.isBlank()) {
                try {
                    commands.add(new Line(parse(text), end + 1));
                } catch (IllegalArgumentException | JsonProcessingException e) {
                    logIf(warn, "control inbox {}: line {} is not a command this version knows and was skipped ({}): {}",
                            file, lineNumber, e.getMessage(), text);
                }
            }
            start = end + 1;
            lineNumber++;
        }
        return commands;
    }

    private static void logIf(boolean warn, String format, Object... args) {
        if (warn) {
            LOG.warn(format, args);
        }
    }

    private ControlCommand parse(String line) throws JsonProcessingException {
        JsonNode node = mapper.readTree(line);
        String type = node.path(TYPE).asText("");
        return switch (type) {
            case "pause" -> new ControlCommand.Pause();
            case "resume" -> new ControlCommand.Resume();
            case "kill" -> new ControlCommand.Kill(node.path(REASON).asText(""));
            case "reset_kill" -> new ControlCommand.ResetKill();
            default -> throw new IllegalArgumentException("unknown type '" + type + "'");
        };
    }

    private byte[] encode(ControlCommand command) {
        ObjectNode node = mapper.createObjectNode();
        if (command instanceof ControlCommand.Pause) {
            node.put(TYPE, "pause");
        } else if (command instanceof ControlCommand.Resume) {
            node.put(TYPE, "resume");
        } else if (command instanceof ControlCommand.Kill kill) {
            node.put(TYPE, "kill").put(REASON, kill.reason());
        } else if (command instanceof ControlCommand.ResetKill) {
            node.put(TYPE, "reset_kill");
        } else {
            throw new IllegalArgumentException("unknown control command " + command);
        }
        try {
            // Jackson escapes line breaks inside strings, so a reason never splits the line.
            return (mapper.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + command, e);
        }
    }

    /** Runs {@code action} holding this process's guard and the OS lock on the lock file. */
    private <T> T withLock(String action, IoAction<T> body) {
        ReentrantLock guard = IN_PROCESS.computeIfAbsent(lockFile, key -> new ReentrantLock());
        guard.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockChannel.lock(); // blocks while another process posts or drains
                try {
                    return body.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new StateStoreException("cannot " + action + " control inbox " + file + ": " + e.getMessage(), e);
        } finally {
            guard.unlock();
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0);
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }

    @Override
    public String toString() {
        return "FileControlInbox[" + file + "]";
    }
}
