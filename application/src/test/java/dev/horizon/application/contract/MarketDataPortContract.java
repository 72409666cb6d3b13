package dev.horizon.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MarketDataPort} adapter owes the engine. An adapter's test extends
 * this class and implements {@link #createFixture()}; every test here then runs against it.
 *
 * <p>The fixture is the adapter set up over a small dataset the test knows, the
 * {@link SimulatedClock} the adapter reads, and the facts: every bar the adapter can serve, per
 * symbol. A replay feed is built from those bars (or from a CSV holding them); a simulated feed
 * reports the bars it generated; an HTTP adapter points at a {@code MockWebServer} whose
 * dispatcher serves those bars (answering only what closed by the clock's now when the API
 * cannot be told an end time). The contract then moves the clock forward and checks that the
 * answers are exactly the bars that had closed — never one from the future.
 *
 * <p>Pinned here: no look-ahead (bars close and quotes are stamped at or before now); unknown
 * symbols are absent, never mapped to {@code null} or an empty list; bars oldest first with
 * strictly increasing close times; {@code latestBars} returns the {@code count} most recent;
 * {@code barsBetween} covers {@code (from, to]} with {@code to} capped at now; many symbols are
 * answered in one call exactly as one at a time.
 */
public abstract class MarketDataPortContract {

    /** A ticker no fixture may contain: it must be absent from every answer. */
    protected static final Symbol UNKNOWN = new Symbol("NO.SUCH.SYMBOL");

    /**
     * The adapter under test and what it is known to hold.
     *
     * @param port  the adapter, reading time from {@code clock}
     * @param clock the clock the adapter reads; it must stand strictly before the first bar close
     *              of every symbol, and the contract moves it forward
     * @param bars  every bar the adapter can serve, per symbol, oldest first: at least two symbols
     *              with at least four bars each
     */
    public record Fixture(MarketDataPort port, SimulatedClock clock, Map<Symbol, List<Bar>> bars) {

        public Fixture {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(clock, "clock");
            Map<Symbol, List<Bar>> copy = new LinkedHashMap<>();
            bars.forEach((symbol, list) -> copy.put(symbol, List.copyOf(list)));
            bars = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Sets up the adapter over a known small dataset with a clock it reads. Called before every
     * test, so each test starts from a fresh adapter and a clock before the first bar.
     */
    protected abstract Fixture createFixture() throws Exception;

    private Fixture fixture;
    private MarketDataPort port;
    private SimulatedClock clock;
    private List<Symbol> symbols;

    @BeforeEach
    public final void setUpMarketDataPortContract() throws Exception {
        fixture = createFixture();
        port = fixture.port();
        clock = fixture.clock();
        symbols = List.copyOf(fixture.bars().keySet());
        assertThat(symbols).as("fixture symbols").hasSizeGreaterThanOrEqualTo(2).doesNotContain(UNKNOWN);
        fixture.bars().forEach((symbol, bars) -> {
            assertThat(bars).as("fixture bars of %s", symbol).hasSizeGreaterThanOrEqualTo(4);
            assertThat(bars).allSatisfy(bar -> assertThat(bar.symbol()).isEqualTo(symbol));
            assertThat(bars.get(0).closeTime()).as("clock must start before the first bar of %s", symbol)
                    .isAfter(clock.now());
            assertStrictlyIncreasing(symbol, bars);
        });
    }

    @Test
    public void before_the_first_bar_closes_every_symbol_is_absent() {
        assertThat(port.latestBars(symbols, 10)).isEmpty();
        assertThat(port.latestQuotes(symbols)).isEmpty();
        assertThat(port.barsBetween(symbols, Instant.EPOCH, lastClose())).isEmpty();
    }

    @Test
    public void no_bar_closing_after_now_is_ever_returned_as_the_clock_advances() {
        int count = maxBars() + 5;
        for (Instant now : checkpoints()) {
            clock.set(now);
            Map<Symbol, List<Bar>> latest = port.latestBars(symbols, count);
            assertWellFormed(latest, symbols);
            Map<Symbol, List<Bar>> between = port.barsBetween(symbols, Instant.EPOCH, lastClose().plusSeconds(86_400));
            assertWellFormed(between, symbols);
            for (Symbol symbol : symbols) {
                List<Bar> expected = closedBy(symbol, now);
                if (expected.isEmpty()) {
                    assertThat(latest).as("%s at %s", symbol, now).doesNotContainKey(symbol);
                    assertThat(between).as("%s at %s", symbol, now).doesNotContainKey(symbol);
                } else {
                    assertThat(latest.get(symbol)).as("latest bars of %s at %s", symbol, now).isEqualTo(expected);
                    assertThat(between.get(symbol)).as("bars between of %s at %s", symbol, now).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    public void quotes_are_never_stamped_after_now() {
        for (Instant now : checkpoints()) {
            clock.set(now);
            Map<Symbol, Quote> quotes = port.latestQuotes(symbols);
            assertThat(quotes.keySet()).isSubsetOf(symbols);
            quotes.forEach((symbol, quote) -> {
                assertThat(quote).as("quote of %s", symbol).isNotNull();
                assertThat(quote.symbol()).isEqualTo(symbol);
                assertThat(quote.time()).as("quote of %s at %s", symbol, now).isBeforeOrEqualTo(now);
            });
        }
    }

    @Test
    public void once_all_bars_have_closed_every_symbol_has_a_quote() {
        clock.set(lastClose());
        assertThat(port.latestQuotes(symbols)).containsOnlyKeys(symbols);
    }

    @Test
    public void unknown_symbol_is_absent_from_every_answer() {
        clock.set(lastClose());
        List<Symbol> request = withUnknown(symbols);
        assertThat(port.latestQuotes(request)).doesNotContainKey(UNKNOWN).containsOnlyKeys(symbols);
        assertThat(port.latestBars(request, 3)).doesNotContainKey(UNKNOWN).containsOnlyKeys(symbols);
        assertThat(port.barsBetween(request, Instant.EPOCH, lastClose())).doesNotContainKey(UNKNOWN)
                .containsOnlyKeys(symbols);
        assertThat(port.averageDailyVolume(request)).doesNotContainKey(UNKNOWN);
        assertThat(port.latestQuotes(List.of(UNKNOWN))).isEmpty();
        assertThat(port.latestBars(List.of(UNKNOWN), 3)).isEmpty();
        assertThat(port.barsBetween(List.of(UNKNOWN), Instant.EPOCH, lastClose())).isEmpty();
        assertThat(port.averageDailyVolume(List.of(UNKNOWN))).isEmpty();
    }

    @Test
    public void bars_are_oldest_first_with_strictly_increasing_close_times() {
        clock.set(lastClose());
        Map<Symbol, List<Bar>> latest = port.latestBars(symbols, maxBars());
        assertWellFormed(latest, symbols);
        latest.forEach(MarketDataPortContract::assertStrictlyIncreasing);
        Map<Symbol, List<Bar>> between = port.barsBetween(symbols, Instant.EPOCH, lastClose());
        between.forEach(MarketDataPortContract::assertStrictlyIncreasing);
    }

    @Test
    public void latest_bars_returns_the_count_most_recent_closed_bars() {
        Symbol symbol = symbols.get(0);
        List<Bar> all = fixture.bars().get(symbol);
        Instant now = all.get(all.size() - 2).closeTime();
        clock.set(now);
        List<Bar> closed = closedBy(symbol, now);
        for (int count : new int[] {1, 2, closed.size() - 1, closed.size(), closed.size() + 10}) {
            List<Bar> bars = port.latestBars(List.of(symbol), count).get(symbol);
            List<Bar> expected = closed.subList(Math.max(0, closed.size() - count), closed.size());
            assertThat(bars).as("latest %d bars of %s", count, symbol).isEqualTo(expected);
        }
    }

    @Test
    public void bars_between_excludes_from_and_includes_to() {
        clock.set(lastClose());
        Symbol symbol = symbols.get(0);
        List<Bar> all = fixture.bars().get(symbol);
        Map<Symbol, List<Bar>> answer = port.barsBetween(List.of(symbol), all.get(0).closeTime(), all.get(2).closeTime());
        assertThat(answer.get(symbol)).isEqualTo(all.subList(1, 3));
    }

    @Test
    public void bars_between_caps_to_at_now() {
        Symbol symbol = symbols.get(0);
        List<Bar> all = fixture.bars().get(symbol);
        Instant now = all.get(2).closeTime();
        clock.set(now);
        Map<Symbol, List<Bar>> answer = port.barsBetween(List.of(symbol), Instant.EPOCH, lastClose().plusSeconds(86_400));
        assertThat(answer.get(symbol)).isEqualTo(closedBy(symbol, now));
        assertThat(answer.get(symbol)).extracting(Bar::closeTime).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(now));
    }

    @Test
    public void bars_between_with_no_bar_in_the_range_leaves_the_symbol_out() {
        clock.set(lastClose());
        Symbol symbol = symbols.get(0);
        List<Bar> all = fixture.bars().get(symbol);
        Instant first = all.get(1).closeTime();
        Instant second = all.get(2).closeTime();
        assertThat(port.barsBetween(List.of(symbol), first, first)).as("empty range").isEmpty();
        assertThat(port.barsBetween(List.of(symbol), first, second.minusNanos(1))).as("range between two bars").isEmpty();
        assertThat(port.barsBetween(List.of(symbol), second, first)).as("reversed range").isEmpty();
        assertThat(port.barsBetween(List.of(symbol), lastClose(), lastClose().plusSeconds(60))).as("after the last bar")
                .isEmpty();
    }

    @Test
    public void many_symbols_in_one_call_answer_as_one_at_a_time() {
        clock.set(middle());
        List<Symbol> request = withUnknown(symbols);
        Map<Symbol, Quote> quotes = port.latestQuotes(request);
        Map<Symbol, List<Bar>> latest = port.latestBars(request, 3);
        Map<Symbol, List<Bar>> between = port.barsBetween(request, Instant.EPOCH, lastClose());
        Map<Symbol, Double> adv = port.averageDailyVolume(request);
        for (Symbol symbol : request) {
            List<Symbol> one = List.of(symbol);
            assertThat(quotes.get(symbol)).as("quote of %s", symbol).isEqualTo(port.latestQuotes(one).get(symbol));
            assertThat(latest.get(symbol)).as("latest bars of %s", symbol).isEqualTo(port.latestBars(one, 3).get(symbol));
            assertThat(between.get(symbol)).as("bars between of %s", symbol)
                    .isEqualTo(port.barsBetween(one, Instant.EPOCH, lastClose()).get(symbol));
            assertThat(adv.get(symbol)).as("ADV of %s", symbol).isEqualTo(port.averageDailyVolume(one).get(symbol));
        }
    }

    @Test
    public void a_symbol_asked_for_twice_is_answered_once() {
        clock.set(lastClose());
        List<Symbol> twice = new ArrayList<>(symbols);
        twice.addAll(symbols);
        assertThat(port.latestBars(twice, 2)).containsOnlyKeys(symbols).isEqualTo(port.latestBars(symbols, 2));
        assertThat(port.latestQuotes(twice)).isEqualTo(port.latestQuotes(symbols));
    }

    @Test
    public void an_empty_request_gets_an_empty_answer() {
        clock.set(lastClose());
        assertThat(port.latestQuotes(List.of())).isEmpty();
        assertThat(port.latestBars(List.of(), 5)).isEmpty();
        assertThat(port.barsBetween(List.of(), Instant.EPOCH, lastClose())).isEmpty();
        assertThat(port.averageDailyVolume(List.of())).isEmpty();
    }

    @Test
    public void average_daily_volume_is_finite_and_non_negative_for_known_symbols_only() {
        for (Instant now : List.of(middle(), lastClose())) {
            clock.set(now);
            Map<Symbol, Double> adv = port.averageDailyVolume(withUnknown(symbols));
            assertThat(adv.keySet()).isSubsetOf(symbols);
            adv.forEach((symbol, value) -> assertThat(value).as("ADV of %s", symbol).isNotNull().isFinite()
                    .isGreaterThanOrEqualTo(0.0));
        }
    }

    @Test
    public void changing_an_answer_does_not_change_the_source() {
        clock.set(lastClose());
        Symbol symbol = symbols.get(0);
        List<Bar> expected = fixture.bars().get(symbol);
        try {
            port.latestBars(List.of(symbol), maxBars()).get(symbol).clear();
        } catch (UnsupportedOperationException readOnly) {
            // a read-only answer is the simplest way to keep the source intact
        }
        assertThat(port.latestBars(List.of(symbol), maxBars()).get(symbol)).isEqualTo(expected);
    }

    // ---- helpers ----

    /** The fixture's bars of {@code symbol} that closed at or before {@code now}. */
    protected final List<Bar> closedBy(Symbol symbol, Instant now) {
        List<Bar> closed = new ArrayList<>();
        for (Bar bar : fixture.bars().get(symbol)) {
            if (!bar.closeTime().isAfter(now)) {
                closed.add(bar);
            }
        }
        return closed;
    }

    private int maxBars() {
        return fixture.bars().values().stream().mapToInt(List::size).max().orElseThrow();
    }

    private Instant lastClose() {
        return fixture.bars().values().stream().map(bars -> bars.get(bars.size() - 1).closeTime())
                .max(Instant::compareTo).orElseThrow();
    }

    /** A bar close in the middle of the data, so some bars have closed and some have not. */
    private Instant middle() {
        List<Instant> times = List.copyOf(allCloseTimes());
        return times.get(times.size() / 2);
    }

    private TreeSet<Instant> allCloseTimes() {
        TreeSet<Instant> times = new TreeSet<>();
        fixture.bars().values().forEach(bars -> bars.forEach(bar -> times.add(bar.closeTime())));
        return times;
    }

    /**
     * Every close time, one nanosecond before each, and the midpoint between consecutive ones:
     * the instants where look-ahead would show.
     */
    private List<Instant> checkpoints() {
        TreeSet<Instant> points = new TreeSet<>();
        Instant previous = null;
        for (Instant t : allCloseTimes()) {
            if (t.minusNanos(1).isAfter(clock.now())) {
                points.add(t.minusNanos(1));
            }
            points.add(t);
            if (previous != null) {
                points.add(previous.plus(Duration.between(previous, t).dividedBy(2)));
            }
            previous = t;
        }
        points.add(previous.plusSeconds(3600));
        return List.copyOf(points);
    }

    private static List<Symbol> withUnknown(Collection<Symbol> symbols) {
        List<Symbol> request = new ArrayList<>(symbols);
        request.add(1, UNKNOWN);
        return request;
    }

    private static void assertWellFormed(Map<Symbol, List<Bar>> answer, Collection<Symbol> requested) {
        assertThat(answer.keySet()).isSubsetOf(requested);
        answer.forEach((symbol, bars) -> {
            assertThat(bars).as("bars of %s (absent, never null or empty)", symbol).isNotNull().isNotEmpty();
            assertThat(bars).allSatisfy(bar -> assertThat(bar.symbol()).isEqualTo(symbol));
        });
    }

    private static void assertStrictlyIncreasing(Symbol symbol, List<Bar> bars) {
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).closeTime()).as("bar %d of %s closes after bar %d", i, symbol, i - 1)
                    .isAfter(bars.get(i - 1).closeTime());
        }
    }
}
