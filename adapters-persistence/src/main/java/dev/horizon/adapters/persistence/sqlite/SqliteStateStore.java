package dev.horizon.adapters.persistence.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.adapters.persistence.lock.StateLock;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
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
 *   <li>{@code snapshot}: a single row with the latest state as JSON ({@link DomainJson}), its
 *       cycle and cycle time (for a quick look with the {@code sqlite3} shell).</li>
 *   <li>{@code journal}: {@code seq} (write order), {@code cycle}, {@code time}, {@code type}
 *       ({@code order_intent}, {@code fill}, ...) and the entry as JSON.</li>
 * </ul>
 *
 * {@link #save} writes the entries and the snapshot in one transaction; {@link #append} commits
 * each entry on its own. The schema version is SQLite's {@code user_version}, advanced by
 * {@link SchemaMigrations}. A {@code <database>.lock} file next to the database holds the
 * single-engine lock and the holder's pid.
 *
 * <p>{@link #openReadOnly} gives a second, lock-free view for status readers while an engine
 * holds the store: SQLite's WAL mode lets a reader see the last committed state without
 * blocking the writer.
 */
public final class SqliteStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStateStore.class);

    /** Fault points reached inside {@link #save}'s transaction (tests make them throw). */
    static final String AFTER_ENTRIES = "after_entries";
    static final String AFTER_SNAPSHOT = "after_snapshot";

    private final Path database;
    /** Null for a read-only view, which takes no lock. */
    private final StateLock lock;
    /** Null for a read-only view of a database that does not exist (yet). */
    private final Connection connection;
    private final ObjectMapper mapper;
    private final ObjectWriter entryWriter;
    private final ObjectReader entryReader;
    private final Consumer<String> faults;
    private boolean closed;

    private SqliteStateStore(Path database, StateLock lock, Connection connection, Consumer<String> faults) {
        this.database = database;
        this.lock = lock;
        this.connection = connection;
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
            return new SqliteStateStore(db, lock, connection, faults);
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
            return new SqliteStateStore(db, null, null, point -> { });
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
            return new SqliteStateStore(db, null, connection, point -> { });
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
        try (PreparedStatement select = connection.prepareStatement("SELECT state_json FROM snapshot WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            json = rs.getString(1);
        } catch (SQLException e) {
            throw failure("load state from", database, e);
        }
        try {
            return Optional.of(mapper.readValue(json, EngineSnapshot.class));
        } catch (JsonProcessingException e) {
            throw new StateCorruptedException("the saved state in " + database + " cannot be read ("
                    + e.getOriginalMessage() + "): restore the database from a backup, or move it away "
                    + "to start afresh deliberately");
        }
    }

    @Override
    public synchronized void save(EngineSnapshot snapshot, List<JournalEntry> entries) {
        EngineState state = snapshot.state();
        ensureOpen();
        ensureWritable("save state");
        String stateJson = toJson(snapshot);
        List<String> entryJson = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            entryJson.add(toJson(entry));
        }
        try {
            connection.setAutoCommit(false);
            try {
                insertEntries(entries, entryJson);
                faults.accept(AFTER_ENTRIES);
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO snapshot (id, cycle, cycle_time, state_json) VALUES (1, ?, ?, ?) "
                                + "ON CONFLICT (id) DO UPDATE SET cycle = excluded.cycle, "
                                + "cycle_time = excluded.cycle_time, state_json = excluded.state_json")) {
                    upsert.setLong(1, state.cycleSeq());
                    upsert.setString(2, state.lastCycleTime() == null ? null : state.lastCycleTime().toString());
                    upsert.setString(3, stateJson);
                    upsert.executeUpdate();
                }
                faults.accept(AFTER_SNAPSHOT);
                connection.commit();
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
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing state database {} failed: {}", database, e.getMessage());
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
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
        if (closed) {
            throw new IllegalStateException("state store " + database + " is closed");
        }
    }

    private void ensureWritable(String action) {
        if (lock == null) {
            throw new UnsupportedOperationException("read-only view of state database " + database + ": cannot "
                    + action + "; only the engine that holds the store writes to it");
        }
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
