package dev.horizon.adapters.data.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.application.contract.MarketDataPortContract;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay feed against the market-data contract, read from a CSV, plus its own rules. */
class ReplayFeedTest extends MarketDataPortContract {

    private static final Symbol AAA = new Symbol("AAA");
    private static final Symbol BBB = new Symbol("BBB");
    private static final Symbol CCC = new Symbol("CCC");
    private static final Instant START = Instant.parse("2024-03-04T10:00:00Z");

    @TempDir
    Path dir;

    /**
     * Three symbols with interleaved close times: AAA every minute, BBB every two minutes with
     * a gap at 10:06, CCC on the half minutes. Written to a CSV with a symbol column and read back.
     */
    @Override
    protected Fixture createFixture() throws Exception {
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        bars.put(AAA, List.of(bar(AAA, "10:01:00", 10.0, 10.5, 9.8, 10.2, 100),
                bar(AAA, "10:02:00", 10.2, 10.4, 10.1, 10.3, 110),
                bar(AAA, "10:03:00", 10.3, 10.3, 9.9, 10.0, 120),
                bar(AAA, "10:04:00", 10.0, 10.6, 10.0, 10.6, 130),
                bar(AAA, "10:05:00", 10.6, 10.7, 10.4, 10.5, 140),
                bar(AAA, "10:06:00", 10.5, 10.5, 10.2, 10.25, 150)));
        bars.put(BBB, List.of(bar(BBB, "10:02:00", 50.0, 51.0, 49.5, 50.5, 1000),
                bar(BBB, "10:04:00", 50.5, 50.75, 50.0, 50.25, 900),
                bar(BBB, "10:08:00", 50.25, 52.0, 50.25, 51.5, 800),
                bar(BBB, "10:10:00", 51.5, 51.5, 51.0, 51.0, 700)));
        bars.put(CCC, List.of(bar(CCC, "10:01:30", 200.0, 201.0, 199.0, 200.5, 5),
                bar(CCC, "10:03:30", 200.5, 200.5, 198.0, 198.5, 6),
                bar(CCC, "10:05:30", 198.5, 199.25, 198.0, 199.0, 7),
                bar(CCC, "10:07:30", 199.0, 199.5, 198.75, 199.5, 8)));
        List<Bar> rows = new ArrayList<>();
        bars.values().forEach(rows::addAll);
        rows.sort((a, b) -> a.closeTime().compareTo(b.closeTime()));
        StringBuilder csv = new StringBuilder("timestamp,symbol,open,high,low,close,volume\n");
        for (Bar bar : rows) {
            csv.append(bar.closeTime()).append(',').append(bar.symbol()).append(',').append(bar.open()).append(',')
                    .append(bar.high()).append(',').append(bar.low()).append(',').append(bar.close()).append(',')
                    .append(bar.volume()).append('\n');
        }
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, csv);

        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        CsvBars read = new CsvBarReader(CsvBarFormat.closeStamped()).read(file);
        return new Fixture(ReplayFeed.builder(clock).add(read).build(), clock, bars);
    }

    private static Bar bar(Symbol symbol, String time, double o, double h, double l, double c, double v) {
        return new Bar(symbol, Instant.parse("2024-03-04T" + time + "Z"), o, h, l, c, v);
    }

    @Test
    void quote_is_the_latest_close_plus_minus_half_the_spread_stamped_at_that_close() {
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock).spreadBps(10)
                .add(AAA, List.of(bar(AAA, "10:01:00", 100, 101, 99, 100, 1), bar(AAA, "10:02:00", 100, 101, 99, 101, 1)))
                .build();
        clock.set(Instant.parse("2024-03-04T10:01:59Z"));

        Quote quote = feed.latestQuotes(List.of(AAA)).get(AAA);

        // 10 bps of 100 is 0.10: half either side.
        assertThat(quote.bid()).isCloseTo(99.95, within(1e-12));
        assertThat(quote.ask()).isCloseTo(100.05, within(1e-12));
        assertThat(quote.time()).isEqualTo(Instant.parse("2024-03-04T10:01:00Z"));
        assertThat(quote.spreadBps()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void default_spread_is_two_bps() {
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock).add(AAA, List.of(bar(AAA, "10:01:00", 50, 50, 50, 50, 1))).build();
        clock.set(Instant.parse("2024-03-04T10:01:00Z"));

        assertThat(feed.spreadBps()).isEqualTo(2.0);
        assertThat(feed.latestQuotes(List.of(AAA)).get(AAA).spreadBps()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void adv_is_the_mean_volume_of_completed_session_days_before_today() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-03-01T00:00:00Z"), MarketCalendar.alwaysOpen());
        // Hourly bars; the one closing at midnight holds the last hour of the day before.
        List<Bar> bars = List.of(
                new Bar(AAA, Instant.parse("2024-03-01T12:00:00Z"), 10, 10, 10, 10, 100),
                new Bar(AAA, Instant.parse("2024-03-02T00:00:00Z"), 10, 10, 10, 10, 50), // day 1: 150
                new Bar(AAA, Instant.parse("2024-03-02T12:00:00Z"), 10, 10, 10, 10, 300), // day 2: 300
                new Bar(AAA, Instant.parse("2024-03-03T12:00:00Z"), 10, 10, 10, 10, 600), // day 3: 600
                new Bar(AAA, Instant.parse("2024-03-04T12:00:00Z"), 10, 10, 10, 10, 999)); // day 4
        ReplayFeed feed = ReplayFeed.builder(clock).advDays(2).add(AAA, bars).build();

        clock.set(Instant.parse("2024-03-01T23:59:59Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).as("no completed day yet").isEmpty();
        clock.set(Instant.parse("2024-03-02T00:00:00Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, 150.0));
        clock.set(Instant.parse("2024-03-03T06:00:00Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, 225.0));
        clock.set(Instant.parse("2024-03-04T13:00:00Z"));
        // Two most recent completed days (2 and 3); day 4's bar has closed but its day has not.
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, 450.0));
        clock.set(Instant.parse("2024-03-09T00:00:00Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, (600.0 + 999.0) / 2));
    }

    @Test
    void adv_uses_the_session_days_of_the_clock_calendar() {
        // 16:00 New York is 21:00Z in winter: still the same New York day.
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-01T00:00:00Z"), MarketCalendar.usEquities(Set.of()));
        List<Bar> bars = List.of(
                new Bar(AAA, Instant.parse("2024-01-02T21:00:00Z"), 10, 10, 10, 10, 1000),
                new Bar(AAA, Instant.parse("2024-01-03T21:00:00Z"), 10, 10, 10, 10, 3000));
        ReplayFeed feed = ReplayFeed.builder(clock).add(AAA, bars).build();

        clock.set(Instant.parse("2024-01-03T04:59:59Z")); // 23:59:59 on Jan 2 in New York
        assertThat(feed.averageDailyVolume(List.of(AAA))).isEmpty();
        clock.set(Instant.parse("2024-01-03T14:31:00Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, 1000.0));
        clock.set(Instant.parse("2024-01-04T14:31:00Z"));
        assertThat(feed.averageDailyVolume(List.of(AAA))).containsExactly(Map.entry(AAA, 2000.0));
    }

    @Test
    void bar_answers_are_views_of_the_history_not_copies() {
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        List<Bar> bars = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            bars.add(new Bar(AAA, START.plusSeconds(60L * i), 10, 11, 9, 10, i));
        }
        ReplayFeed feed = ReplayFeed.builder(clock).add(AAA, bars).build();
        clock.set(START.plusSeconds(60L * 700));

        List<Bar> latest = feed.latestBars(List.of(AAA), 50).get(AAA);

        assertThat(latest).hasSize(50);
        assertThat(latest.get(0)).isSameAs(feed.history(AAA).get(650));
        assertThat(latest.get(49)).isSameAs(feed.history(AAA).get(699));
        assertThatThrownBy(() -> latest.set(0, bars.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void latest_bars_refuses_a_non_positive_count() {
        ReplayFeed feed = ReplayFeed.builder(new SimulatedClock(START, MarketCalendar.alwaysOpen())).build();
        assertThatThrownBy(() -> feed.latestBars(List.of(AAA), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bar count must be positive, was 0");
    }

    @Test
    void builder_refuses_bars_out_of_order_and_a_symbol_added_twice() {
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        List<Bar> backwards = List.of(bar(AAA, "10:02:00", 10, 10, 10, 10, 1), bar(AAA, "10:01:00", 10, 10, 10, 10, 1));
        assertThatThrownBy(() -> ReplayFeed.builder(clock).add(AAA, backwards).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AAA bar closing at 2024-03-04T10:01:00Z does not follow the bar closing at 2024-03-04T10:02:00Z");
        List<Bar> one = List.of(bar(AAA, "10:01:00", 10, 10, 10, 10, 1));
        assertThatThrownBy(() -> ReplayFeed.builder(clock).add(AAA, one).add(AAA, one))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bars of AAA added twice");
        assertThatThrownBy(() -> ReplayFeed.builder(clock).add(BBB, one).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bar of AAA in the history of BBB");
    }

    @Test
    void close_times_are_the_distinct_closes_of_all_symbols_ascending() {
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock)
                .add(AAA, List.of(bar(AAA, "10:01:00", 10, 10, 10, 10, 1), bar(AAA, "10:03:00", 10, 10, 10, 10, 1)))
                .add(BBB, List.of(bar(BBB, "10:02:00", 10, 10, 10, 10, 1), bar(BBB, "10:03:00", 10, 10, 10, 10, 1)))
                .build();

        assertThat(feed.closeTimes()).containsExactly(Instant.parse("2024-03-04T10:01:00Z"),
                Instant.parse("2024-03-04T10:02:00Z"), Instant.parse("2024-03-04T10:03:00Z"));
        assertThat(feed.symbols()).containsExactly(AAA, BBB);
    }

    @Test
    void skipped_rows_of_lenient_reads_are_counted_by_the_feed() {
        String csv = """
                timestamp,open,high,low,close,volume
                2024-03-04T10:01:00Z,10,11,9,10,1
                2024-03-04T10:02:00Z,10,9,11,10,1
                2024-03-04T10:03:00Z,10,11,9,x,1
                2024-03-04T10:04:00Z,10,11,9,10,1
                """;
        CsvBars read = new CsvBarReader(CsvBarFormat.closeStamped().withLenient(true))
                .read(new StringReader(csv), "aaa.csv", AAA);
        ReplayFeed feed = ReplayFeed.builder(new SimulatedClock(START, MarketCalendar.alwaysOpen())).add(read).build();

        assertThat(feed.skippedRows()).isEqualTo(2);
        assertThat(feed.history(AAA)).hasSize(2);
    }

    @Test
    void a_large_replay_answers_as_of_now_for_every_symbol() {
        // 100 symbols × 20,000 bars, the backtest throughput shape: every answer is a lookup.
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        ReplayFeed.Builder builder = ReplayFeed.builder(clock);
        List<Symbol> universe = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            Symbol symbol = new Symbol("S" + s);
            universe.add(symbol);
            List<Bar> bars = new ArrayList<>(20_000);
            for (int i = 1; i <= 20_000; i++) {
                double price = 100 + s + i * 0.001;
                bars.add(new Bar(symbol, START.plusSeconds(60L * i), price, price, price, price, i));
            }
            builder.add(symbol, bars);
        }
        ReplayFeed feed = builder.build();
        int steps = 0;
        for (int i = 1; i <= 20_000; i += 997) {
            clock.set(START.plusSeconds(60L * i));
            Map<Symbol, List<Bar>> latest = feed.latestBars(universe, 300);
            assertThat(latest).hasSize(100);
            List<Bar> last = latest.get(universe.get(42));
            assertThat(last).hasSize(Math.min(i, 300));
            assertThat(last.get(last.size() - 1).closeTime()).isEqualTo(clock.now());
            assertThat(last.get(last.size() - 1).volume()).isEqualTo(i);
            steps++;
        }
        assertThat(steps).isEqualTo(21);
    }
}
