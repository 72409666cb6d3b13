package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.Module;
import dev.horizon.adapters.persistence.control.FileControlInbox;
import dev.horizon.adapters.persistence.jsonfile.JsonFileStateStore;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code state.type: json}: the seed-compatible {@code engine_state.json} and a JSON-lines journal. */
public final class JsonFileStateProvider implements AdapterProvider<JsonFileStateProvider.Settings> {

    /** @param directory the state directory ({@code var/state}) */
    public record Settings(String directory) {
        public Settings {
            directory = or(directory, "var/state");
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.STATE_STORE;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Module module(Settings settings, AdapterEnvironment environment) {
        return new FileStateStoreFactory(environment.resolve(settings.directory()), JsonFileStateStore::open,
                JsonFileStateStore::openReadOnly, JsonFileStateProvider::written, FileControlInbox::inDirectory).module();
    }

    /** Whether {@code directory} holds an engine state file (or a backup of one). */
    private static boolean written(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("engine_state"));
        } catch (IOException e) {
            return true;
        }
    }
}
