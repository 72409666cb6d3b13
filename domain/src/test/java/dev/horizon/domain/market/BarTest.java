package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarTest {

    private static final Symbol S = Symbol.of("AAPL");
    private static final Instant T = Instant.parse("2024-01-02T14:31:00Z");

    @ParameterizedTest(name = "o={0} h={1} l={2} c={3} v={4}")
    @CsvSource({
        "0, 1, 1, 1, 1, open must be a finite positive price",
        "1, NaN, 1, 1, 1, high must be a finite positive price",
        "1, 1, -1, 1, 1, low must be a finite positive price",
        "1, 1, 1, Infinity, 1, close must be a finite positive price",
        "10, 9.5, 10, 10, 1, high 9.5 < low 10.0",
        "12, 11, 9, 10, 1, open/close outside [low, high]",
        "10, 11, 9, 10, -1, volume must be finite and >= 0",
        "10, 11, 9, 10, NaN, volume must be finite and >= 0"})
    void bad_values_are_refused_with_the_field_named(double o, double h, double l, double c, double v, String message) {
        assertThatThrownBy(() -> new Bar(S, T, o, h, l, c, v)).hasMessageContaining(message);
    }

    @Test
    void a_flat_bar_with_zero_volume_is_valid() {
        assertThatCode(() -> new Bar(S, T, 10, 10, 10, 10, 0)).doesNotThrowAnyException();
    }
}
