package dev.horizon.bootstrap.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.application.time.SystemClock;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.bootstrap.spi.StateStoreFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine built from a config: the only place that creates the Guice injector. It installs
 * the core module and the module of each selected adapter, then opens the parts in a fixed order
 * — the state store first (its lock refuses a second engine before anything slow happens), then
 * market data, broker, models and the engine. {@link #close()} closes them in reverse, the store
 * (and its lock) last.
 */
public final class EngineAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAssembly.class);

    /**
     * What the caller supplies.
     *
     * @param events           the event sink (logs, metrics)
     * @param operatorCommands whether the engine reads the operator inbox beside its state
     *                         ({@link StateStoreFactory#controlInbox()}); false for backtests
     */
    public record Options(EventSink events, boolean operatorCommands) {
        public Options {
            Objects.requireNonNull(events, "events");
        }

        /** No events, no operator commands (backtests). */
        public static Options quiet() {
            return new Options(EventSink.discarding(), false);
        }
    }

    private final EngineSettings settings;
    private final Clock clock;
    private final Injector injector;
    private final Deque<Object> opened = new ArrayDeque<>();
    private StateStore store;
    private TradingEngine engine;

    private EngineAssembly(EngineSettings settings, Clock clock, Injector injector) {
        this.settings = settings;
        this.clock = clock;
        this.injector = injector;
    }

    /**
     * Builds the injector for {@code config} and opens every part.
     *
     * @throws dev.horizon.bootstrap.config.ConfigException      for a value an adapter refuses
     * @throws dev.horizon.application.port.StateLockedException when another engine holds the state
     * @throws RuntimeException                                  the adapter's own failure, unwrapped from Guice
     */
    public static EngineAssembly open(HorizonConfig config, Options options) {
        EngineSettings settings = EngineSettingsFactory.settings(config.core());
        AdapterEnvironment environment = EngineSettingsFactory.environment(config);
        Clock clock = config.replay() ? new SimulatedClock(Instant.EPOCH, environment.calendar())
                : new SystemClock(environment.calendar());
        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(config.core(), settings, environment, clock, options.events(), options.operatorCommands()));
        for (AdapterKind kind : AdapterKind.values()) {
            modules.add(config.adapter(kind).module(environment));
        }
        Injector injector = unwrap(() -> Guice.createInjector(Stage.DEVELOPMENT, modules));
        EngineAssembly assembly = new EngineAssembly(settings, clock, injector);
        try {
            assembly.store = assembly.get(StateStore.class);
            assembly.get(MarketDataPort.class);
            assembly.get(BrokerPort.class);
            assembly.get(ModelPort.class);
            assembly.engine = assembly.get(TradingEngine.class);
            return assembly;
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
    }

    /** Opens only the configured state store's factory (for status and operator commands). */
    public static StateStoreFactory stateStores(HorizonConfig config) {
        AdapterEnvironment environment = EngineSettingsFactory.environment(config);
        Module module = config.adapter(AdapterKind.STATE_STORE).module(environment);
        return unwrap(() -> Guice.createInjector(Stage.DEVELOPMENT, module).getInstance(StateStoreFactory.class));
    }

    private <T> T get(Class<T> type) {
        T instance = unwrap(() -> injector.getInstance(type));
        if (!opened.contains(instance)) {
            opened.push(instance);
        }
        return instance;
    }

    /** The engine, not yet started. */
    public TradingEngine engine() {
        return engine;
    }

    public EngineSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The simulated clock of a replay, empty for a live clock. */
    public Optional<SimulatedClock> simulatedClock() {
        return clock instanceof SimulatedClock s ? Optional.of(s) : Optional.empty();
    }

    /** The bar closes of a replayed feed, empty for live data. */
    public Optional<ReplaySchedule> schedule() {
        return injector.getExistingBinding(com.google.inject.Key.get(ReplaySchedule.class)) == null ? Optional.empty()
                : Optional.of(unwrap(() -> injector.getInstance(ReplaySchedule.class)));
    }

    public StateStore store() {
        return store;
    }

    public BrokerPort broker() {
        return injector.getInstance(BrokerPort.class);
    }

    public MarketDataPort market() {
        return injector.getInstance(MarketDataPort.class);
    }

    public StateStoreFactory stateStoreFactory() {
        return injector.getInstance(StateStoreFactory.class);
    }

    /** The operator inbox the engine reads ({@link ControlInbox#none()} for a backtest). */
    public ControlInbox controlInbox() {
        return injector.getInstance(ControlInbox.class);
    }

    /** Closes every part opened, in reverse order; the state store (and its lock) last. Idempotent. */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            Object part = opened.pop();
            if (part instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    /** Runs {@code action}, turning Guice's wrapped failures back into the adapter's own exception. */
    static <T> T unwrap(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ProvisionException e) {
            throw cause(e.getErrorMessages(), e);
        } catch (CreationException e) {
            throw cause(e.getErrorMessages(), e);
        } catch (ConfigurationException e) {
            throw cause(e.getErrorMessages(), e);
        }
    }

    private static RuntimeException cause(java.util.Collection<Message> messages, RuntimeException wrapper) {
        for (Message m : messages) {
            Throwable t = m.getCause();
            while (t instanceof ProvisionException || t instanceof CreationException) {
                Throwable next = t.getCause();
                if (next == null) {
                    break;
                }
                t = next;
            }
            if (t instanceof RuntimeException re) {
                return re;
            }
            if (t instanceof Error err) {
                throw err;
            }
        }
        return wrapper;
    }
}
