package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.horizon.adapters.persistence.control.FileControlInbox;
import dev.horizon.adapters.persistence.jsonfile.JsonFileStateStore;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.StateStore;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.StateStoreFactory;
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
        Path directory = environment.resolve(settings.directory());
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StateStoreFactory.class).toInstance(new StateStoreFactory() {
                    @Override
                    public StateStore open() {
                        return JsonFileStateStore.open(directory);
                    }

                    @Override
                    public StateStore openReadOnly() {
                        return JsonFileStateStore.openReadOnly(directory);
                    }

                    @Override
                    public Path location() {
                        return directory;
                    }

                    @Override
                    public boolean exists() {
                        if (!Files.isDirectory(directory)) {
                            return false;
                        }
                        try (Stream<Path> files = Files.list(directory)) {
                            return files.anyMatch(f -> f.getFileName().toString().startsWith("engine_state"));
                        } catch (IOException e) {
                            return true;
                        }
                    }

                    @Override
                    public ControlInbox controlInbox() {
                        return FileControlInbox.inDirectory(directory);
                    }
                });
            }
        };
    }
}
