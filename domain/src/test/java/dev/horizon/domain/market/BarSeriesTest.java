package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class BarSeriesTest {

    private static final Symbol S = Symbol.of("AAPL");
    private static final Instant T0 = Instant.parse("2024-01-02T14:31:00Z");

    private static Bar bar(int minute, double close) {
        return new Bar(S, T0.plusSeconds(60L * minute), close, close + 1, close - 1, close, 1000 + minute);
    }

    @Test
    void keeps_only_the_newest_bars_up_to_capacity() {
        BarSeries series = new BarSeries(S, 3);
        for (int i = 0; i < 5; i++) {
            series.add(bar(i, 100 + i));
        }
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.close(0)).isEqualTo(102);
        assertThat(series.close(2)).isEqualTo(104);
        assertThat(series.last().closeTime()).isEqualTo(T0.plusSeconds(240));
        assertThat(series.volume(0)).isEqualTo(1002);
    }

    @Test
    void log_return_of_each_bar_is_taken_against_the_bar_before_it_even_after_eviction() {
        BarSeries series = new BarSeries(S, 3);
        series.add(bar(0, 100));
        assertThat(series.logReturn(0)).isNaN();
        for (int i = 1; i < 5; i++) {
            series.add(bar(i, 100 + 3 * i));
        }
        // held: closes 106, 109, 112; the first one's predecessor (103) has been evicted
        assertThat(series.logReturn(0)).isEqualTo(Math.log(106 / 103.0));
        assertThat(series.logReturn(1)).isEqualTo(Math.log(109 / 106.0));
        assertThat(series.logReturn(2)).isEqualTo(Math.log(112 / 109.0));
        assertThatThrownBy(() -> series.logReturn(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copies_values_oldest_first_across_the_wrap() {
        BarSeries series = new BarSeries(S, 4);
        for (int i = 0; i < 6; i++) {
            series.add(bar(i, 10 + i));
        }
        double[] closes = new double[4];
        assertThat(series.copyCloses(closes)).isEqualTo(4);
        assertThat(closes).containsExactly(12, 13, 14, 15);
        double[] highs = new double[5];
        series.copyHighs(highs);
        assertThat(highs).containsExactly(13, 14, 15, 16, 0);
    }

    @Test
    void partially_filled_series_copies_only_what_it_holds() {
        BarSeries series = new BarSeries(S, 10);
        series.add(bar(0, 5));
        series.add(bar(1, 6));
        double[] lows = new double[2];
        assertThat(series.copyLows(lows)).isEqualTo(2);
        assertThat(lows).containsExactly(4, 5);
    }

    @Test
    void index_outside_the_held_bars_is_refused() {
        BarSeries series = new BarSeries(S, 3);
        series.add(bar(0, 5));
        assertThatThrownBy(() -> series.close(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bar index 1 outside [0, 1)");
        assertThatThrownBy(() -> series.close(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void bars_must_move_forward_in_time() {
        BarSeries series = new BarSeries(S, 3);
        series.add(bar(1, 5));
        assertThatThrownBy(() -> series.add(bar(1, 6))).hasMessageContaining("does not follow the last bar");
        assertThatThrownBy(() -> series.add(bar(0, 6))).hasMessageContaining("does not follow the last bar");
        assertThat(series.size()).isEqualTo(1);
    }

    @Test
    void bars_of_another_symbol_are_refused() {
        BarSeries series = new BarSeries(S, 3);
        Bar other = new Bar(Symbol.of("MSFT"), T0, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> series.add(other)).hasMessage("bar for MSFT added to the series of AAPL");
    }

    @Test
    void empty_series_has_no_last_bar_and_capacity_must_be_positive() {
        assertThatThrownBy(() -> new BarSeries(S, 3).last()).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> new BarSeries(S, 0)).hasMessageContaining("capacity must be positive");
    }

    @Test
    void destination_too_small_is_refused() {
        BarSeries series = new BarSeries(S, 3);
        series.add(bar(0, 5));
        series.add(bar(1, 5));
        assertThatThrownBy(() -> series.copyCloses(new double[1])).hasMessageContaining("destination holds 1 values");
    }
}
