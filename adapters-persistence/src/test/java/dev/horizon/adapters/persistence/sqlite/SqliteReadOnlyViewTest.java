package dev.horizon.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.persistence.ReadOnlyViewCases;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqliteReadOnlyViewTest extends ReadOnlyViewCases {

    @Override
    protected StateStore openEngine(Path location) {
        return SqliteStateStore.open(location);
    }

    @Override
    protected StateStore openReadOnly(Path location) {
        return SqliteStateStore.openReadOnly(location);
    }

    @Override
    protected String kind() {
        return "sqlite";
    }

    @Override
    protected Path locationIn(Path directory) {
        return directory.resolve("var").resolve("horizon.db");
    }

    @Test
    void read_only_view_of_a_database_from_a_newer_version_is_refused_naming_it() throws Exception {
        SqliteStateStore.open(location()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> SqliteStateStore.openReadOnly(location()))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(location().toString())
                .hasMessageContaining("schema version 99");
    }

    @Test
    void read_only_view_of_a_file_that_is_not_a_database_is_corrupted_state() throws Exception {
        Files.createDirectories(location().getParent());
        Files.writeString(location(), "this is not a database, just text that is long enough to have a header page");

        assertThatThrownBy(() -> SqliteStateStore.openReadOnly(location()).load())
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(location().toString());
    }
}
