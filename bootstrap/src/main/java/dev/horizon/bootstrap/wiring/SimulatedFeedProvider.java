package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.data.simulated.SimulatedFeed;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import java.time.Instant;
import java.util.List;

/** {@code market_data.type: simulated}: seeded geometric Brownian motion per symbol, replayed on a simulated clock. */
public final class SimulatedFeedProvider implements AdapterProvider<SimulatedFeedProvider.Settings> {

    /**
     * The {@code market_data} section of the simulated feed.
     *
     * @param seed             random seed (1)
     * @param bars             bars per symbol (2000)
     * @param firstClose       close of the first bar (2024-01-02T14:31:00Z)
     * @param startPrice       first open (100)
     * @param driftPerBar      expected simple return per bar (0)
     * @param volatilityPerBar std of the log return per bar (0.001)
     * @param meanVolume       mean volume per bar (10000)
     * @param spreadBps        quoted spread in bps (2)
     * @param tradeFrom        first bar close to trade (after engine.history_bars bars)
     */
    public record Settings(Long seed, Integer bars, Instant firstClose, Double startPrice, Double driftPerBar,
                           Double volatilityPerBar, Double meanVolume, Double spreadBps, Instant tradeFrom) {
        public Settings {
            seed = or(seed, 1L);
            bars = or(bars, 2000);
            if (bars < 2) {
                throw new ConfigException("market_data.bars", bars + " must be at least 2");
            }
            firstClose = or(firstClose, Instant.parse("2024-01-02T14:31:00Z"));
            startPrice = or(startPrice, 100.0);
            driftPerBar = or(driftPerBar, 0.0);
            volatilityPerBar = or(volatilityPerBar, 0.001);
            if (volatilityPerBar >= 1) {
                throw new ConfigException("market_data.volatility_per_bar", volatilityPerBar
                        + " looks like a percent; fractions are written as " + volatilityPerBar / 100);
            }
            meanVolume = or(meanVolume, 10_000.0);
            spreadBps = or(spreadBps, 2.0);
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.MARKET_DATA;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public boolean replaysHistory(Settings config) {
        return true;
    }

    @Override
    public Module module(Settings s, AdapterEnvironment env) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(MarketDataPort.class).to(SimulatedFeed.class);
            }

            @Provides
            @Singleton
            SimulatedFeed feed(Clock clock) {
                try {
                    return SimulatedFeed.builder(clock).seed(s.seed()).symbols(env.universe()).firstClose(s.firstClose())
                            .interval(env.barInterval()).bars(s.bars()).startPrice(s.startPrice())
                            .driftPerBar(s.driftPerBar()).volatilityPerBar(s.volatilityPerBar())
                            .meanVolume(s.meanVolume()).spreadBps(s.spreadBps()).build();
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("market_data", e.getMessage());
                }
            }

            @Provides
            @Singleton
            ReplaySchedule schedule(SimulatedFeed feed) {
                List<Instant> closes = feed.closeTimes();
                Instant from = s.tradeFrom() != null ? s.tradeFrom()
                        : closes.get(Math.min(closes.size() - 1, env.historyBars()));
                return new FixedReplaySchedule(closes, from, null);
            }
        };
    }
}
