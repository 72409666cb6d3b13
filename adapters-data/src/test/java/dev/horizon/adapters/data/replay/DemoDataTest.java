package dev.horizon.adapters.data.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Facts about the bundled ta4j-examples data. The expected numbers were computed independently
 * of this code with awk over the unpacked CSVs, e.g. for the 1-minute BTC bars:
 * <pre>
 * awk -F, 'NR>1{m=int($1/60); if(m!=cur){if(n>0)print cur*60+60,o,h,l,c,v; cur=m;o=$2;h=$2;l=$2;v=0;n++}
 *          if($2>h)h=$2; if($2<l)l=$2; c=$2; v+=$3} END{print cur*60+60,o,h,l,c,v; print n}' bitstamp_...csv
 * </pre>
 * and per-UTC-day trade volume sums ({@code int($1/86400)}) for the ADV.
 */
class DemoDataTest {

    @Test
    void bitstamp_trades_make_9399_one_minute_bars_with_the_first_and_last_as_computed_by_awk() {
        CsvBars csv = DemoData.bitcoinMinuteBars();
        List<Bar> bars = csv.barsOf(DemoData.BTC_USD);

        assertThat(csv.skippedRows()).isZero();
        assertThat(csv.bars()).containsOnlyKeys(DemoData.BTC_USD);
        // 100,000 trades from 2013-11-25T00:00:00Z to 2013-12-01T16:02:05Z fill 9,399 of 9,603 minutes.
        assertThat(bars).hasSize(9399);
        Bar first = bars.get(0);
        assertThat(first.closeTime()).isEqualTo(Instant.parse("2013-11-25T00:01:00Z"));
        assertThat(first.open()).isEqualTo(800.01);
        assertThat(first.high()).isEqualTo(807.47);
        assertThat(first.low()).isEqualTo(800.01);
        assertThat(first.close()).isEqualTo(807.47);
        assertThat(first.volume()).isCloseTo(2.85664446, within(1e-9));
        Bar last = bars.get(bars.size() - 1);
        assertThat(last.closeTime()).isEqualTo(Instant.parse("2013-12-01T16:03:00Z"));
        assertThat(last.open()).isEqualTo(999.0);
        assertThat(last.high()).isEqualTo(999.0);
        assertThat(last.low()).isEqualTo(994.22);
        assertThat(last.close()).isEqualTo(999.0);
        assertThat(last.volume()).isCloseTo(1.37, within(1e-9));
    }

    @Test
    void bitstamp_trades_make_1917_five_minute_bars() {
        List<Bar> bars = DemoData.bitcoinBars(Duration.ofMinutes(5)).barsOf(DemoData.BTC_USD);

        assertThat(bars).hasSize(1917);
        assertThat(bars.get(0).closeTime()).isEqualTo(Instant.parse("2013-11-25T00:05:00Z"));
    }

    @Test
    void apple_2013_has_252_daily_bars_closing_at_four_pm_new_york() {
        CsvBars csv = DemoData.appleDailyBars();
        List<Bar> bars = csv.barsOf(DemoData.AAPL);

        assertThat(csv.skippedRows()).isZero();
        assertThat(bars).hasSize(252);
        // 2013-01-02,553.82,555.00,541.63,549.03,20018500 — 16:00 EST is 21:00Z.
        assertThat(bars.get(0)).isEqualTo(new Bar(DemoData.AAPL, Instant.parse("2013-01-02T21:00:00Z"),
                553.82, 555.00, 541.63, 549.03, 20_018_500));
        // 2013-07-01,402.69,412.27,401.22,409.22,13966200 (line 126) — 16:00 EDT is 20:00Z.
        assertThat(bars.get(124)).isEqualTo(new Bar(DemoData.AAPL, Instant.parse("2013-07-01T20:00:00Z"),
                402.69, 412.27, 401.22, 409.22, 13_966_200));
        // 2013-12-31,554.17,561.28,554.00,561.02,7967300
        assertThat(bars.get(251)).isEqualTo(new Bar(DemoData.AAPL, Instant.parse("2013-12-31T21:00:00Z"),
                554.17, 561.28, 554.00, 561.02, 7_967_300));
    }

    @Test
    void replaying_bitcoin_never_shows_a_bar_before_it_closes() {
        List<Bar> all = DemoData.bitcoinMinuteBars().barsOf(DemoData.BTC_USD);
        SimulatedClock clock = new SimulatedClock(Instant.parse("2013-11-25T00:00:00Z"), MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock).add(DemoData.bitcoinMinuteBars()).build();

        for (int i = 0; i < all.size(); i += 97) {
            Bar next = all.get(i);
            clock.set(next.closeTime().minusNanos(1));
            List<Bar> visible = feed.latestBars(List.of(DemoData.BTC_USD), 5).getOrDefault(DemoData.BTC_USD, List.of());
            assertThat(visible).doesNotContain(next);
            if (i > 0) {
                assertThat(visible.get(visible.size() - 1)).isEqualTo(all.get(i - 1));
            }
            clock.set(next.closeTime());
            List<Bar> now = feed.latestBars(List.of(DemoData.BTC_USD), 5).get(DemoData.BTC_USD);
            assertThat(now.get(now.size() - 1)).isEqualTo(next);
            assertThat(feed.latestQuotes(List.of(DemoData.BTC_USD)).get(DemoData.BTC_USD).time()).isEqualTo(next.closeTime());
        }
    }

    @Test
    void bitcoin_adv_is_the_mean_of_the_six_completed_utc_days() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2013-11-25T00:00:00Z"), MarketCalendar.alwaysOpen());
        ReplayFeed feed = ReplayFeed.builder(clock).add(DemoData.bitcoinMinuteBars()).build();
        clock.set(Instant.parse("2013-12-01T16:03:00Z"));

        // Daily BTC volumes (awk): 11-25 23042.05232527, 11-26 29793.02508816, 11-27 30325.52974397,
        // 11-28 36898.59364552, 11-29 21873.31334686, 11-30 12907.55909135; 12-01 is not complete.
        assertThat(feed.averageDailyVolume(List.of(DemoData.BTC_USD)).get(DemoData.BTC_USD))
                .isCloseTo(25806.678873521665, within(1e-6));
    }

    @Test
    void apple_adv_on_the_last_day_is_the_mean_volume_of_the_twenty_sessions_before() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2013-01-01T00:00:00Z"), MarketCalendar.usEquities(Set.of()));
        ReplayFeed feed = ReplayFeed.builder(clock).add(DemoData.appleDailyBars()).build();
        clock.set(Instant.parse("2013-12-31T21:00:00Z"));

        // awk: mean of the volume column over 2013-12-02 .. 2013-12-30 (lines 233-252) = 12204540.
        assertThat(feed.averageDailyVolume(List.of(DemoData.AAPL)).get(DemoData.AAPL)).isEqualTo(12_204_540.0);
        assertThat(feed.latestBars(List.of(DemoData.AAPL), 1).get(DemoData.AAPL).get(0).close()).isEqualTo(561.02);
    }
}
