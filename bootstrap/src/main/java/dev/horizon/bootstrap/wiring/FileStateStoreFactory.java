package dev.horizon.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.StateStore;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link StateStoreFactory} for a store kept at one path (a database file or a directory), as
 * the state store adapters bind it.
 *
 * @param location     the database file or state directory
 * @param opener       opens the store there for an engine (taking its lock)
 * @param reader       opens it read-only
 * @param written      whether any state was ever written there
 * @param inbox        where operator commands for the engine on this state wait
 */
record FileStateStoreFactory(Path location, Function<Path, StateStore> opener, Function<Path, StateStore> reader,
                             Predicate<Path> written, Function<Path, ControlInbox> inbox)
        implements StateStoreFactory {

    @Override
    public StateStore open() {
        return opener.apply(location);
    }

    @Override
    public StateStore openReadOnly() {
        return reader.apply(location);
    }

    @Override
    public boolean exists() {
        return written.test(location);
    }

    @Override
    public ControlInbox controlInbox() {
        return inbox.apply(location);
    }

    /** The module binding this factory. */
    Module module() {
        StateStoreFactory factory = this;
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(StateStoreFactory.class).toInstance(factory);
            }
        };
    }
}
