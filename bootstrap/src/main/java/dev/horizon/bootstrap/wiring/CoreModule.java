package dev.horizon.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.config.CoreConfig;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.StateStoreFactory;

/**
 * What the engine itself needs besides the four adapters: the environment, the clock, the
 * settings, the event sink, the operator inbox, the reconciler and the {@link TradingEngine}.
 */
final class CoreModule extends AbstractModule {

    private final CoreConfig config;
    private final EngineSettings settings;
    private final AdapterEnvironment environment;
    private final Clock clock;
    private final EventSink events;
    private final boolean operatorCommands;

    CoreModule(CoreConfig config, EngineSettings settings, AdapterEnvironment environment, Clock clock, EventSink events,
               boolean operatorCommands) {
        this.config = config;
        this.settings = settings;
        this.environment = environment;
        this.clock = clock;
        this.events = events;
        this.operatorCommands = operatorCommands;
    }

    @Override
    protected void configure() {
        bind(AdapterEnvironment.class).toInstance(environment);
        bind(Clock.class).toInstance(clock);
        if (clock instanceof SimulatedClock simulated) {
            bind(SimulatedClock.class).toInstance(simulated);
        }
        bind(EngineSettings.class).toInstance(settings);
        bind(EventSink.class).toInstance(events);
    }

    @Provides
    @Singleton
    StateStore store(StateStoreFactory factory) {
        return factory.open();
    }

    @Provides
    @Singleton
    ControlInbox inbox(StateStoreFactory factory) {
        return operatorCommands ? factory.controlInbox() : ControlInbox.none();
    }

    @Provides
    @Singleton
    Reconciler reconciler(BrokerPort broker) {
        CoreConfig.Reconciliation r = config.reconciliation();
        return new Reconciler(broker, ReconciliationMode.parse(r.mode()), r.cashTolerance());
    }

    @Provides
    @Singleton
    TradingEngine engine(MarketDataPort market, BrokerPort broker, StateStore store, ModelPort models,
                         ControlInbox controlInbox, Reconciler reconciler) {
        return new TradingEngine(settings,
                new TradingEngine.Ports(market, broker, store, models, clock, events, controlInbox), reconciler);
    }
}
