package dev.horizon.adapters.persistence.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.adapters.persistence.json.LearnedCodec;
import dev.horizon.adapters.persistence.json.LearnedStatistics;
import dev.horizon.adapters.persistence.lock.StateLock;
import dev.horizon.adapters.persistence.lock.StoreAccess;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The default {@link StateStore}: one SQLite database file in WAL mode with
 * {@code synchronous=FULL}, so every commit is on disk when it returns.
 *
 * <ul>
 *   <li>{@code snapshot}: a single row with the latest state as JSON ({@link DomainJson}) without
 *       its learned statistics, its cycle and cycle time (for a quick look with the {@code sqlite3}
 *       shell), and {@code learned_seq}, the {@code learned} row that belongs to it.</li>
 *   <li>{@code learned}: a single row with the learned statistics ({@link LearnedStatistics}: the
 *       prediction trackers, blending histories and sizing windows) in the compact
 *       {@link LearnedCodec} form, its sequence number {@code seq} and the cycle it was saved at.</li>
 *   <li>{@code journal}: {@code seq} (write order), {@code cycle}, {@code time}, {@code type}
 *       ({@code order_intent}, {@code fill}, ...) and the entry as JSON.</li>
 * </ul>
 *
 * {@link #save} writes the entries and the snapshot in one transaction; {@link #append} commits
 * each entry on its own. The learned statistics are large (hundreds of MB at 500 symbols with a 1d
 * horizon) and the engine hands on the very same objects between two checkpoints, so a save
 * rewrites the {@code learned} row only when they are not the objects this store last wrote, in
 * the same transaction as the snapshot that points to it: a crash leaves both as they were, and
 * the statistics loaded always belong to the ledger loaded (as of the engine's last checkpoint,
 * see the engine's crash semantics). The order-rate counters of the risk checks change with every
 * order and are small: they stay in the snapshot row.
 *
 * <p>The schema version is SQLite's {@code user_version}, advanced by {@link SchemaMigrations}; a
 * database of schema 1 keeps its whole state in {@code state_json} ({@code learned_seq} NULL)
 * until its first save under schema 2. A {@code <database>.lock} file next to the database holds
 * the single-engine lock and the holder's pid.
 *
 * <p>{@link #openReadOnly} gives a second, lock-free view for status readers while an engine
 * holds the store: SQLite's WAL mode lets a reader see the last committed state without
 * blocking the writer.
 */
public final class SqliteStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStateStore.class);

    /** Fault points reached inside {@link #save}'s transaction (tests make them throw). */
    static final String AFTER_ENTRIES = "after_entries";
    static final String AFTER_LEARNED = "after_learned";
    static final String AFTER_SNAPSHOT = "after_snapshot";

    private final Path database;
    private final StoreAccess access;
    /** Null for a read-only view of a database that does not exist (yet). */
    private final Connection connection;
    private final ObjectMapper mapper;
    private final ObjectWriter entryWriter;
    private final ObjectReader entryReader;
    private final LearnedCodec learnedCodec = new LearnedCodec();
    private final Consumer<String> faults;
    /** The schema version of the database (a read-only view may look at an older one). */
    private final int schema;
    /**
     * The statistics in the {@code learned} row as this store last wrote or read them, with the
     * row's {@code seq}; null while unknown (the next save writes them).
     */
    private LearnedStatistics savedStatistics;
    private long learnedSeq;

    private SqliteStateStore(Path database, StateLock lock, Connection connection, int schema,
                             Consumer<String> faults) {
        this.database = database;
        this.access = new StoreAccess("state database " + database, lock);
        this.connection = connection;
        this.schema = schema;
        this.mapper = DomainJson.mapper();
        this.entryWriter = mapper.writerFor(JournalEntry.class);
        this.entryReader = mapper.readerFor(JournalEntry.class);
        this.faults = faults;
    }

    /**
     * Opens (creating if needed) the store in the database file {@code database}, takes its lock
     * and brings its schema up to date.
     *
     * @throws dev.horizon.application.port.StateLockedException if another engine has it open
     * @throws StateCorruptedException if the file is not a readable SQLite database
     * @throws StateStoreException     naming the file on any other failure
     */
    public static SqliteStateStore open(Path database) {
        return open(database, SchemaMigrations.standard(), point -> { });
    }

    static SqliteStateStore open(Path database, SchemaMigrations migrations, Consumer<String> faults) {
        Path db = database.toAbsolutePath();
        StateLock lock = StateLock.acquire(db.resolveSibling(db.getFileName() + ".lock"), database);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + db);
            configure(connection, db);
            int from = migrations.migrate(connection, db);
            if (from < migrations.latestVersion()) {
                LOG.info("state database {} migrated from schema version {} to {}", db, from,
                        migrations.latestVersion());
            }
            SqliteStateStore store = new SqliteStateStore(db, lock, connection, migrations.latestVersion(), faults);
            store.learnedSeq = lastLearnedSeq(connection);
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            lock.close();
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw failure("open", db, e);
        }
    }

    private static void configure(Connection connection, Path db) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
                    LOG.warn("state database {} runs in journal mode {} instead of WAL (filesystem without "
                            + "shared memory?); writes stay atomic but slower", db, mode);
                }
            }
            // FULL: a commit (each journal append, each save) is durable when it returns, even on power loss.
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA busy_timeout = 5000");
        }
    }

    /**
     * A read-only view of the store in {@code database} for a status reader: {@link #load()} and
     * {@link #journal} see what the engine last committed, without taking the engine lock (so it
     * works while an engine runs) and without changing the file. {@link #save} and
     * {@link #append} throw {@link UnsupportedOperationException}. A database that does not
     * exist yet reads as a new location (no state, empty journal).
     *
     * @throws StateCorruptedException if the file is not a readable SQLite database
     * @throws StateStoreException     naming the file if it was written by a newer version or
     *                                 cannot be opened
     */
    public static StateStore openReadOnly(Path database) {
        Path db = database.toAbsolutePath();
        if (!Files.exists(db)) {
            return new SqliteStateStore(db, null, null, 0, point -> { });
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + db);
            int version = SchemaMigrations.version(connection);
            int latest = SchemaMigrations.standard().latestVersion();
            if (version > latest) {
                throw new StateStoreException("database " + db + " has schema version " + version
                        + " but this Horizon knows versions up to " + latest + ": run the Horizon version that wrote it");
            }
            if (version == 0) {
                // Created but never set up by an engine: nothing saved yet.
                connection.close();
                connection = null;
            }
            return new SqliteStateStore(db, null, connection, version, point -> { });
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw failure("open (read-only)", db, e);
        }
    }

    /** The database file. */
    public Path database() {
        return database;
    }

    @Override
    public synchronized Optional<EngineSnapshot> load() {
        ensureOpen();
        if (connection == null) {
            return Optional.empty();
        }
        String json;
        Long seqOfSnapshot;
        Long seqOfRow = null;
        String encoding = null;
        byte[] data = null;
        try {
            // A read-only view may have opened a schema-1 database that an engine has migrated since.
            int version = access.writable() ? schema : SchemaMigrations.version(connection);
            // One statement: the snapshot and its learned row from the same commit, even while an
            // engine writes (a read-only view).
            String sql = version < 2 ? "SELECT state_json, NULL, NULL, NULL, NULL FROM snapshot WHERE id = 1"
                    : "SELECT s.state_json, s.learned_seq, l.seq, l.encoding, l.data "
                            + "FROM snapshot s LEFT JOIN learned l ON l.id = 1 WHERE s.id = 1";
            try (PreparedStatement select = connection.prepareStatement(sql);
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                json = rs.getString(1);
                seqOfSnapshot = nullableLong(rs, 2);
                if (seqOfSnapshot != null) {
                    seqOfRow = nullableLong(rs, 3);
                    encoding = rs.getString(4);
                    data = rs.getBytes(5);
                }
            }
        } catch (SQLException e) {
            throw failure("load state from", database, e);
        }
        EngineSnapshot snapshot;
        try {
            snapshot = mapper.readValue(json, EngineSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new StateCorruptedException("the saved state in " + database + " cannot be read ("
                    + e.getOriginalMessage() + "): restore the database from a backup, or move it away "
                    + "to start afresh deliberately");
        }
        if (seqOfSnapshot == null) {
            return Optional.of(snapshot); // schema 1: everything in state_json
        }
        LearnedStatistics statistics = readStatistics(seqOfSnapshot, seqOfRow, encoding, data);
        if (access.writable() && (savedStatistics == null || learnedSeq != seqOfSnapshot)) {
            // What is on disk now; a load between saves keeps the objects the engine hands on.
            savedStatistics = statistics;
            learnedSeq = seqOfSnapshot;
        }
        return Optional.of(statistics.into(snapshot));
    }

    private LearnedStatistics readStatistics(long wanted, Long found, String encoding, byte[] data) {
        if (found == null || found != wanted) {
            throw new StateCorruptedException("the learned statistics in " + database + " (row " + found
                    + ") do not belong to the saved state (which needs row " + wanted + "): restore the database "
                    + "from a backup, or move it away to start afresh deliberately");
        }
        if (!LearnedCodec.ENCODING.equals(encoding)) {
            throw new StateCorruptedException("the learned statistics in " + database + " are in the form "
                    + encoding + ", which this version cannot read (it reads " + LearnedCodec.ENCODING
                    + "): run the Horizon version that wrote it");
        }
        try {
            return learnedCodec.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new StateCorruptedException("the learned statistics in " + database + " cannot be read ("
                    + e.getMessage() + "): restore the database from a backup, or move it away to start "
                    + "afresh deliberately");
        }
    }

    @Override
    public synchronized void save(EngineSnapshot snapshot, List<JournalEntry> entries) {
        EngineState state = snapshot.state();
        ensureOpen();
        ensureWritable("save state");
        boolean writeLearned = savedStatistics == null || !savedStatistics.sameObjectsAs(snapshot.learned());
        LearnedStatistics statistics = writeLearned ? LearnedStatistics.of(snapshot.learned()) : savedStatistics;
        byte[] learnedData = writeLearned ? encode(statistics) : null;
        long seq = writeLearned ? learnedSeq + 1 : learnedSeq;
        String stateJson = toJson(LearnedStatistics.withoutStatistics(snapshot));
        List<String> entryJson = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            entryJson.add(toJson(entry));
        }
        try {
            connection.setAutoCommit(false);
            try {
                insertEntries(entries, entryJson);
                faults.accept(AFTER_ENTRIES);
                if (writeLearned) {
                    try (PreparedStatement upsert = connection.prepareStatement(
                            "INSERT INTO learned (id, seq, cycle, encoding, data) VALUES (1, ?, ?, ?, ?) "
                                    + "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, cycle = excluded.cycle, "
                                    + "encoding = excluded.encoding, data = excluded.data")) {
                        upsert.setLong(1, seq);
                        upsert.setLong(2, state.cycleSeq());
                        upsert.setString(3, LearnedCodec.ENCODING);
                        upsert.setBytes(4, learnedData);
                        upsert.executeUpdate();
                    }
                    faults.accept(AFTER_LEARNED);
                }
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO snapshot (id, cycle, cycle_time, state_json, learned_seq) VALUES (1, ?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO UPDATE SET cycle = excluded.cycle, "
                                + "cycle_time = excluded.cycle_time, state_json = excluded.state_json, "
                                + "learned_seq = excluded.learned_seq")) {
                    upsert.setLong(1, state.cycleSeq());
                    upsert.setString(2, state.lastCycleTime() == null ? null : state.lastCycleTime().toString());
                    upsert.setString(3, stateJson);
                    upsert.setLong(4, seq);
                    upsert.executeUpdate();
                }
                faults.accept(AFTER_SNAPSHOT);
                connection.commit();
                // Only once committed: a rolled-back save leaves the row as it was, to be rewritten.
                savedStatistics = statistics;
                learnedSeq = seq;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("save state to", database, e);
        } catch (RuntimeException e) {
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw new StateStoreException("cannot save state to " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        ensureOpen();
        ensureWritable("append to the journal");
        String json = toJson(entry);
        try {
            // Auto-commit: the entry is committed (and, with synchronous=FULL, on disk) on return.
            insertEntries(List.of(entry), List.of(json));
        } catch (SQLException e) {
            throw failure("append to the journal in", database, e);
        }
    }

    @Override
    public synchronized List<JournalEntry> journal(long fromCycle, long toCycle) {
        ensureOpen();
        List<JournalEntry> entries = new ArrayList<>();
        if (connection == null) {
            return entries;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, entry_json FROM journal WHERE cycle BETWEEN ? AND ? ORDER BY seq")) {
            select.setLong(1, fromCycle);
            select.setLong(2, toCycle);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(readEntry(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the journal in", database, e);
        }
        return entries;
    }

    /** Closes the database and releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        access.close(() -> {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.warn("closing state database {} failed: {}", database, e.getMessage());
            }
        });
    }

    private void insertEntries(List<JournalEntry> entries, List<String> json) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journal (cycle, time, type, entry_json) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                JournalEntry entry = entries.get(i);
                insert.setLong(1, entry.cycleSeq());
                insert.setString(2, entry.time().toString());
                insert.setString(3, DomainJson.journalType(entry));
                insert.setString(4, json.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private byte[] encode(LearnedStatistics statistics) {
        try {
            return learnedCodec.encode(statistics);
        } catch (IOException e) {
            throw new StateStoreException("cannot write the learned statistics to " + database + ": " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The {@code seq} of the database's learned row; 0 when it has none. */
    private static long lastLearnedSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT seq FROM learned WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private JournalEntry readEntry(long seq, String json) {
        try {
            return entryReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StateCorruptedException("journal entry " + seq + " in " + database + " cannot be read ("
                    + e.getOriginalMessage() + "): restore the database from a backup");
        }
    }

    private String toJson(Object value) {
        try {
            return value instanceof JournalEntry entry ? entryWriter.writeValueAsString(entry)
                    : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("cannot write " + value.getClass().getSimpleName() + " to " + database
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private void ensureOpen() {
        access.ensureOpen(database);
    }

    private void ensureWritable(String action) {
        access.ensureWritable(action);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback on state database {} failed: {}", database, e.getMessage());
        }
    }

    private static StateStoreException failure(String action, Path db, Exception e) {
        if (e instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
            StateCorruptedException corrupted = new StateCorruptedException(db + " is not a readable SQLite "
                    + "database (" + sqlite.getResultCode() + "): restore it from a backup, or move it away to "
                    + "start afresh deliberately");
            corrupted.addSuppressed(e);
            return corrupted;
        }
        return new StateStoreException("cannot " + action + " " + db + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the original error is what matters.
        }
    }
}
