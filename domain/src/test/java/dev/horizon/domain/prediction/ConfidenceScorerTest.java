package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.horizon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Horizon;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfidenceScorerTest {

    private static final Instant T = Instant.parse("2024-03-05T15:00:00Z");
    private final ConfidenceScorer scorer = ConfidenceScorer.of(PredictionSettings.defaults());

    @Test
    void freshness_tau_per_horizon() {
        assertThat(ConfidenceScorer.tauSeconds(horizon("5m"))).isEqualTo(150.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("10m"))).isEqualTo(300.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("15m"))).isEqualTo(450.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("30m"))).isEqualTo(900.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("60m"))).isEqualTo(1800.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("1d"))).isEqualTo(7200.0);
        // 1d is a session, whatever its length: 24/7 crypto too
        assertThat(ConfidenceScorer.tauSeconds(Horizon.parse("1d", 1440))).isEqualTo(7200.0);
        // other horizons: 30 s per minute
        assertThat(ConfidenceScorer.tauSeconds(horizon("1h"))).isEqualTo(1800.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("2h"))).isEqualTo(3600.0);
        assertThat(ConfidenceScorer.tauSeconds(horizon("3m"))).isEqualTo(90.0);
    }

    @Test
    void freshness_decays_with_the_age_of_the_last_bar() {
        assertThat(ConfidenceScorer.freshness(horizon("5m"), T, T)).isEqualTo(1.0);
        assertThat(ConfidenceScorer.freshness(horizon("5m"), T, T.minusSeconds(150))).isEqualTo(Math.exp(-1.0));
        assertThat(ConfidenceScorer.freshness(horizon("1d"), T, T.minusSeconds(3600))).isEqualTo(Math.exp(-0.5));
    }

    @Test
    void freshness_negative_delta_counts_as_zero() {
        assertThat(ConfidenceScorer.freshness(horizon("5m"), T, T.plusSeconds(30))).isEqualTo(1.0);
    }

    @Test
    void freshness_batch_over_the_universe_and_missing_bar_gives_zero() {
        long t = T.toEpochMilli();
        double[] out = new double[3];
        scorer.freshness(horizon("10m"), t, new long[] {t - 300_000, t + 5_000, Long.MIN_VALUE}, 3, out);
        assertThat(out).containsExactly(Math.exp(-1.0), 1.0, 0.0);
    }

    @Test
    void capacity_is_kappa_adv_over_planned_capped_at_one() {
        // κ · ADV / planned = 0.1 · 1e6 / 5e5
        assertThat(scorer.capacity(1e6, 5e5)).isEqualTo(0.2);
        assertThat(scorer.capacity(1e9, 5e5)).isEqualTo(1.0);
        assertThat(new ConfidenceScorer(0.5).capacity(1e6, 1e6)).isEqualTo(0.5);
    }

    @Test
    void capacity_unknown_adv_gives_one() {
        assertThat(scorer.capacity(Double.NaN, 5e5)).isEqualTo(1.0);
        assertThat(scorer.capacity(0.0, 5e5)).isEqualTo(0.0);
        assertThat(scorer.capacity(1e3, 0.0)).isEqualTo(1.0);
        double[] out = new double[2];
        scorer.capacity(new double[] {Double.NaN, 2e6}, 2, 1e6, out);
        assertThat(out).containsExactly(1.0, 0.2);
    }

    @Test
    void confidence_is_the_product_and_calibrated_score_is_s_times_c() {
        double[] freshness = {0.5, 1.0, 0.25};   // universe-indexed
        double[] capacity = {1.0, 0.5, 1.0};
        int[] symbols = {2, 0};                    // the batch: universe symbols 2 and 0
        double[] scores = {2.0, -1.0};
        double[] c = new double[2];
        double[] calibrated = new double[2];

        scorer.score(new ModelQuality(0.08, 0.5), freshness, capacity, symbols, scores, 2, c, calibrated);

        assertThat(c[0]).isEqualTo(0.08 * 0.25 * 1.0 * 0.5);
        assertThat(c[1]).isEqualTo(0.08 * 0.5 * 1.0 * 0.5);
        assertThat(calibrated).containsExactly(2.0 * c[0], -1.0 * c[1]);
        assertThat(ConfidenceScorer.confidence(0.08, 0.25, 1.0, 0.5)).isEqualTo(c[0]);
    }

    @Test
    void negative_ic_gives_zero_confidence() {
        double[] c = new double[1];
        double[] calibrated = new double[1];
        scorer.score(new ModelQuality(-0.03, 1.0), new double[] {1.0}, new double[] {1.0}, new int[] {0},
                new double[] {2.5}, 1, c, calibrated);
        assertThat(c[0]).isZero();
        assertThat(calibrated[0]).isZero();
    }
}
