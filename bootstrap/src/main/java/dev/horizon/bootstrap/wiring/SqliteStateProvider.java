package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.horizon.adapters.persistence.control.FileControlInbox;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.StateStore;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Path database = environment.resolve(settings.path());
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StateStoreFactory.class).toInstance(new StateStoreFactory() {
                    @Override
                    public StateStore open() {
                        return SqliteStateStore.open(database);
                    }

                    @Override
                    public StateStore openReadOnly() {
                        return SqliteStateStore.openReadOnly(database);
                    }

                    @Override
                    public Path location() {
                        return database;
                    }

                    @Override
                    public boolean exists() {
                        return Files.exists(database);
                    }

                    @Override
                    public ControlInbox controlInbox() {
                        return FileControlInbox.beside(database);
                    }
                });
            }
        };
    }
}
