package dev.horizon.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.data.alpaca.AlpacaDataConfig;
import dev.horizon.adapters.data.alpaca.AlpacaMarketData;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.Durations;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code market_data.type: alpaca}: latest quotes, bars and average daily volume from Alpaca's
 * market data API ({@link AlpacaMarketData}), live on the wall clock. Reads the same shared
 * {@code alpaca:} section and key pair as {@link AlpacaBrokerProvider}; it trades nothing, so it
 * never needs the live confirmation.
 */
public final class AlpacaMarketDataProvider implements AdapterProvider<AlpacaBrokerProvider.Settings> {

    private final Function<String, String> environment;

    /** The provider {@link java.util.ServiceLoader} makes: credentials from the process environment. */
    public AlpacaMarketDataProvider() {
        this(System::getenv);
    }

    /** A provider reading the credential variables from {@code environment} (tests, embedding). */
    public AlpacaMarketDataProvider(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.MARKET_DATA;
    }

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public Class<AlpacaBrokerProvider.Settings> configType() {
        return AlpacaBrokerProvider.Settings.class;
    }

    @Override
    public String section() {
        return AlpacaBrokerProvider.SECTION;
    }

    /**
     * Binds the {@link AlpacaMarketData} on the engine's clock.
     *
     * @throws ConfigException when {@code alpaca.bar_timeframe} is not {@code engine.bar_interval}, or
     *                         naming a missing credential variable
     */
    @Override
    public Module module(AlpacaBrokerProvider.Settings settings, AdapterEnvironment env) {
        AlpacaDataConfig config = settings.dataConfig();
        Duration bar = env.barInterval();
        if (!config.barTimeframe().length().equals(bar)) {
            throw new ConfigException("alpaca.bar_timeframe", config.barTimeframe().api() + " bars are not the engine's "
                    + Durations.format(bar) + " bars (engine.bar_interval): set alpaca.bar_timeframe: "
                    + spelling(bar));
        }
        AlpacaCredentials credentials = AlpacaBrokerProvider.credentials(settings, environment);
        return new AbstractModule() {
            @Provides
            @Singleton
            MarketDataPort market(Clock clock) {
                return new AlpacaMarketData(config, credentials, clock);
            }
        };
    }

    /** Alpaca's spelling of a bar length: {@code 5Min}, {@code 1Hour}, {@code 1Day}. */
    static String spelling(Duration bar) {
        if (bar.equals(Duration.ofDays(1))) {
            return "1Day";
        }
        if (bar.toMinutes() % 60 == 0 && bar.toHours() < 24) {
            return bar.toHours() + "Hour";
        }
        return bar.toMinutes() < 60 ? bar.toMinutes() + "Min" : "an Alpaca timeframe (<n>Min, <n>Hour or 1Day)";
    }
}
