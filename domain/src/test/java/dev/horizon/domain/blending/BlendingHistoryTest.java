package dev.horizon.domain.blending;

import static dev.horizon.domain.blending.Approx.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BlendingHistoryTest {

    private static final double NaN = Double.NaN;
    private static final List<String> AB = List.of("A", "B");

    @Test
    void time_aligned_window_excludes_rows_missing_a_model_fix() {
        BlendingHistory history = new BlendingHistory(AB, 50);
        // Symbols 2 and 3 each lack one model: only symbols 0 and 1 are aligned rows.
        history.append(new double[][] {{1.0, 2.0, NaN, 4.0}, {0.5, -1.0, 3.0, Double.POSITIVE_INFINITY}});
        assertThat(history.rows()).isEqualTo(2);
        assertThat(history.snapshot().scores()).containsExactly(1.0, 0.5, 2.0, -1.0);
    }

    @Test
    void correlation_ignores_the_unaligned_values() {
        // Aligned rows are perfectly anti-correlated; the values with a partner missing would,
        // if mixed in, drag the estimate elsewhere.
        BlendingHistory history = new BlendingHistory(AB, 50);
        for (int c = 0; c < 10; c++) {
            history.append(new double[][] {{c, 2.0 * c, 100.0, NaN}, {-c, -2.0 * c, NaN, -100.0}});
        }
        assertThat(history.rows()).isEqualTo(20);
        assertThat(history.correlation(20)[0][1]).isEqualTo(-1.0);
    }

    @Test
    void window_keeps_only_the_last_window_cycles() {
        BlendingHistory history = new BlendingHistory(AB, 3);
        history.append(new double[][] {{1, 1}, {1, 1}});
        history.append(new double[][] {{2}, {2}});
        history.append(new double[][] {{3, 3, 3}, {3, 3, 3}});
        history.append(new double[][] {{NaN}, {4}});
        history.append(new double[][] {{5}, {5}});
        assertThat(history.cycles()).isEqualTo(3);
        assertThat(history.rows()).isEqualTo(4);
        BlendingHistorySnapshot snapshot = history.snapshot();
        assertThat(snapshot.rowsPerCycle()).containsExactly(3, 0, 1);
        assertThat(snapshot.scores()).containsExactly(3, 3, 3, 3, 3, 3, 5, 5);
    }

    @Test
    void correlation_is_identity_below_min_rows() {
        BlendingHistory history = new BlendingHistory(AB, 50);
        history.append(new double[][] {range(19, 1.0), range(19, 2.0)});
        assertThat(history.correlation(20)).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}});
        history.append(new double[][] {{7.0}, {1.0}});
        assertThat(history.correlation(20)[0][1]).isGreaterThan(0.5);
    }

    @Test
    void constant_model_gives_zero_correlation_not_nan() {
        // During standardization warm-up a model scores 0 everywhere: Pearson is 0/0.
        BlendingHistory history = new BlendingHistory(List.of("A", "B", "C"), 50);
        double[] a = range(25, 1.0);
        double[] c = new double[25];
        for (int i = 0; i < 25; i++) {
            c[i] = -a[i];
        }
        history.append(new double[][] {a, new double[25], c});
        double[][] sigma = history.correlation(20);
        assertThat(sigma[0][1]).isEqualTo(0.0);
        assertThat(sigma[1][2]).isEqualTo(0.0);
        assertThat(sigma[1][1]).isEqualTo(1.0);
        assertThat(sigma[0][2]).isEqualTo(-1.0);
    }

    @Test
    void correlation_is_pearson_over_pooled_rows() {
        BlendingHistory history = new BlendingHistory(AB, 50);
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = Math.sin(i);
            y[i] = Math.cos(0.7 * i) + 0.5 * x[i];
        }
        // Spread over two cycles to check that pooling across cycles is one sample.
        history.append(new double[][] {java.util.Arrays.copyOfRange(x, 0, 13), java.util.Arrays.copyOfRange(y, 0, 13)});
        history.append(new double[][] {java.util.Arrays.copyOfRange(x, 13, 30), java.util.Arrays.copyOfRange(y, 13, 30)});
        double[][] sigma = history.correlation(20);
        assertRel(sigma[0][1], naivePearson(x, y));
        assertThat(sigma[1][0]).isEqualTo(sigma[0][1]);
        assertThat(sigma[0][0]).isEqualTo(1.0);
    }

    @Test
    void correlation_entries_are_clipped_to_plus_minus_one() {
        // Data found to round to a raw Pearson of 1.0000000000000002 with the two-pass formula.
        double[] x = {8.2, 9.69, 3.5, 2.73, 0.11, 7.94, 1.0, 8.19, 7.48, 3.8, 1.08, 7.66, 2.09, 9.45, 0.28, 7.47,
            6.36, 9.39, 0.94, 9.6};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * 4.699535995042926;
        }
        assertThat(twoPassPearson(x, y)).isGreaterThan(1.0);
        BlendingHistory history = new BlendingHistory(AB, 50);
        history.append(new double[][] {x, y});
        assertThat(history.correlation(20)[0][1]).isEqualTo(1.0);
    }

    @Test
    void correlation_does_not_depend_on_the_order_of_symbols() {
        BlendingHistory forward = new BlendingHistory(AB, 50);
        BlendingHistory reversed = new BlendingHistory(AB, 50);
        double[] a = new double[25];
        double[] b = new double[25];
        for (int i = 0; i < 25; i++) {
            a[i] = Math.sin(3 * i);
            b[i] = Math.sin(3 * i + 1);
        }
        forward.append(new double[][] {a, b});
        reversed.append(new double[][] {reverse(a), reverse(b)});
        assertThat(reversed.correlation(20)[0][1]).isCloseTo(forward.correlation(20)[0][1], Offset.offset(1e-14));
    }

    @Test
    void snapshot_round_trip_restores_rows_and_correlation() {
        BlendingHistory history = new BlendingHistory(AB, 4);
        for (int c = 0; c < 6; c++) {
            history.append(new double[][] {{c, c + 0.5, Math.sin(c)}, {c * c, -c, Math.cos(c)}});
        }
        BlendingHistorySnapshot snapshot = history.snapshot();
        BlendingHistory restored = BlendingHistory.restore(snapshot, AB, 4);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.correlation(2)).isDeepEqualTo(history.correlation(2));

        BlendingHistory shorter = BlendingHistory.restore(snapshot, AB, 2);
        assertThat(shorter.cycles()).isEqualTo(2);
        assertThat(shorter.snapshot().scores()).containsExactly(4, 16, 4.5, -4, Math.sin(4), Math.cos(4),
                5, 25, 5.5, -5, Math.sin(5), Math.cos(5));
    }

    @Test
    void restore_rejects_a_snapshot_of_other_models() {
        BlendingHistorySnapshot snapshot = new BlendingHistory(AB, 4).snapshot();
        assertThatThrownBy(() -> BlendingHistory.restore(snapshot, List.of("A", "C"), 4))
                .hasMessageContaining("[A, B]").hasMessageContaining("fresh history");
    }

    @Test
    void families_must_be_sorted_by_code_point() {
        assertThatThrownBy(() -> new BlendingHistory(List.of("Ridge", "LightGBM"), 50))
                .hasMessageContaining("sorted by name");
        assertThatThrownBy(() -> new BlendingHistory(List.of("A", "A"), 50)).hasMessageContaining("distinct");
        // Upper case sorts before lower case in code-point order.
        assertThat(new BlendingHistory(List.of("XGB", "lasso"), 50).families()).containsExactly("XGB", "lasso");
        // U+FF21 (fullwidth A) sorts before U+1D400 (mathematical bold A) by code point, though
        // not by UTF-16 code unit.
        assertThat(FamilyOrder.CODE_POINT.compare("\uFF21", "\uD835\uDC00")).isNegative();
        assertThat("\uFF21".compareTo("\uD835\uDC00")).isPositive();
    }

    @Test
    void wrong_number_of_models_is_rejected() {
        BlendingHistory history = new BlendingHistory(AB, 50);
        assertThatThrownBy(() -> history.append(new double[][] {{1.0}})).hasMessageContaining("2 models");
    }

    private static double[] range(int n, double slope) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = slope * i + 0.1 * (i % 3);
        }
        return v;
    }

    private static double[] reverse(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    private static double twoPassPearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Textbook single-formula Pearson, independent of the estimator under test. */
    private static double naivePearson(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}
