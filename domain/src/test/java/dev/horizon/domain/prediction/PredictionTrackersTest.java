package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTrackersTest {

    private static final Instant START = Instant.parse("2024-03-05T15:00:00Z");
    private static final List<Symbol> UNIVERSE = List.of(Symbol.of("AAA"), Symbol.of("BBB"), Symbol.of("CCC"));
    private static final ModelSpec RIDGE = Fixtures.regression("ret_5m/Ridge", "5m", 0.05);
    private static final ModelSpec LASSO = Fixtures.regression("ret_15m/Lasso", "15m", Double.NaN);

    private static PredictionTrackers trackers(List<Symbol> universe) {
        return new PredictionTrackers(PredictionSettings.defaults(), universe, 1, MaturityRule.continuous(),
                List.of(RIDGE, LASSO));
    }

    /** Close of universe symbol {@code u} at minute {@code k}: a deterministic wiggle around 100. */
    private static double close(int u, int k) {
        return 100.0 * (1 + 0.01 * Math.sin(0.7 * k + 1.3 * u));
    }

    /** What the "model" predicts: partly right, partly noise. */
    private static double prediction(int u, int k) {
        return 0.004 * Math.sin(0.7 * (k + 5) + 1.3 * u) - 0.003 * Math.sin(0.7 * k + 1.3 * u) + 0.001 * Math.cos(3.1 * k * u);
    }

    /** Runs cycles [from, to) for every model and returns every standardized score and quality seen. */
    private static List<Double> runCycles(PredictionTrackers trackers, int from, int to) {
        int n = UNIVERSE.size();
        List<Double> seen = new ArrayList<>();
        int[] symbols = {0, 1, 2};
        double[] raw = new double[n];
        double[] s = new double[n];
        double[] closes = new double[n];
        double[] sigma = {0.002, 0.003, 0.004};
        for (int k = from; k < to; k++) {
            Instant t = START.plusSeconds(60L * k);
            int cycle = k;
            trackers.mature(t, (u, millis) -> {
                long minute = (millis - START.toEpochMilli()) / 60_000;
                return minute <= cycle ? close(u, (int) minute) : Double.NaN;
            });
            for (int u = 0; u < n; u++) {
                raw[u] = prediction(u, k);
                closes[u] = close(u, k);
            }
            for (ModelTracker model : trackers.models().values()) {
                model.standardize(raw, n, s);
                model.record(t, symbols, raw, s, closes, sigma, n);
                ModelQuality quality = model.quality();
                for (double v : s) {
                    seen.add(v);
                }
                seen.add(quality.ic());
                seen.add(quality.stability());
            }
        }
        return seen;
    }

    @Test
    void matured_predictions_feed_ic_with_raw_and_stability_with_scores() {
        PredictionTrackers trackers = trackers(UNIVERSE);
        runCycles(trackers, 0, 40);

        ModelTracker ridge = trackers.model("ret_5m/Ridge");
        // predictions of minutes 0..34 have matured at minutes 5..39
        assertThat(ridge.icTracker().size()).isEqualTo(35 * 3);
        assertThat(ridge.stabilityTracker().size()).isEqualTo(50);
        assertThat(ridge.ledger().pending()).isEqualTo(5 * 3);
        assertThat(trackers.model("ret_15m/Lasso").icTracker().size()).isEqualTo(25 * 3);

        IcSnapshot pairs = ridge.icTracker().snapshot();
        assertThat(pairs.predictions()[0]).isEqualTo(prediction(0, 0));
        assertThat(pairs.realised()[0]).isEqualTo(close(0, 5) / close(0, 0) - 1.0);

        ModelQuality quality = ridge.quality();
        double online = ridge.icTracker().onlineIc();
        assertRel(quality.ic(), (105 * online + 100 * 0.05) / 205);
        assertThat(quality.stability()).isEqualTo(ridge.stabilityTracker().stability(quality.ic()));
    }

    @Test
    void maturation_reports_matured_and_dropped() {
        PredictionTrackers trackers = trackers(UNIVERSE);
        runCycles(trackers, 0, 6);
        // no bars at all from now on: the 5m predictions of minutes 1..5 expire after due + 10 min
        Maturation quiet = trackers.mature(START.plusSeconds(60L * 6), (u, millis) -> Double.NaN);
        assertThat(quiet).isEqualTo(new Maturation(0, 0));
        Maturation late = trackers.mature(START.plusSeconds(60L * 30), (u, millis) -> Double.NaN);
        // 5m: minutes 1..5 (5 × 3); 15m: minutes 0..4, due at 15..19, more than the 10 min grace late (5 × 3)
        assertThat(late).isEqualTo(new Maturation(0, 15 + 15));
        // 15m of minute 5 was due at 20: exactly the grace late at 30, dropped just after
        Maturation last = trackers.mature(START.plusSeconds(60L * 30).plusMillis(1), (u, millis) -> Double.NaN);
        assertThat(last).isEqualTo(new Maturation(0, 3));
    }

    @Test
    void a_restart_keeps_its_confidence_snapshot_restore_behaves_identically_fix() {
        PredictionTrackers original = trackers(UNIVERSE);
        runCycles(original, 0, 37);
        PredictionState state = original.snapshot();

        PredictionTrackers restarted = trackers(UNIVERSE);
        restarted.restore(state);

        assertThat(restarted.snapshot()).isEqualTo(state);
        assertThat(restarted.model("ret_5m/Ridge").quality()).isEqualTo(original.model("ret_5m/Ridge").quality());
        assertThat(runCycles(restarted, 37, 70)).containsExactlyElementsOf(runCycles(original, 37, 70));
        assertThat(restarted.snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void restore_translates_symbols_of_a_changed_universe() {
        PredictionTrackers original = trackers(UNIVERSE);
        runCycles(original, 0, 3);
        List<Symbol> next = List.of(Symbol.of("CCC"), Symbol.of("AAA"), Symbol.of("DDD"));
        PredictionTrackers restarted = trackers(next);

        restarted.restore(original.snapshot());

        LedgerSnapshot ledger = restarted.model("ret_5m/Ridge").ledger().snapshot();
        // BBB left: its pending predictions are forgotten; AAA 0 → 1, CCC 2 → 0
        assertThat(ledger.symbols()).containsExactly(1, 0, 1, 0, 1, 0);
        assertThat(restarted.snapshot().universe()).containsExactly("CCC", "AAA", "DDD");
    }

    @Test
    void restore_starts_unknown_models_empty_and_ignores_removed_ones() {
        PredictionTrackers original = trackers(UNIVERSE);
        runCycles(original, 0, 10);
        PredictionState state = original.snapshot();
        PredictionState onlyRemoved = new PredictionState(state.universe(),
                java.util.Map.of("ret_5m/Removed", state.models().get("ret_5m/Ridge")));

        PredictionTrackers restarted = trackers(UNIVERSE);
        runCycles(restarted, 0, 10);
        restarted.restore(onlyRemoved);

        assertThat(restarted.snapshot().models()).containsOnlyKeys("ret_15m/Lasso", "ret_5m/Ridge");
        assertThat(restarted.snapshot().models().get("ret_5m/Ridge")).isEqualTo(ModelSnapshot.empty());
    }

    @Test
    void probability_models_are_not_tracked() {
        assertThatThrownBy(() -> new PredictionTrackers(PredictionSettings.defaults(), UNIVERSE, 1,
                MaturityRule.continuous(), List.of(RIDGE, Fixtures.barrier("will_peak_5m/Lgbm", "5m"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("will_peak_5m/Lgbm is a PROBABILITY model");
    }

    @Test
    void unknown_and_duplicate_model_ids_are_refused() {
        assertThatThrownBy(() -> trackers(UNIVERSE).model("ret_5m/Nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ret_5m/Nope");
        assertThatThrownBy(() -> new PredictionTrackers(PredictionSettings.defaults(), UNIVERSE, 1,
                MaturityRule.continuous(), List.of(RIDGE, RIDGE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two models share the id");
    }
}
