package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VolatilityTest {

    /** 11 closes → 10 log returns, the fewest accepted. */
    private static final double[] CLOSES = {100, 101, 99.5, 100.2, 102, 101.1, 100.4, 103, 102.2, 101.9, 104};
    /** Sample std of their log returns, computed in exact decimal arithmetic. */
    private static final double SIGMA = 0.014147089700693716;

    private final Volatility volatility = Volatility.withDefaultLookback();

    private static BarSeries series(double[] closes, int capacity) {
        Symbol s = Symbol.of("VOL");
        BarSeries series = new BarSeries(s, capacity);
        Instant t0 = Instant.parse("2024-03-01T15:00:00Z");
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            series.add(new Bar(s, t0.plusSeconds(300L * i), c, c, c, c, 1000));
        }
        return series;
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-12 * Math.abs(expected));
    }

    @Test
    void sigma_bar_is_the_sample_std_of_log_returns() {
        VolatilityEstimate e = volatility.estimate(CLOSES, CLOSES.length);
        assertThat(e.isValid()).isTrue();
        assertThat(e.refusal()).isNull();
        assertRelative(e.sigmaBar(), SIGMA);
        assertRelative(volatility.estimate(series(CLOSES, 100)).sigmaBar(), SIGMA);
    }

    @Test
    void sigma_h_and_sigma_day_scale_by_the_square_root_of_time() {
        VolatilityEstimate e = volatility.estimate(CLOSES, CLOSES.length);
        // 5-minute bars: 15m horizon = 3 bars; US session 390 minutes on 1-minute bars
        assertRelative(e.sigmaHorizon(15, 5), 0.024503478140835897);
        assertRelative(e.sigmaDay(390, 1), 0.27938263605635005);
        assertThat(e.sigmaHorizon(5, 5)).isEqualTo(e.sigmaBar());
        assertThat(Volatility.scale(0.01, 60, 15)).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void fewer_than_10_returns_is_refused_as_insufficient_history_fix() {
        double[] nine = Arrays.copyOf(CLOSES, 10);
        VolatilityEstimate e = volatility.estimate(nine, nine.length);
        assertThat(e.isValid()).isFalse();
        assertThat(e.refusal()).isEqualTo("insufficient_history");
        assertThat(e.sigmaBar()).isNaN();
        assertThat(volatility.estimate(series(nine, 50)).refusal()).isEqualTo(Volatility.INSUFFICIENT_HISTORY);
        assertThat(volatility.estimate(new double[0], 0).refusal()).isEqualTo(Volatility.INSUFFICIENT_HISTORY);
        assertThat(volatility.estimate(series(new double[] {5}, 5)).refusal()).isEqualTo(Volatility.INSUFFICIENT_HISTORY);
    }

    @Test
    void zero_sigma_is_refused_as_invalid_volatility_fix() {
        double[] flat = new double[30];
        Arrays.fill(flat, 42.0);
        assertThat(volatility.estimate(flat, 30).refusal()).isEqualTo("invalid_volatility");
        assertThat(volatility.estimate(series(flat, 30)).refusal()).isEqualTo(Volatility.INVALID_VOLATILITY);
        // a constant growth rate is also zero variance
        double[] geometric = new double[20];
        for (int i = 0; i < geometric.length; i++) {
            geometric[i] = Math.pow(2, i);
        }
        assertThat(volatility.estimate(geometric, 20).refusal()).isEqualTo(Volatility.INVALID_VOLATILITY);
    }

    @Test
    void non_finite_sigma_is_refused_as_invalid_volatility() {
        double[] bad = CLOSES.clone();
        bad[4] = 0.0;
        assertThat(volatility.estimate(bad, bad.length).refusal()).isEqualTo(Volatility.INVALID_VOLATILITY);
        bad[4] = Double.NaN;
        assertThat(volatility.estimate(bad, bad.length).refusal()).isEqualTo(Volatility.INVALID_VOLATILITY);
        bad[4] = -3;
        assertThat(volatility.estimate(bad, bad.length).refusal()).isEqualTo(Volatility.INVALID_VOLATILITY);
    }

    @Test
    void a_refused_estimate_never_yields_a_sigma() {
        VolatilityEstimate refused = volatility.estimate(new double[] {1, 2}, 2);
        assertThatThrownBy(() -> refused.sigmaHorizon(15, 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("insufficient_history");
        assertThatThrownBy(() -> refused.sigmaDay(390, 5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new VolatilityEstimate(0.01, "invalid_volatility"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolatilityEstimate.of(0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uses_only_the_last_lookback_returns() {
        // 100 closes: wild at the start, calm at the end; only the last 61 closes may count
        double[] closes = new double[100];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = i < 39 ? (i % 2 == 0 ? 50 : 150) : 100 + (i % 3);
        }
        double[] last61 = Arrays.copyOfRange(closes, 39, 100);
        double expected = sampleStdOfLogReturns(last61);
        assertRelative(volatility.estimate(closes, 100).sigmaBar(), expected);
        assertRelative(volatility.estimate(series(closes, 300)).sigmaBar(), expected);
        // a ring that has wrapped holds only the newest 70 closes: same window, same σ
        assertRelative(volatility.estimate(series(closes, 70)).sigmaBar(), expected);
        // with 20 returns the window shrinks accordingly
        Volatility short20 = new Volatility(20);
        assertRelative(short20.estimate(closes, 100).sigmaBar(),
                sampleStdOfLogReturns(Arrays.copyOfRange(closes, 79, 100)));
    }

    @Test
    void series_with_cached_log_returns_gives_the_arrays_sigma_to_the_bit_across_ring_wraps() {
        java.util.Random random = new java.util.Random(42);
        for (int capacity : new int[] {11, 12, 30, 61, 62, 300}) {
            Symbol s = Symbol.of("VOL");
            BarSeries series = new BarSeries(s, capacity);
            double[] closes = new double[500];
            Instant t = Instant.parse("2024-03-01T15:00:00Z");
            double price = 50 + 100 * random.nextDouble();
            for (int i = 0; i < closes.length; i++) {
                price = random.nextInt(10) == 0 ? price : price * Math.exp(0.002 * random.nextGaussian());
                closes[i] = price;
                t = t.plusSeconds(60L * (1 + random.nextInt(3)));
                series.add(new Bar(s, t, price, price, price, price, 1000));
                int held = Math.min(i + 1, capacity);
                VolatilityEstimate expected = volatility.estimate(
                        Arrays.copyOfRange(closes, i + 1 - held, i + 1), held);
                VolatilityEstimate actual = volatility.estimate(series);
                assertThat(actual.isValid()).as("capacity %d, bar %d", capacity, i).isEqualTo(expected.isValid());
                if (expected.isValid()) {
                    assertThat(actual.sigmaBar()).as("capacity %d, bar %d", capacity, i)
                            .isEqualTo(expected.sigmaBar());
                } else {
                    assertThat(actual.refusal()).isEqualTo(expected.refusal());
                }
            }
        }
    }

    @Test
    void lookback_below_the_minimum_is_a_config_error() {
        assertThatThrownBy(() -> new Volatility(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine.vol_lookback");
        assertThat(new Volatility(10).lookback()).isEqualTo(10);
    }

    private static double sampleStdOfLogReturns(double[] closes) {
        int n = closes.length - 1;
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(closes[i + 1] / closes[i]);
            mean += r[i];
        }
        mean /= n;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }
}
