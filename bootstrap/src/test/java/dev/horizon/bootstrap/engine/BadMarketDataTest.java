package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.TradeDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market-data half of the bad-input corpus (TARGETS.md): the engine never trades on a quote
 * it cannot trust nor on a bar that is not there; each case is a HOLD with its reason and the
 * journal holds no order. The models are eager buyers, so any trade would show.
 */
class BadMarketDataTest {

    @TempDir
    Path dir;

    private List<TradeDecision> run(UnaryOperator<Quote> quotes, int bars) {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .market(m -> new QuoteOverride(m, quotes)))) {
            h.engine.start();
            List<TradeDecision> decisions = new ArrayList<>();
            for (CycleResult r : h.run(bars)) {
                decisions.addAll(r.decisions());
            }
            assertThat(h.journal()).noneMatch(e -> e instanceof JournalEntry.OrderIntent);
            return decisions;
        }
    }

    private static Quote with(Quote q, double bid, double ask) {
        return new Quote(q.symbol(), bid, ask, q.bidSize(), q.askSize(), q.time());
    }

    @Test
    void a_nan_price_is_a_bad_quote() {
        assertThat(run(q -> with(q, Double.NaN, q.ask()), 40)).hasSize(40)
                .allMatch(d -> d.decision() == Decision.HOLD && d.reason().equals("bad_quote"));
    }

    @Test
    void a_zero_price_is_a_bad_quote() {
        assertThat(run(q -> with(q, 0.0, q.ask()), 40))
                .allMatch(d -> d.decision() == Decision.HOLD && d.reason().equals("bad_quote"));
    }

    @Test
    void a_negative_price_is_a_bad_quote() {
        assertThat(run(q -> with(q, -q.bid(), -q.ask()), 40))
                .allMatch(d -> d.decision() == Decision.HOLD && d.reason().equals("bad_quote"));
    }

    @Test
    void a_crossed_quote_is_a_bad_quote() {
        assertThat(run(QuoteOverride::crossed, 40))
                .allMatch(d -> d.decision() == Decision.HOLD && d.reason().equals("bad_quote"));
    }

    @Test
    void a_stale_quote_is_held() {
        assertThat(run(QuoteOverride::stale, 40))
                .allMatch(d -> d.decision() == Decision.HOLD && d.reason().equals("stale_quote"));
    }

    @Test
    void a_gap_in_the_bars_is_no_data_for_that_cycle() {
        Set<Instant> closes = new HashSet<>();
        EngineHarness.BITCOIN.forEach(b -> closes.add(b.closeTime()));
        Instant gap = null;
        for (Bar b : EngineHarness.BITCOIN) {
            Instant next = b.closeTime().plusSeconds(60);
            if (b.closeTime().isAfter(EngineHarness.HELD_OUT.plusSeconds(3600)) && !closes.contains(next)) {
                gap = next;
                break;
            }
        }
        assertThat(gap).as("the tape has a missing minute in the held-out days").isNotNull();
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .start(gap.minusSeconds(3600)))) {
            h.engine.start();
            h.clock.set(gap);
            CycleResult atGap = h.engine.runCycle(gap).orElseThrow();
            assertThat(atGap.decisions()).singleElement().satisfies(d -> {
                assertThat(d.decision()).isEqualTo(Decision.HOLD);
                assertThat(d.reason()).isEqualTo("no_data");
            });
            assertThat(atGap.orders()).isEmpty();
        }
    }
}
