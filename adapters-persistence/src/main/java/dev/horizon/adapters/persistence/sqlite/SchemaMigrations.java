package dev.horizon.adapters.persistence.sqlite;

import dev.horizon.application.port.StateStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database's schema to the latest version, one step at a time. The version lives in
 * SQLite's {@code PRAGMA user_version} (0 for a new or empty file); step {@code i} takes the
 * schema from version {@code i} to {@code i + 1} and runs in one transaction together with the
 * version bump, so a crash mid-migration leaves the previous version intact.
 *
 * <p>To change the schema, append a step; never edit a released one.
 */
final class SchemaMigrations {

    /** One schema step: the statements that take version {@code index} to {@code index + 1}. */
    record Step(String description, List<String> statements) {
        Step {
            statements = List.copyOf(statements);
        }
    }

    /** 0 → 1: the latest snapshot (a single row) and the append-only journal. */
    static final Step CREATE = new Step("create snapshot and journal", List.of(
            """
            CREATE TABLE snapshot (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                cycle      INTEGER NOT NULL,
                cycle_time TEXT,
                state_json TEXT NOT NULL
            )""",
            """
            CREATE TABLE journal (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                cycle      INTEGER NOT NULL,
                time       TEXT NOT NULL,
                type       TEXT NOT NULL,
                entry_json TEXT NOT NULL
            )""",
            "CREATE INDEX journal_by_cycle ON journal (cycle, seq)"));

    /**
     * 1 → 2: the learned statistics in a row of their own, rewritten only when they changed.
     * {@code snapshot.learned_seq} names the {@code learned} row that belongs to the snapshot; a
     * row of schema 1 has none (NULL) and keeps everything in its {@code state_json} until the
     * next save splits it.
     */
    static final Step SPLIT_LEARNED = new Step("learned statistics apart from the snapshot", List.of(
            """
            CREATE TABLE learned (
                id       INTEGER PRIMARY KEY CHECK (id = 1),
                seq      INTEGER NOT NULL,
                cycle    INTEGER NOT NULL,
                encoding TEXT NOT NULL,
                data     BLOB NOT NULL
            )""",
            "ALTER TABLE snapshot ADD COLUMN learned_seq INTEGER"));

    private final List<Step> steps;

    SchemaMigrations(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The migrations this version of Horizon ships. */
    static SchemaMigrations standard() {
        return new SchemaMigrations(List.of(CREATE, SPLIT_LEARNED));
    }

    /** The schema version after every step has run. */
    int latestVersion() {
        return steps.size();
    }

    /**
     * Runs the missing steps on {@code connection} (in auto-commit mode) and returns the version
     * the database was at before.
     *
     * @throws StateStoreException naming {@code database} if it was written by a newer version
     * @throws SQLException        if a step fails (its transaction is rolled back)
     */
    int migrate(Connection connection, Path database) throws SQLException {
        int found = version(connection);
        if (found > latestVersion()) {
            throw new StateStoreException("database " + database + " has schema version " + found
                    + " but this Horizon knows versions up to " + latestVersion()
                    + ": run the Horizon version that wrote it");
        }
        for (int version = found; version < latestVersion(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : steps.get(version).statements()) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (version + 1));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return found;
    }

    /** The schema version recorded in {@code connection}'s database. */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
