package dev.horizon.domain.features;

import java.util.Random;

/** Seeded geometric-Brownian-motion bars (valid OHLCV: low ≤ open, close ≤ high) for cross-checks. */
record RandomBars(double[] open, double[] high, double[] low, double[] close, double[] volume) {

    static RandomBars gbm(long seed, int n) {
        Random random = new Random(seed);
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = 20 + 200 * random.nextDouble();
        for (int i = 0; i < n; i++) {
            double open = price;
            price *= Math.exp(0.004 * random.nextGaussian());
            o[i] = open;
            c[i] = price;
            h[i] = Math.max(open, price) * (1 + 0.002 * random.nextDouble());
            l[i] = Math.min(open, price) * (1 - 0.002 * random.nextDouble());
            v[i] = Math.floor(1000 + 9000 * random.nextDouble());
        }
        return new RandomBars(o, h, l, c, v);
    }

    int size() {
        return close.length;
    }
}
