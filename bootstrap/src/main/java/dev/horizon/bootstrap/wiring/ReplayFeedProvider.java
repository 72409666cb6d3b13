package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.data.replay.BarStamp;
import dev.horizon.adapters.data.replay.CsvBarFormat;
import dev.horizon.adapters.data.replay.CsvBarReader;
import dev.horizon.adapters.data.replay.CsvBars;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.data.replay.TradeAggregator;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.ReplaySchedule;
import dev.horizon.domain.market.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * {@code market_data.type: replay}: bars (or a trade tape aggregated into bars) from a CSV file,
 * or the bundled demo history, replayed on a simulated clock.
 */
public final class ReplayFeedProvider implements AdapterProvider<ReplayFeedProvider.Settings> {

    /** Names {@code market_data.demo} accepts. */
    public static final Set<String> DEMO_DATA = Set.of("bitstamp_btc_usd", "aapl_daily");

    /**
     * The {@code market_data} section of the replay feed.
     *
     * @param bars      the CSV file (columns timestamp|date, open, high, low, close, volume, optional symbol;
     *                  or timestamp, price, amount with {@code format: trades})
     * @param demo      instead of {@code bars}: bundled history, {@code bitstamp_btc_usd} (BTC/USD trades,
     *                  2013-11-25 to 12-01) or {@code aapl_daily} (AAPL 2013)
     * @param symbol    the symbol of a file without a symbol column (default: the universe's only symbol)
     * @param format    {@code bars} (default) or {@code trades} (aggregated into bars of engine.bar_interval)
     * @param stamp     whether a bar's timestamp is its {@code close} (default) or its {@code open}
     * @param zone      zone of timestamps without an offset ({@code UTC})
     * @param lenient   skip and count bad rows instead of stopping at the first (false)
     * @param spreadBps the quoted spread synthesised around each close, in bps (2)
     * @param advDays   session days averaged for the average daily volume (20)
     * @param tradeFrom the first bar close to trade; earlier bars are history only (the first bar)
     * @param tradeTo   the last bar close to trade (the last bar)
     */
    public record Settings(String bars, String demo, String symbol, String format, String stamp, String zone,
                           Boolean lenient, Double spreadBps, Integer advDays, Instant tradeFrom, Instant tradeTo) {
        public Settings {
            if ((bars == null) == (demo == null)) {
                throw new ConfigException("market_data.bars", "name the bar file (market_data.bars: data/bars.csv)"
                        + " or the bundled history (market_data.demo: bitstamp_btc_usd), one of the two");
            }
            if (demo != null && !DEMO_DATA.contains(demo)) {
                throw new ConfigException("market_data.demo", "'" + demo + "' is not one of " + String.join(", ",
                        new java.util.TreeSet<>(DEMO_DATA)));
            }
            format = or(format, "bars").toLowerCase(Locale.ROOT);
            if (!format.equals("bars") && !format.equals("trades")) {
                throw new ConfigException("market_data.format", "'" + format + "' is not one of bars, trades");
            }
            stamp = or(stamp, "close").toLowerCase(Locale.ROOT);
            if (!stamp.equals("close") && !stamp.equals("open")) {
                throw new ConfigException("market_data.stamp", "'" + stamp + "' is not one of close, open");
            }
            zone = or(zone, "UTC");
            try {
                ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new ConfigException("market_data.zone", "'" + zone + "' is not a time zone (e.g. UTC, America/New_York)");
            }
            lenient = or(lenient, false);
            spreadBps = or(spreadBps, ReplayFeed.DEFAULT_SPREAD_BPS);
            if (!(spreadBps >= 0) || spreadBps >= 2e4) {
                throw new ConfigException("market_data.spread_bps", spreadBps + " must be in [0, 20000)");
            }
            advDays = or(advDays, ReplayFeed.DEFAULT_ADV_DAYS);
            if (advDays < 1) {
                throw new ConfigException("market_data.adv_days", advDays + " must be at least 1");
            }
            if (tradeFrom != null && tradeTo != null && tradeTo.isBefore(tradeFrom)) {
                throw new ConfigException("market_data.trade_to", tradeTo + " is before market_data.trade_from " + tradeFrom);
            }
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.MARKET_DATA;
    }

    @Override
    public String name() {
        return "replay";
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
    public Module module(Settings settings, AdapterEnvironment environment) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(MarketDataPort.class).to(ReplayFeed.class);
            }

            @Provides
            @Singleton
            ReplayFeed feed(Clock clock) {
                CsvBars csv = read(settings, environment);
                ReplayFeed feed = ReplayFeed.builder(clock).spreadBps(settings.spreadBps()).advDays(settings.advDays())
                        .add(csv).build();
                for (Symbol s : environment.universe()) {
                    if (feed.history(s).isEmpty()) {
                        throw new ConfigException("engine.universe", s + " has no bars in " + csv.source()
                                + "; its symbols are " + feed.symbols());
                    }
                }
                return feed;
            }

            @Provides
            @Singleton
            ReplaySchedule schedule(ReplayFeed feed) {
                return new FixedReplaySchedule(feed.closeTimes(), settings.tradeFrom(), settings.tradeTo());
            }
        };
    }

    private static CsvBars read(Settings s, AdapterEnvironment env) {
        Duration interval = env.barInterval();
        if (s.demo() != null) {
            return s.demo().equals("aapl_daily") ? DemoData.appleDailyBars() : DemoData.bitcoinBars(interval);
        }
        Path file = env.resolve(s.bars());
        if (!Files.isReadable(file)) {
            throw new ConfigException("market_data.bars", file + " does not exist or cannot be read");
        }
        Symbol symbol = s.symbol() != null ? Symbol.of(s.symbol())
                : env.universe().size() == 1 ? env.universe().get(0) : null;
        ZoneId zone = ZoneId.of(s.zone());
        if (s.format().equals("trades")) {
            if (symbol == null) {
                throw new ConfigException("market_data.symbol", "a trade file holds one symbol: name it");
            }
            return new TradeAggregator(interval, zone, s.lenient()).aggregate(file, symbol);
        }
        CsvBarFormat format = new CsvBarFormat(s.stamp().equals("open") ? BarStamp.OPEN : BarStamp.CLOSE,
                interval, zone, null, s.lenient());
        return new CsvBarReader(format).read(file, symbol);
    }
}
