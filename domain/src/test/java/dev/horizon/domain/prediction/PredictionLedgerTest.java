package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.horizon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionLedgerTest {

    private static final Instant T = Instant.parse("2024-03-05T15:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    /** Bars known to the test, by (symbol, close time). */
    private final Map<String, Double> bars = new HashMap<>();
    private final List<Long> lookups = new ArrayList<>();
    private final CloseLookup closes = (symbol, millis) -> {
        lookups.add(millis);
        return bars.getOrDefault(symbol + "@" + millis, Double.NaN);
    };
    private final List<double[]> matured = new ArrayList<>();
    private final PredictionLedger.MaturedSink sink =
            (symbol, raw, score, realised, sigma) -> matured.add(new double[] {symbol, raw, score, realised, sigma});

    private void bar(int symbol, Instant at, double close) {
        bars.put(symbol + "@" + at.toEpochMilli(), close);
    }

    private static PredictionLedger ledger(int capacity) {
        return new PredictionLedger(horizon("5m"), capacity, GRACE, MaturityRule.continuous());
    }

    @Test
    void matures_on_the_bar_at_t_plus_h_with_the_exact_realised_return() {
        PredictionLedger ledger = ledger(10);
        // universe of 3; the batch holds symbols 2 and 0
        ledger.record(T, new int[] {2, 0}, new double[] {0.004, -0.001}, new double[] {1.5, -0.5},
                new double[] {80.0, 50.0, 40.0}, new double[] {0.01, 0.02, 0.03}, 2);
        bar(2, T.plusSeconds(300), 50.0);
        bar(0, T.plusSeconds(300), 60.0);

        int count = ledger.mature(T.plusSeconds(300), closes, sink);

        assertThat(count).isEqualTo(2);
        assertThat(matured.get(0)).containsExactly(2, 0.004, 1.5, 0.25, 0.03);   // 50/40 − 1
        assertThat(matured.get(1)).containsExactly(0, -0.001, -0.5, -0.25, 0.01); // 60/80 − 1
        assertThat(ledger.size()).isZero();
        assertThat(ledger.maturedCount()).isEqualTo(2);
    }

    @Test
    void not_matured_before_t_plus_h() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0}, new double[] {0.01}, new double[] {1.0}, new double[] {100.0},
                new double[] {0.01}, 1);
        bar(0, T.plusSeconds(300), 101.0);

        assertThat(ledger.mature(T.plusSeconds(299), closes, sink)).isZero();
        assertThat(lookups).isEmpty();
        assertThat(ledger.size()).isEqualTo(1);

        assertThat(ledger.mature(T.plusSeconds(300), closes, sink)).isEqualTo(1);
    }

    @Test
    void waits_for_a_late_bar_within_the_grace_then_drops_and_counts() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0, 1}, new double[] {0.01, 0.02}, new double[] {1.0, 2.0},
                new double[] {100.0, 100.0}, new double[] {0.01, 0.01}, 2);
        Instant due = T.plusSeconds(300);
        bar(1, due, 102.0);

        assertThat(ledger.mature(due, closes, sink)).isEqualTo(1);
        assertThat(ledger.mature(due.plus(GRACE), closes, sink)).isZero();
        assertThat(ledger.droppedCount()).isZero();
        assertThat(ledger.pending()).isEqualTo(1);

        assertThat(ledger.mature(due.plus(GRACE).plusMillis(1), closes, sink)).isZero();
        assertThat(ledger.droppedCount()).isEqualTo(1);
        assertThat(ledger.pending()).isZero();
        assertThat(ledger.size()).isZero();
        assertThat(matured).hasSize(1);
    }

    @Test
    void a_late_bar_within_the_grace_still_matures() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0}, new double[] {0.01}, new double[] {1.0}, new double[] {100.0},
                new double[] {0.01}, 1);
        Instant due = T.plusSeconds(300);
        assertThat(ledger.mature(due, closes, sink)).isZero();
        bar(0, due, 125.0);
        assertThat(ledger.mature(due.plusSeconds(120), closes, sink)).isEqualTo(1);
        assertThat(matured.get(0)[3]).isEqualTo(0.25);
    }

    @Test
    void a_matured_prediction_behind_a_waiting_one_is_not_matured_twice() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0, 1}, new double[] {0.01, 0.02}, new double[] {1.0, 2.0},
                new double[] {100.0, 100.0}, new double[] {0.01, 0.01}, 2);
        bar(1, T.plusSeconds(300), 110.0);
        ledger.mature(T.plusSeconds(300), closes, sink);
        ledger.mature(T.plusSeconds(360), closes, sink);
        assertThat(matured).hasSize(1);
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.pending()).isEqualTo(1);
        assertThat(ledger.snapshot().symbols()).containsExactly(0);
    }

    @Test
    void memory_is_bounded_the_oldest_is_evicted_and_counted() {
        PredictionLedger ledger = ledger(4);
        for (int cycle = 0; cycle < 5; cycle++) {
            ledger.record(T.plusSeconds(60L * cycle), new int[] {0}, new double[] {cycle}, new double[] {0.0},
                    new double[] {100.0}, new double[] {0.01}, 1);
            assertThat(ledger.size()).isLessThanOrEqualTo(4);
        }
        assertThat(ledger.pending()).isEqualTo(4);
        assertThat(ledger.droppedCount()).isEqualTo(1);
        assertThat(ledger.snapshot().raw()).containsExactly(1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void capacity_covers_the_horizon_and_the_grace() {
        // 5m + 10m grace at 1m bars: 15 cycles + 2, for 500 symbols
        assertThat(PredictionLedger.capacityFor(horizon("5m"), GRACE, 1, 500)).isEqualTo(17 * 500);
        // 1d (390 min) at 5m bars, grace 10m: 80 cycles + 2
        assertThat(PredictionLedger.capacityFor(horizon("1d"), GRACE, 5, 10)).isEqualTo(82 * 10);
    }

    @Test
    void unusable_predictions_are_not_recorded_and_unknown_sigma_is_kept_as_zero() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0, 1, 2}, new double[] {0.01, Double.NaN, 0.03}, new double[] {1.0, 0.0, 3.0},
                new double[] {Double.NaN, 100.0, 100.0}, new double[] {0.01, 0.01, Double.NaN}, 3);
        assertThat(ledger.droppedCount()).isEqualTo(2);
        LedgerSnapshot snapshot = ledger.snapshot();
        assertThat(snapshot.symbols()).containsExactly(2);
        assertThat(snapshot.sigmaH()).containsExactly(0.0);
    }

    @Test
    void a_batch_recorded_twice_is_refused() {
        PredictionLedger ledger = ledger(10);
        ledger.record(T, new int[] {0}, new double[] {0.01}, new double[] {1.0}, new double[] {100.0},
                new double[] {0.01}, 1);
        assertThatThrownBy(() -> ledger.record(T, new int[] {0}, new double[] {0.01}, new double[] {1.0},
                new double[] {100.0}, new double[] {0.01}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not follow the last batch");
    }

    @Test
    void snapshot_then_restore_behaves_identically() {
        PredictionLedger original = ledger(20);
        PredictionLedger restored = ledger(20);
        for (int cycle = 0; cycle < 4; cycle++) {
            Instant t = T.plusSeconds(60L * cycle);
            original.record(t, new int[] {0, 1}, new double[] {cycle, -cycle}, new double[] {1.0, -1.0},
                    new double[] {100.0 + cycle, 50.0}, new double[] {0.01, 0.02}, 2);
            bar(0, t.plusSeconds(300), 110.0);
        }
        original.mature(T.plusSeconds(360), closes, sink); // matures symbol 0 of cycles 0 and 1
        restored.restore(original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());

        List<double[]> fromRestored = new ArrayList<>();
        for (int minute = 7; minute <= 20; minute++) {
            original.mature(T.plusSeconds(60L * minute), closes, sink);
            restored.mature(T.plusSeconds(60L * minute), closes, (u, r, s, real, sg) -> fromRestored.add(
                    new double[] {u, r, s, real, sg}));
        }
        assertThat(fromRestored).hasSize(2);
        assertThat(fromRestored).containsExactlyElementsOf(matured.subList(2, 4));
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.droppedCount()).isEqualTo(4).isEqualTo(original.droppedCount());
        // the last batch time survives: replaying an old cycle is still refused
        assertThatThrownBy(() -> restored.record(T.plusSeconds(180), new int[] {0}, new double[] {0.0},
                new double[] {0.0}, new double[] {1.0}, new double[] {0.01}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshot_lists_the_waiting_predictions_oldest_first_across_the_wrap_and_around_settled_ones() {
        PredictionLedger ledger = ledger(6);
        for (int cycle = 0; cycle < 3; cycle++) {
            Instant t = T.plusSeconds(60L * cycle);
            ledger.record(t, new int[] {0, 1}, new double[] {cycle * 10, cycle * 10 + 1}, new double[] {0.5, -0.5},
                    new double[] {100.0, 50.0}, new double[] {0.01, 0.02}, 2);
            bar(0, t.plusSeconds(300), 101.0);   // symbol 1 never gets its bar
        }
        // symbol 0 of cycles 0 and 1 matures; cycle 1's is settled behind symbol 1 of cycle 0, which waits
        ledger.mature(T.plusSeconds(360), closes, sink);
        // cycle 3 wraps the ring and evicts symbol 1 of cycle 0
        ledger.record(T.plusSeconds(180), new int[] {0, 1}, new double[] {30, 31}, new double[] {0.5, -0.5},
                new double[] {100.0, 50.0}, new double[] {0.01, 0.02}, 2);

        LedgerSnapshot snapshot = ledger.snapshot();

        assertThat(snapshot.raw()).containsExactly(11, 20, 21, 30, 31);
        assertThat(snapshot.symbols()).containsExactly(1, 0, 1, 0, 1);
        assertThat(snapshot.predictionTimesMillis()).containsExactly(T.plusSeconds(60).toEpochMilli(),
                T.plusSeconds(120).toEpochMilli(), T.plusSeconds(120).toEpochMilli(),
                T.plusSeconds(180).toEpochMilli(), T.plusSeconds(180).toEpochMilli());
        assertThat(snapshot.closes()).containsExactly(50.0, 100.0, 50.0, 100.0, 50.0);
        assertThat(snapshot.sigmaH()).containsExactly(0.02, 0.01, 0.02, 0.01, 0.02);
        assertThat(snapshot.scores()).containsExactly(-0.5, 0.5, -0.5, 0.5, -0.5);
        assertThat(snapshot.dueTimesMillis()[0]).isEqualTo(T.plusSeconds(360).toEpochMilli());
        assertThat(snapshot.dropped()).isEqualTo(1);
        assertThat(snapshot.matured()).isEqualTo(2);
    }
}
