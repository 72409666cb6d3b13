package dev.horizon.bootstrap.wiring;

import dev.horizon.adapters.persistence.jsonfile.JsonFileStateStore;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.port.StateStore;
import java.nio.file.Path;

/**
 * Read-only opens of the built-in stores, for {@code status} while an engine holds the lock.
 * Until the stores' read-only opens are available this takes the ordinary (exclusive) open, so
 * {@code status} of a running engine reports the lock instead.
 */
final class ReadOnlyStores {

    private ReadOnlyStores() {
    }

    static StateStore sqlite(Path database) {
        return SqliteStateStore.open(database);
    }

    static StateStore jsonFile(Path directory) {
        return JsonFileStateStore.open(directory);
    }
}
