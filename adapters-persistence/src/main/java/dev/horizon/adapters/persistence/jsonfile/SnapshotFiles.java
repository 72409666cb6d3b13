package dev.horizon.adapters.persistence.jsonfile;

import dev.horizon.adapters.persistence.json.LearnedStatistics;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code engine_state.json} and its backups {@code engine_state.json.1} (newest) to {@code .3}.
 *
 * <p>A write goes to {@code engine_state.json.tmp}, is forced to disk, the backups move down one
 * (the current file becomes {@code .1} by a hard link, so {@code engine_state.json} never
 * disappears), the temp file is renamed over {@code engine_state.json} atomically and the
 * directory is forced. A crash at any point leaves the previous file or the new one in place,
 * and at worst a stray temp file that the next write replaces.
 *
 * <p>From format 2 a state file names its learned statistics file ({@link LearnedFiles}); a state
 * file whose statistics file is missing or damaged counts as damaged.
 *
 * <p>Reading takes the newest file whose checksum holds. Falling back to a backup is logged as a
 * warning naming both files; finding files but no valid one is a {@link StateCorruptedException}.
 */
final class SnapshotFiles {

    static final String NAME = "engine_state.json";
    static final int BACKUPS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);

    /**
     * The document read, the file it came from, and the whole snapshot with its learned
     * statistics.
     *
     * @param statistics the statistics read from their own file, null for a format-1 document
     */
    record Loaded(StateFile file, Path source, EngineSnapshot snapshot, LearnedStatistics statistics) {
    }

    private final Path directory;
    private final StateFileCodec codec;
    private final LearnedFiles learned;

    SnapshotFiles(Path directory, StateFileCodec codec, LearnedFiles learned) {
        this.directory = directory;
        this.codec = codec;
        this.learned = learned;
    }

    /** {@code engine_state.json}. */
    Path current() {
        return directory.resolve(NAME);
    }

    /** Backup {@code n} (1 = newest). */
    Path backup(int n) {
        return directory.resolve(NAME + "." + n);
    }

    /** Where a write is prepared before its rename. */
    Path temp() {
        return directory.resolve(NAME + ".tmp");
    }

    /**
     * The newest valid document, or empty when no state file exists at all.
     *
     * @param warn whether to log a fallback to a backup (a caller that only peeks passes false)
     * @throws StateCorruptedException when state files exist but none is valid, or the newest
     *                                 intact one cannot be read by this version
     */
    Optional<Loaded> loadNewestValid(boolean warn) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(current());
        for (int n = 1; n <= BACKUPS; n++) {
            candidates.add(backup(n));
        }
        List<String> problems = new ArrayList<>();
        boolean anyExists = false;
        for (Path file : candidates) {
            if (!Files.exists(file)) {
                problems.add(file.getFileName() + ": missing");
                continue;
            }
            anyExists = true;
            StateFileCodec.Decoded decoded = codec.decode(read(file));
            Loaded loaded = decoded instanceof StateFileCodec.Decoded.Valid valid
                    ? withStatistics(file, valid.file(), problems) : null;
            if (loaded != null) {
                if (warn && !file.equals(current())) {
                    LOG.warn("STATE RECOVERED FROM BACKUP: {} is unusable ({}); loaded the state of cycle {} from {} "
                                    + "instead. The newest save(s) are lost: check the disk, and the journal for what "
                                    + "happened after that cycle.",
                            current(), String.join("; ", problems), loaded.snapshot().state().cycleSeq(), file);
                }
                return Optional.of(loaded);
            }
            if (decoded instanceof StateFileCodec.Decoded.Valid) {
                continue; // its statistics file is damaged: withStatistics said why
            }
            if (decoded instanceof StateFileCodec.Decoded.Incompatible incompatible) {
                // Intact but unreadable: falling back to an older copy would silently lose the newer state.
                throw new StateCorruptedException("state file " + file + " is intact but cannot be read by this "
                        + "version (" + incompatible.reason() + "): run the Horizon version that wrote it");
            }
            problems.add(file.getFileName() + ": " + ((StateFileCodec.Decoded.Damaged) decoded).reason());
        }
        if (!anyExists) {
            return Optional.empty();
        }
        throw new StateCorruptedException("no valid engine state in " + directory + " (" + String.join("; ", problems)
                + "): restore a good copy of " + NAME + " into it, or move the directory away to start afresh "
                + "deliberately");
    }

    /**
     * The document {@code file} read from {@code source} with the learned statistics it names;
     * null (and the reason added to {@code problems}) when its statistics file is missing or
     * damaged.
     *
     * @throws StateCorruptedException when the statistics file is intact but this version cannot read it
     */
    private Loaded withStatistics(Path source, StateFile file, List<String> problems) {
        if (file.learnedSeq() == null) {
            return new Loaded(file, source, file.horizonState(), null);
        }
        LearnedFiles.Read read = learned.read(file.learnedSeq());
        if (read instanceof LearnedFiles.Read.Valid statistics) {
            return new Loaded(file, source, statistics.statistics().into(file.horizonState()), statistics.statistics());
        }
        if (read instanceof LearnedFiles.Read.Incompatible incompatible) {
            throw new StateCorruptedException("the learned statistics of state file " + source + " are intact but "
                    + "cannot be read by this version (" + incompatible.reason() + "): run the Horizon version that "
                    + "wrote them");
        }
        problems.add(source.getFileName() + ": its learned statistics " + ((LearnedFiles.Read.Damaged) read).reason());
        return null;
    }

    /**
     * The learned statistics files the state files name (those whose checksum holds), so that
     * none of them is removed while a state file may fall back to it.
     */
    List<Long> namedStatistics() {
        List<Long> named = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(current()));
        for (int n = 1; n <= BACKUPS; n++) {
            files.add(backup(n));
        }
        for (Path file : files) {
            if (Files.exists(file) && codec.decode(read(file)) instanceof StateFileCodec.Decoded.Valid valid
                    && valid.file().learnedSeq() != null) {
                named.add(valid.file().learnedSeq());
            }
        }
        return named;
    }

    /** Replaces {@code engine_state.json} with {@code content} atomically, keeping the previous files as backups. */
    void write(byte[] content) {
        Path target = current();
        try {
            Durable.write(temp(), content);
            rotateBackups();
            Files.move(temp(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durable.syncDirectory(directory);
        } catch (IOException e) {
            throw new StateStoreException("cannot save engine state to " + target + ": " + e.getMessage()
                    + " (the previous state is intact)", e);
        }
    }

    private void rotateBackups() throws IOException {
        Files.deleteIfExists(backup(BACKUPS));
        for (int n = BACKUPS - 1; n >= 1; n--) {
            if (Files.exists(backup(n))) {
                Files.move(backup(n), backup(n + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (Files.exists(current())) {
            keepCurrentAs(backup(1));
        }
    }

    /** Makes {@code backup} a second name of the current file, or a durable copy where links are not supported. */
    private void keepCurrentAs(Path backup) throws IOException {
        try {
            Files.createLink(backup, current());
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            Path copy = directory.resolve(backup.getFileName() + ".tmp");
            Durable.write(copy, Files.readAllBytes(current()));
            Files.move(copy, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StateStoreException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
    }
}
