package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotRecordsTest {

    private static LedgerSnapshot ledger(int... symbols) {
        int n = symbols.length;
        long[] t = new long[n];
        double[] r = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000L * i;
            r[i] = 0.1 * i;
            c[i] = 100.0 + i;
        }
        return new LedgerSnapshot(t, t.clone(), symbols, r, r.clone(), c, new double[n], 5_000L, 3, 1);
    }

    @Test
    void ledger_snapshot_is_immutable_whether_built_by_copy_or_by_handing_over() {
        double[] raw = {0.1, 0.2};
        LedgerSnapshot copied = new LedgerSnapshot(new long[] {1, 2}, new long[] {3, 4}, new int[] {0, 1}, raw,
                new double[2], new double[] {100, 101}, new double[2], 2, 0, 0);
        raw[0] = 9;
        assertThat(copied.raw()).containsExactly(0.1, 0.2);
        copied.raw()[1] = 9;
        assertThat(copied.raw()).containsExactly(0.1, 0.2);
        double[] owned = {0.5, 0.6};
        LedgerSnapshot handed = LedgerSnapshot.owning(new long[] {1, 2}, new long[] {3, 4}, new int[] {0, 1}, owned,
                new double[2], new double[] {100, 101}, new double[2], 2, 0, 0);
        handed.raw()[0] = 9;
        assertThat(handed.raw()).containsExactly(0.5, 0.6);
        assertThatThrownBy(() -> LedgerSnapshot.owning(new long[] {1}, new long[] {3}, new int[] {0},
                new double[] {0.1}, new double[1], new double[] {-1}, new double[1], 2, 0, 0))
                .hasMessageContaining("positive price");
    }

    @Test
    void records_with_arrays_have_value_equality() {
        assertThat(new IcSnapshot(new double[] {1, 2}, new double[] {3, 4}))
                .isEqualTo(new IcSnapshot(new double[] {1, 2}, new double[] {3, 4}))
                .hasSameHashCodeAs(new IcSnapshot(new double[] {1, 2}, new double[] {3, 4}))
                .isNotEqualTo(new IcSnapshot(new double[] {1, 2}, new double[] {3, 5}));
        assertThat(new StandardizerSnapshot(new int[] {2}, new double[] {1, 2}))
                .isEqualTo(new StandardizerSnapshot(new int[] {2}, new double[] {1, 2}))
                .hasToString("StandardizerSnapshot[cycleSizes=[2], values=[1.0, 2.0]]");
        assertThat(new StabilitySnapshot(new double[] {1}, new double[] {2}))
                .isEqualTo(new StabilitySnapshot(new double[] {1}, new double[] {2}));
        assertThat(ledger(0, 2)).isEqualTo(ledger(0, 2)).hasSameHashCodeAs(ledger(0, 2)).isNotEqualTo(ledger(0, 1));
    }

    @Test
    void records_are_immutable() {
        double[] values = {1, 2};
        IcSnapshot snapshot = new IcSnapshot(values, new double[] {3, 4});
        values[0] = 99;
        snapshot.predictions()[1] = 99;
        assertThat(snapshot.predictions()).containsExactly(1, 2);
    }

    @Test
    void missing_parts_read_as_empty() {
        assertThat(new IcSnapshot(null, null)).isEqualTo(IcSnapshot.empty());
        assertThat(new StandardizerSnapshot(null, null)).isEqualTo(StandardizerSnapshot.empty());
        assertThat(new ModelSnapshot(null, null, null, null)).isEqualTo(ModelSnapshot.empty());
        assertThat(new PredictionState(null, null)).isEqualTo(PredictionState.empty());
        Map<String, ModelSnapshot> withNull = new LinkedHashMap<>();
        withNull.put("m", null);
        assertThat(new PredictionState(List.of(), withNull).models()).containsEntry("m", ModelSnapshot.empty());
    }

    @Test
    void inconsistent_or_non_finite_state_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new StandardizerSnapshot(new int[] {3}, new double[] {1, 2}))
                .hasMessage("standardizer state: cycle sizes add up to 3 but 2 values are stored");
        assertThatThrownBy(() -> new IcSnapshot(new double[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("IC state realised returns: value 0 is NaN");
        assertThatThrownBy(() -> new StabilitySnapshot(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("realisedZ holds 1 values, expected 2");
        assertThatThrownBy(() -> new PredictionState(List.of("AAA"), Map.of("m", new ModelSnapshot(null, null, null,
                ledger(0, 1))))).hasMessageContaining("symbol index 1 outside the universe of 1 symbols");
    }

    @Test
    void prediction_state_models_are_sorted_by_id() {
        Map<String, ModelSnapshot> models = new LinkedHashMap<>();
        models.put("ret_5m/Ridge", ModelSnapshot.empty());
        models.put("ret_15m/Lasso", ModelSnapshot.empty());
        assertThat(new PredictionState(List.of(), models).models().keySet())
                .containsExactly("ret_15m/Lasso", "ret_5m/Ridge");
    }

    @Test
    void ledger_remap_translates_and_forgets_departed_symbols() {
        LedgerSnapshot remapped = ledger(0, 1, 2).remap(new int[] {4, -1, 0});
        assertThat(remapped.symbols()).containsExactly(4, 0);
        assertThat(remapped.raw()).containsExactly(0.0, 0.2);
        assertThat(remapped.matured()).isEqualTo(3);
        assertThat(remapped.dropped()).isEqualTo(1);
        assertThat(remapped.lastRecordMillis()).isEqualTo(5_000L);
    }

    @Test
    void settings_defaults_and_validation_name_the_key() {
        PredictionSettings defaults = PredictionSettings.defaults();
        assertThat(defaults.zWindowCycles()).isEqualTo(20);
        assertThat(defaults.zMinObs()).isEqualTo(20);
        assertThat(defaults.zClip()).isEqualTo(3.0);
        assertThat(defaults.icWindow()).isEqualTo(500);
        assertThat(defaults.icPriorWeight()).isEqualTo(100.0);
        assertThat(defaults.icPrior()).isEqualTo(0.02);
        assertThat(defaults.capacityKappa()).isEqualTo(0.1);
        assertThat(defaults.stabilityWindow()).isEqualTo(50);
        assertThat(defaults.stabilityMinObs()).isEqualTo(10);
        assertThatThrownBy(() -> new PredictionSettings(20, 20, 3, 0, 100, 0.02, 0.1, 50, 10, Duration.ZERO))
                .hasMessage("prediction.ic_window must be a positive count, was 0");
        assertThatThrownBy(() -> new PredictionSettings(20, 20, 3, 500, 100, 2, 0.1, 50, 10, Duration.ZERO))
                .hasMessageContaining("prediction.ic_prior");
    }
}
