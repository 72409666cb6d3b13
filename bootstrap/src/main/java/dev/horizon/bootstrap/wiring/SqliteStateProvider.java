package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.Module;
import dev.horizon.adapters.persistence.control.FileControlInbox;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.nio.file.Files;

/** {@code state.type: sqlite} (the default): one SQLite database file, WAL mode. */
public final class SqliteStateProvider implements AdapterProvider<SqliteStateProvider.Settings> {

    /** @param path the database file ({@code var/state.db}) */
    public record Settings(String path) {
        public Settings {
            path = or(path, "var/state.db");
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.STATE_STORE;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Module module(Settings settings, AdapterEnvironment environment) {
        return new FileStateStoreFactory(environment.resolve(settings.path()), SqliteStateStore::open,
                SqliteStateStore::openReadOnly, Files::exists, FileControlInbox::beside).module();
    }
}
