package dev.horizon.bootstrap.cli;

import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.demo.DemoSetup;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import dev.horizon.bootstrap.wiring.EngineAssembly;
import java.nio.file.Path;

/**
 * The state the operator commands work on: the config's state store, or the demo's
 * ({@code ./var/demo/state.db}) when no config is given.
 */
final class StateAccess {

    private StateAccess() {
    }

    /** The state store factory of {@code --config}, or of the demo. */
    static StateStoreFactory of(CommandBase command, Path config) {
        HorizonConfig cfg = config == null
                ? DemoSetup.config(command.loader(), command.context().workingDirectory())
                : command.loadConfig(config);
        try {
            return EngineAssembly.stateStores(cfg);
        } catch (RuntimeException e) {
            throw CommandBase.withSource(e, cfg.source());
        }
    }

    /** Refuses to act on a location where no engine ever saved state. */
    static void requireExisting(StateStoreFactory state, String command) {
        if (!state.exists()) {
            throw CliError.usage(command + ": no engine state at " + state.location()
                    + "; run the engine first (or pass the --config it runs with)");
        }
    }
}
