package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The incremental path (a {@link BarWindow} kept in step with its series) gives exactly — to the
 * bit, NaN where NaN — what recomputing from the series' window gives, for every feature: over random series with gaps in time, bursts of several bars per cycle
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
