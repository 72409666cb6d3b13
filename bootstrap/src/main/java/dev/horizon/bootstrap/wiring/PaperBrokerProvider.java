package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.math.BigDecimal;

/** {@code broker.type: paper}: simulated fills against the configured market data, account kept in a file. */
public final class PaperBrokerProvider implements AdapterProvider<PaperBrokerProvider.Settings> {

    /**
     * The {@code broker} section of the paper broker.
     *
     * @param initialCash         cash of a new account (100000); an existing account file wins
     * @param feeBps              fee in bps of each order's notional (1)
     * @param minFee              minimum fee per order (0)
     * @param slippageBps         price concession on every fill, in bps (0)
     * @param allowShort          whether the account may go short (false)
     * @param partialFillFraction fraction of the displayed size filled per step; unset = complete fills
     * @param accountFile         the account file ({@code var/paper/account.json}); it outlives the
     *                            engine, as a real broker's account would
     */
    public record Settings(BigDecimal initialCash, BigDecimal feeBps, BigDecimal minFee, BigDecimal slippageBps,
                           Boolean allowShort, BigDecimal partialFillFraction, String accountFile) {
        public Settings {
            initialCash = or(initialCash, new BigDecimal("100000"));
            if (initialCash.signum() <= 0) {
                throw new ConfigException("broker.initial_cash", initialCash.toPlainString() + " must be positive");
            }
            feeBps = nonNegative("broker.fee_bps", or(feeBps, BigDecimal.ONE));
            minFee = nonNegative("broker.min_fee", or(minFee, BigDecimal.ZERO));
            slippageBps = nonNegative("broker.slippage_bps", or(slippageBps, BigDecimal.ZERO));
            allowShort = or(allowShort, false);
            if (partialFillFraction != null && (partialFillFraction.signum() <= 0
                    || partialFillFraction.compareTo(BigDecimal.ONE) > 0)) {
                throw new ConfigException("broker.partial_fill_fraction", partialFillFraction.toPlainString()
                        + (partialFillFraction.compareTo(BigDecimal.ONE) > 0 ? " looks like a percent; fractions are"
                        + " written as " + partialFillFraction.movePointLeft(2).toPlainString() : " must be in (0, 1]"));
            }
            accountFile = or(accountFile, "var/paper/account.json");
        }

        private static BigDecimal nonNegative(String key, BigDecimal v) {
            if (v.signum() < 0) {
                throw new ConfigException(key, v.toPlainString() + " must be >= 0");
            }
            return v;
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.BROKER;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Module module(Settings settings, AdapterEnvironment environment) {
        PaperBrokerConfig config = new PaperBrokerConfig(settings.initialCash(), settings.feeBps(), settings.minFee(),
                settings.slippageBps(), settings.allowShort(), settings.partialFillFraction(),
                environment.resolve(settings.accountFile()));
        return new AbstractModule() {
            @Provides
            @Singleton
            BrokerPort broker(MarketDataPort market, Clock clock) {
                return new PaperBroker(config, market, clock);
            }
        };
    }
}
