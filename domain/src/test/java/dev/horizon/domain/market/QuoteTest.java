package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuoteTest {

    private static final Symbol S = Symbol.of("AAPL");
    private static final Instant T = Instant.parse("2024-01-02T15:00:00.123456789Z");

    private static Quote quote(double bid, double ask) {
        return new Quote(S, bid, ask, 100, 200, T);
    }

    @Test
    void spread_is_relative_to_mid_golden() {
        Quote q = quote(100.00, 100.15);
        assertThat(q.isValid()).isTrue();
        assertThat(q.mid()).isEqualTo(100.075);
        assertThat(q.spreadBps()).isCloseTo(14.988758431177184, within(1e-12 * 14.988758431177184));
    }

    @Test
    void a_locked_book_is_valid_with_zero_spread() {
        Quote q = quote(50, 50);
        assertThat(q.isValid()).isTrue();
        assertThat(q.spreadBps()).isZero();
    }

    @ParameterizedTest(name = "bid {0} ask {1}")
    @CsvSource({
        "100.10, 100.00",   // crossed
        "0, 100",           // zero bid
        "100, 0",           // zero ask
        "-1, 100",          // negative
        "NaN, 100",
        "100, NaN",
        "Infinity, Infinity"})
    void unusable_quotes_are_invalid_and_derive_no_price(double bid, double ask) {
        Quote q = quote(bid, ask);
        assertThat(q.isValid()).isFalse();
        assertThat(q.mid()).isNaN();
        assertThat(q.spreadBps()).isNaN();
    }

    @Test
    void quote_time_keeps_nanoseconds() {
        assertThat(quote(1, 2).time().getNano()).isEqualTo(123456789);
    }
}
