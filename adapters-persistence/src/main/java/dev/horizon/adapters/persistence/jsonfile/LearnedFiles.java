package dev.horizon.adapters.persistence.jsonfile;

import dev.horizon.adapters.persistence.json.LearnedCodec;
import dev.horizon.adapters.persistence.json.LearnedStatistics;
import dev.horizon.application.port.StateStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code learned-<seq>.bin}: the learned statistics ({@link LearnedStatistics}) of the state
 * files, each written once and named by a sequence number that {@code engine_state.json} (and each
 * backup) records under {@code learned_seq}. A file is
 * {@code horizon-learned <encoding> <sha256 of the body>\n} followed by the {@link LearnedCodec}
 * body. It is written durably (temp file, fsync, rename, directory fsync) before the state file
 * that names it, so a state file never names statistics that are not on disk.
 */
final class LearnedFiles {

    private static final String PREFIX = "learned-";
    private static final String SUFFIX = ".bin";
    private static final String MAGIC = "horizon-learned ";

    /** What reading one file gave. */
    sealed interface Read {
        /** Intact and readable. */
        record Valid(LearnedStatistics statistics) implements Read {
        }

        /** Missing, truncated or its checksum does not match. */
        record Damaged(String reason) implements Read {
        }

        /** Intact but in a form this version cannot read. */
        record Incompatible(String reason) implements Read {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LearnedFiles.class);

    private final Path directory;
    private final LearnedCodec codec = new LearnedCodec();

    LearnedFiles(Path directory) {
        this.directory = directory;
    }

    /** The file of statistics {@code seq}. */
    Path file(long seq) {
        return directory.resolve(PREFIX + seq + SUFFIX);
    }

    /** Writes {@code statistics} as number {@code seq}, durably. */
    void write(long seq, LearnedStatistics statistics) {
        Path target = file(seq);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try {
            byte[] body = codec.encode(statistics);
            byte[] header = (MAGIC + LearnedCodec.ENCODING + " " + Sha256.hex(body) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] content = Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, content, header.length, body.length);
            Durable.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durable.syncDirectory(directory);
        } catch (IOException e) {
            throw new StateStoreException("cannot save the learned statistics to " + target + ": " + e.getMessage()
                    + " (the previous state is intact)", e);
        }
    }

    /** Reads statistics {@code seq}. */
    Read read(long seq) {
        Path file = file(seq);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Read.Damaged(file.getFileName() + " is missing");
        } catch (IOException e) {
            throw new StateStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, 200); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        String header = newline < 0 ? "" : new String(bytes, 0, newline, StandardCharsets.US_ASCII);
        String[] parts = header.split(" ");
        if (!header.startsWith(MAGIC) || parts.length != 3 || parts[2].length() != Sha256.HEX_LENGTH) {
            return new Read.Damaged(file.getFileName() + " is truncated or has no header");
        }
        int body = newline + 1;
        if (!Sha256.hex(bytes, body, bytes.length - body, new byte[0]).equals(parts[2])) {
            return new Read.Damaged(file.getFileName() + " fails its checksum");
        }
        if (!LearnedCodec.ENCODING.equals(parts[1])) {
            return new Read.Incompatible(file.getFileName() + " is in the form " + parts[1] + " (this version reads "
                    + LearnedCodec.ENCODING + ")");
        }
        try {
            return new Read.Valid(codec.decode(Arrays.copyOfRange(bytes, body, bytes.length)));
        } catch (IOException | RuntimeException e) {
            return new Read.Incompatible(file.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    /** The highest sequence number on disk, 0 for none. */
    long newestSeq() {
        long newest = 0;
        for (long seq : present()) {
            newest = Math.max(newest, seq);
        }
        return newest;
    }

    /** Deletes every statistics file not in {@code keep} (the ones the state files name), and stray temp files. */
    void retainOnly(Collection<Long> keep) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(PREFIX) && (name.endsWith(SUFFIX + ".tmp")
                        || name.endsWith(SUFFIX) && !keep.contains(seqOf(name)))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // Only disk space is at stake, and the state is saved: the next save tries again.
            LOG.warn("cannot remove old learned statistics from {}: {}", directory, e.getMessage());
        }
    }

    private List<Long> present() {
        List<Long> seqs = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return seqs;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    Long seq = seqOf(name);
                    if (seq != null) {
                        seqs.add(seq);
                    }
                }
            }
        } catch (IOException e) {
            throw new StateStoreException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return seqs;
    }

    private static Long seqOf(String name) {
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
