package dev.horizon.adapters.data.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.application.contract.MarketDataPortContract;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated feed against the market-data contract, plus its generator's rules. */
class SimulatedFeedTest extends MarketDataPortContract {

    private static final Instant FIRST_CLOSE = Instant.parse("2024-01-02T14:31:00Z");
    private static final List<Symbol> UNIVERSE = List.of(new Symbol("AAA"), new Symbol("BBB"), new Symbol("CCC"));

    private static SimulatedClock clock() {
        return new SimulatedClock(FIRST_CLOSE.minusSeconds(60), MarketCalendar.alwaysOpen());
    }

    @Override
    protected Fixture createFixture() {
        SimulatedClock clock = clock();
        SimulatedFeed feed = SimulatedFeed.builder(clock).seed(7).symbols(UNIVERSE).firstClose(FIRST_CLOSE)
                .interval(Duration.ofMinutes(1)).bars(12).build();
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        UNIVERSE.forEach(symbol -> bars.put(symbol, feed.history(symbol)));
        return new Fixture(feed, clock, bars);
    }

    private static SimulatedFeed.Builder gbm(long seed) {
        return SimulatedFeed.builder(clock()).seed(seed).symbols(UNIVERSE).firstClose(FIRST_CLOSE).bars(50)
                .volatilityPerBar(0.01);
    }

    @Test
    void the_same_seed_gives_the_same_bars() {
        SimulatedFeed one = gbm(42).build();
        SimulatedFeed two = gbm(42).build();

        for (Symbol symbol : UNIVERSE) {
            assertThat(one.history(symbol)).hasSize(50).isEqualTo(two.history(symbol));
        }
    }

    @Test
    void different_seeds_and_different_symbols_give_different_paths() {
        SimulatedFeed one = gbm(42).build();
        SimulatedFeed other = gbm(43).build();

        assertThat(one.history(UNIVERSE.get(0))).isNotEqualTo(other.history(UNIVERSE.get(0)));
        assertThat(one.history(UNIVERSE.get(0))).extracting(Bar::close)
                .isNotEqualTo(one.history(UNIVERSE.get(1)).stream().map(Bar::close).toList());
    }

    @Test
    void a_symbols_path_does_not_depend_on_the_rest_of_the_universe() {
        SimulatedFeed three = gbm(42).build();
        SimulatedFeed alone = gbm(42).symbols(List.of(UNIVERSE.get(2))).build();

        assertThat(alone.history(UNIVERSE.get(2))).isEqualTo(three.history(UNIVERSE.get(2)));
    }

    @Test
    void bars_chain_open_to_previous_close_on_a_regular_grid() {
        SimulatedFeed feed = gbm(5).startPrice(250).interval(Duration.ofMinutes(5)).build();
        List<Bar> bars = feed.history(UNIVERSE.get(0));

        assertThat(bars.get(0).open()).isEqualTo(250.0);
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).open()).isEqualTo(bars.get(i - 1).close());
            assertThat(bars.get(i).closeTime()).isEqualTo(FIRST_CLOSE.plus(Duration.ofMinutes(5L * i)));
        }
        assertThat(feed.closeTimes()).hasSize(50).first().isEqualTo(FIRST_CLOSE);
    }

    @Test
    void log_returns_have_the_gbm_mean_and_volatility() {
        // One long path: mean of log returns → μ − σ²/2, their standard deviation → σ.
        double mu = 0.0005;
        double sigma = 0.01;
        SimulatedFeed feed = SimulatedFeed.builder(clock()).seed(2024).symbols(List.of(UNIVERSE.get(0)))
                .firstClose(FIRST_CLOSE).bars(200_000).driftPerBar(mu).volatilityPerBar(sigma).build();
        List<Bar> bars = feed.history(UNIVERSE.get(0));

        double sum = 0;
        double sumSq = 0;
        for (Bar bar : bars) {
            double r = Math.log(bar.close() / bar.open());
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / bars.size();
        double sd = Math.sqrt(sumSq / bars.size() - mean * mean);
        // Standard error of the mean is σ/√n ≈ 2.2e-5; allow five of them.
        assertThat(mean).isCloseTo(mu - sigma * sigma / 2, within(1.2e-4));
        assertThat(sd).isCloseTo(sigma, within(sigma * 0.01));
    }

    @Test
    void zero_volatility_with_zero_drift_is_a_flat_line() {
        SimulatedFeed feed = gbm(1).volatilityPerBar(0).startPrice(42).build();

        assertThat(feed.history(UNIVERSE.get(1))).allSatisfy(bar -> {
            assertThat(bar.open()).isEqualTo(42.0);
            assertThat(bar.high()).isEqualTo(42.0);
            assertThat(bar.low()).isEqualTo(42.0);
            assertThat(bar.close()).isEqualTo(42.0);
        });
    }

    @Test
    void quotes_straddle_the_last_close_by_the_spread() {
        SimulatedClock clock = clock();
        SimulatedFeed feed = SimulatedFeed.builder(clock).symbols(UNIVERSE).firstClose(FIRST_CLOSE).bars(10)
                .spreadBps(8).build();
        clock.set(FIRST_CLOSE.plusSeconds(60 * 4 + 30));

        Quote quote = feed.latestQuotes(List.of(UNIVERSE.get(0))).get(UNIVERSE.get(0));
        Bar fifth = feed.history(UNIVERSE.get(0)).get(4);

        assertThat(quote.time()).isEqualTo(fifth.closeTime());
        assertThat(quote.mid()).isCloseTo(fifth.close(), within(1e-9));
        assertThat(quote.spreadBps()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void adv_averages_the_completed_days_of_simulated_volume() {
        // Hourly bars for three days; the clock on day 3 sees days 1 and 2.
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-01T00:00:00Z"), MarketCalendar.alwaysOpen());
        SimulatedFeed feed = SimulatedFeed.builder(clock).symbols(List.of(UNIVERSE.get(0)))
                .firstClose(Instant.parse("2024-01-01T01:00:00Z")).interval(Duration.ofHours(1)).bars(72)
                .meanVolume(1000).build();
        clock.set(Instant.parse("2024-01-03T12:00:00Z"));

        double firstTwoDays = feed.history(UNIVERSE.get(0)).subList(0, 48).stream().mapToDouble(Bar::volume).sum();
        assertThat(feed.averageDailyVolume(List.of(UNIVERSE.get(0))).get(UNIVERSE.get(0)))
                .isCloseTo(firstTwoDays / 2, within(1e-6));
        // Log-normal volume around its mean: 24 hourly bars of mean 1000 make about 24,000 a day.
        assertThat(firstTwoDays / 2).isBetween(15_000.0, 33_000.0);
    }

    @Test
    void five_hundred_symbols_by_three_hundred_bars_are_generated_and_served() {
        SimulatedClock clock = clock();
        List<Symbol> universe = SimulatedFeed.syntheticSymbols(500);
        SimulatedFeed feed = SimulatedFeed.builder(clock).symbols(universe).firstClose(FIRST_CLOSE).bars(320).build();
        clock.set(FIRST_CLOSE.plus(Duration.ofMinutes(319)));

        Map<Symbol, List<Bar>> latest = feed.latestBars(universe, 300);

        assertThat(universe).hasSize(500).doesNotHaveDuplicates().startsWith(new Symbol("S0001")).endsWith(new Symbol("S0500"));
        assertThat(latest).hasSize(500);
        assertThat(latest.values()).allSatisfy(bars -> assertThat(bars).hasSize(300));
        assertThat(feed.latestQuotes(universe)).hasSize(500);
    }

    @Test
    void a_universe_too_large_to_hold_is_refused() {
        assertThatThrownBy(() -> SimulatedFeed.builder(clock()).symbols(SimulatedFeed.syntheticSymbols(1000))
                .bars(10_000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1000 symbols × 10000 bars = 10000000 simulated bars, more than the 5000000 held in memory; "
                        + "use fewer of either");
    }
}
