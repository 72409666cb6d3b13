package dev.horizon.adapters.persistence.jsonfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code journal.jsonl}: one JSON object per line, {@code {"checksum":"<sha256 hex>","record":<R>}},
 * where the checksum is over the bytes of {@code R} exactly as written. Every append is forced to
 * disk before it returns.
 *
 * <p>A line that does not check out (a torn last line after a crash, a damaged block) is skipped
 * with a warning; the lines after it are still read. A torn last line is closed with a newline
 * when the file is opened, so the next entry starts on a line of its own instead of being glued
 * to the fragment.
 */
final class JournalFile implements AutoCloseable {

    static final String NAME = "journal.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    private static final byte[] OPEN = "{\"checksum\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "\",\"record\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "}\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX_LENGTH = OPEN.length + Sha256.HEX_LENGTH + MIDDLE.length;

    /**
     * One journal line's content.
     *
     * @param generation the save that wrote it ({@code 0} for an {@code append})
     * @param index      its position within that save's entries
     */
    record JournalRecord(long generation, int index, JournalEntry entry) {
    }

    private final Path file;
    /** Null for a reader ({@link #openForReading}), which never writes. */
    private final FileChannel channel;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Set<Integer> reportedLines = new HashSet<>();
    private boolean tailMayBeTorn;

    private JournalFile(Path file, FileChannel channel, ObjectMapper mapper) {
        this.file = file;
        this.channel = channel;
        this.writer = mapper.writerFor(JournalRecord.class);
        this.reader = mapper.readerFor(JournalRecord.class);
        this.tailMayBeTorn = true;
    }

    /** Opens (creating) the journal in {@code directory} and closes a torn last line. */
    static JournalFile open(Path directory, ObjectMapper mapper) {
        Path file = directory.resolve(NAME);
        try {
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (created) {
                Durable.syncDirectory(directory);
            }
            JournalFile journal = new JournalFile(file, channel, mapper);
            try {
                journal.closeTornTail();
            } catch (IOException | RuntimeException e) {
                journal.close();
                throw e;
            }
            return journal;
        } catch (IOException e) {
            throw new StateStoreException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The journal in {@code directory} for reading only, while its engine may be appending: the
     * file is neither created nor repaired, a missing file reads as empty and a last line without
     * its newline is taken for an append in progress and skipped without a warning.
     */
    static JournalFile openForReading(Path directory, ObjectMapper mapper) {
        return new JournalFile(directory.resolve(NAME), null, mapper);
    }

    /** Appends {@code records} in order, as one write, and forces them to disk. */
    void append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (channel == null) {
            throw new UnsupportedOperationException("journal " + file + " is open for reading only");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JournalRecord record : records) {
            out.writeBytes(encode(record));
        }
        try {
            if (tailMayBeTorn) {
                closeTornTail();
            }
            tailMayBeTorn = true;
            Durable.writeFully(channel, out.toByteArray());
            channel.force(true);
            tailMayBeTorn = false;
        } catch (IOException e) {
            throw new StateStoreException("cannot append to journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every valid line in write order; invalid lines are skipped with a warning (once per line). */
    List<JournalRecord> readAll() {
        byte[] bytes;
        try {
            if (channel == null && !Files.exists(file)) {
                return List.of();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StateStoreException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalRecord> records = new ArrayList<>();
        int start = 0;
        int lineNumber = 1;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end + 1 : bytes.length;
            JournalRecord record = complete ? decode(bytes, start, stop) : null;
            if (record != null) {
                records.add(record);
            } else if (!complete && channel == null) {
                LOG.debug("journal {}: line {} is still being written; read without it", file, lineNumber);
            } else if (reportedLines.add(lineNumber)) {
                LOG.warn("journal {}: line {} is {} and was skipped (an interrupted write or a damaged disk); the "
                        + "lines after it are kept", file, lineNumber, complete ? "corrupt or unreadable" : "incomplete");
            }
            start = stop;
            lineNumber++;
        }
        return records;
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing journal {} failed: {}", file, e.getMessage());
        }
    }

    private byte[] encode(JournalRecord record) {
        byte[] json;
        try {
            json = writer.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new StateStoreException("cannot write a " + record.entry().getClass().getSimpleName()
                    + " to journal " + file + ": " + e.getMessage(), e);
        }
        byte[] line = new byte[PREFIX_LENGTH + json.length + CLOSE.length];
        System.arraycopy(OPEN, 0, line, 0, OPEN.length);
        byte[] checksum = Sha256.hex(json).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, line, OPEN.length, checksum.length);
        System.arraycopy(MIDDLE, 0, line, OPEN.length + checksum.length, MIDDLE.length);
        System.arraycopy(json, 0, line, PREFIX_LENGTH, json.length);
        System.arraycopy(CLOSE, 0, line, PREFIX_LENGTH + json.length, CLOSE.length);
        return line;
    }

    /** The record on the line {@code [start, stop)} (newline included), or null when it does not check out. */
    private JournalRecord decode(byte[] bytes, int start, int stop) {
        int jsonStart = start + PREFIX_LENGTH;
        int jsonStop = stop - CLOSE.length;
        if (jsonStop <= jsonStart
                || !Arrays.equals(bytes, start, start + OPEN.length, OPEN, 0, OPEN.length)
                || !Arrays.equals(bytes, jsonStart - MIDDLE.length, jsonStart, MIDDLE, 0, MIDDLE.length)
                || !Arrays.equals(bytes, jsonStop, stop, CLOSE, 0, CLOSE.length)) {
            return null;
        }
        String stored = new String(bytes, start + OPEN.length, Sha256.HEX_LENGTH, StandardCharsets.US_ASCII);
        if (!Sha256.hex(bytes, jsonStart, jsonStop - jsonStart, new byte[0]).equals(stored)) {
            return null;
        }
        try {
            return reader.readValue(bytes, jsonStart, jsonStop - jsonStart);
        } catch (IOException e) {
            // Intact but not readable by this version: skipped like a damaged line, with the same warning.
            return null;
        }
    }

    /** Ends a last line left without its newline (a write cut short), so appends start on a fresh line. */
    private void closeTornTail() throws IOException {
        long size = channel.size();
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
                read.read(last, size - 1);
            }
            if (last.get(0) != '\n') {
                LOG.warn("journal {} ends with an incomplete line (a write was interrupted); it is kept but "
                        + "skipped, and new entries start on the next line", file);
                Durable.writeFully(channel, new byte[] {'\n'});
                channel.force(true);
            }
        }
        tailMayBeTorn = false;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
