package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The incremental path (a {@link BarWindow} kept in step with its series) gives exactly — to the
 * bit, NaN where NaN — what recomputing from the series' window gives, for every feature and every
 * sequence normalisation: over random series with gaps in time, bursts of several bars per cycle
 * and bursts longer than the ring, short histories (the NaN rules), rings shorter than the 52-week
 * window, ties and plateaus (prices on a tick grid) and zero volumes.
 */
class BarWindowPropertiesTest {

    private static final Symbol SYMBOL = Symbol.of("PROP");
    private static final int[] CAPACITIES = {1, 2, 13, 20, 21, 33, 61, 252, 253, 300};

    @Property(tries = 150)
    void incremental_features_equal_recompute_from_the_window(@ForAll long seed) {
        Random random = new Random(seed);
        int capacity = CAPACITIES[random.nextInt(CAPACITIES.length)];
        Market market = new Market(random);
        BarSeries series = new BarSeries(SYMBOL, capacity);
        BarWindow window = new BarWindow(series);
        FeatureCalculator incremental = new FeatureCalculator();
        double[] actual = new double[FeatureLibrary.size()];
        double[] expected = new double[FeatureLibrary.size()];
        int steps = 50 + random.nextInt(500);
        for (int step = 0; step < steps; step++) {
            market.advance(series, capacity);
            incremental.compute(window, actual);
            new FeatureCalculator().compute(series, expected);
            assertThat(actual).as("capacity %d, step %d, %d bars held", capacity, step, series.size())
                    .containsExactly(expected);
        }
    }

    @Property(tries = 100)
    void incremental_sequence_windows_equal_the_series_windows_to_the_bit(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
        Random random = new Random(seed);
        int capacity = Math.max(length, CAPACITIES[random.nextInt(CAPACITIES.length)]);
        Market market = new Market(random);
        BarSeries series = new BarSeries(SYMBOL, capacity);
        BarWindow window = new BarWindow(series);
        List<SequenceChannel> channels = List.of(SequenceChannel.values());
        SequenceNormalization[] modes = SequenceNormalization.values();
        SequenceWindow[] fromWindow = new SequenceWindow[modes.length];
        SequenceWindow[] fromSeries = new SequenceWindow[modes.length];
        for (int m = 0; m < modes.length; m++) {
            fromWindow[m] = new SequenceWindow(length, channels, modes[m]);
            fromSeries[m] = new SequenceWindow(length, channels, modes[m]);
        }
        int width = fromWindow[0].width();
        float[] actual = new float[width + 3];
        float[] expected = new float[width + 3];
        int steps = 30 + random.nextInt(300);
        for (int step = 0; step < steps; step++) {
            market.advance(series, capacity);
            for (int m = 0; m < modes.length; m++) {
                boolean got = fromWindow[m].fill(window, actual, 3);
                boolean want = fromSeries[m].fill(series, expected, 3);
                assertThat(got).as("%s, step %d", modes[m], step).isEqualTo(want);
                if (want) {
                    for (int i = 3; i < width + 3; i++) {
                        assertThat(Float.floatToRawIntBits(actual[i]))
                                .as("%s, step %d, value %d: %s vs %s", modes[m], step, i, actual[i], expected[i])
                                .isEqualTo(Float.floatToRawIntBits(expected[i]));
                    }
                }
            }
        }
    }

    @Property(tries = 30)
    void log_returns_on_a_fine_tick_grid_equal_the_plain_logarithm(@ForAll long seed) {
        // Many values within a few ticks of the anchor: the closest to float rounding boundaries.
        Random random = new Random(seed);
        BarSeries series = new BarSeries(SYMBOL, 64);
        BarWindow window = new BarWindow(series);
        SequenceWindow incremental = SequenceWindow.of(64, SequenceWindow.DEFAULT_CHANNELS, "log_returns");
        SequenceWindow plain = SequenceWindow.of(64, SequenceWindow.DEFAULT_CHANNELS, "log_returns");
        float[] actual = new float[incremental.width()];
        float[] expected = new float[incremental.width()];
        Instant t = Instant.parse("2024-01-02T00:00:00Z");
        double price = 1 + random.nextInt(5000);
        for (int bar = 0; bar < 2000; bar++) {
            t = t.plusSeconds(60);
            double open = price;
            price = Math.max(0.0001, price + 0.0001 * (random.nextInt(7) - 3));
            double high = Math.max(open, price) + 0.0001 * random.nextInt(3);
            double low = Math.max(0.0001, Math.min(open, price) - 0.0001 * random.nextInt(3));
            series.add(new Bar(SYMBOL, t, open, high, low, price, 1000 + random.nextInt(3)));
            if (series.size() == 64) {
                assertThat(incremental.fill(window, actual, 0)).isTrue();
                assertThat(plain.fill(series, expected, 0)).isTrue();
                assertThat(actual).as("bar %d", bar).containsExactly(expected);
            }
        }
    }

    /** Random OHLCV bars with random gaps in time, bursts, tick-grid prices and zero volumes. */
    private static final class Market {
        private final Random random;
        private final boolean tickGrid;
        private final double zeroVolumeRate;
        private Instant time = Instant.parse("2024-01-02T00:00:00Z");
        private double price;

        Market(Random random) {
            this.random = random;
            this.tickGrid = random.nextBoolean();
            this.zeroVolumeRate = random.nextInt(4) * 0.1;
            this.price = 5 + 300 * random.nextDouble();
        }

        /** Adds the bars of one cycle: usually one, sometimes none, a few, or more than the ring holds. */
        void advance(BarSeries series, int capacity) {
            int roll = random.nextInt(100);
            int bars = roll < 75 ? 1 : roll < 85 ? 0 : roll < 97 ? 2 + random.nextInt(5) : capacity + random.nextInt(20);
            for (int i = 0; i < bars; i++) {
                series.add(next());
            }
        }

        private Bar next() {
            // gaps: mostly one minute, sometimes several (a halted symbol, a missing bar)
            time = time.plusSeconds(60L * (random.nextInt(10) < 8 ? 1 : 1 + random.nextInt(30)));
            double open = price;
            double move = random.nextInt(20) == 0 ? 0.0 : 0.004 * random.nextGaussian();
            price = round(price * Math.exp(move));
            double high = round(Math.max(open, price) * (1 + 0.002 * random.nextDouble()));
            double low = round(Math.min(open, price) * (1 - 0.002 * random.nextDouble()));
            double volume = random.nextDouble() < zeroVolumeRate ? 0.0 : Math.floor(1 + 5000 * random.nextDouble());
            return new Bar(SYMBOL, time, open, Math.max(high, Math.max(open, price)),
                    Math.min(low, Math.min(open, price)), price, volume);
        }

        private double round(double p) {
            return tickGrid ? Math.max(0.01, Math.round(p * 100) / 100.0) : p;
        }
    }
}
