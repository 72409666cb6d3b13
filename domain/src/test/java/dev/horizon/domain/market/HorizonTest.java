package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HorizonTest {

    @ParameterizedTest
    @CsvSource({"5m,5", "10m,10", "60m,60", "1h,60", "4h,240", "1d,390", "2d,780"})
    void parses_minutes_hours_and_session_days(String text, int minutes) {
        assertThat(Horizon.parse(text, 390).minutes()).isEqualTo(minutes);
    }

    @Test
    void one_day_is_one_session_whatever_the_market() {
        assertThat(Horizon.parse("1d", 390).minutes()).isEqualTo(390);
        assertThat(Horizon.parse("1d", 1440).minutes()).isEqualTo(1440);
    }

    @Test
    void horizons_order_by_minutes_never_by_string_fix() {
        List<Horizon> sorted = Stream.of("1d", "60m", "10m", "30m", "5m", "15m")
                .map(h -> Horizon.parse(h, 390)).sorted().toList();
        assertThat(sorted).extracting(Horizon::label).containsExactly("5m", "10m", "15m", "30m", "60m", "1d");
        assertThat(Horizon.parse("10m", 390)).isGreaterThan(Horizon.parse("5m", 390));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "0m", "-5m", "5x", "5 m", "1.5h", "05m", "5M"})
    void bad_strings_are_rejected_with_a_message_naming_them(String text) {
        assertThatThrownBy(() -> Horizon.parse(text, 390))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid horizon '" + text
                        + "': expected a positive count followed by m, h or d (e.g. 5m, 1h, 1d)");
    }

    @Test
    void null_is_rejected_like_any_bad_string() {
        assertThatThrownBy(() -> Horizon.parse(null, 390)).hasMessageStartingWith("invalid horizon 'null'");
    }

    @Test
    void surrounding_whitespace_is_ignored() {
        assertThat(Horizon.parse(" 15m ", 390)).isEqualTo(new Horizon("15m", 15));
    }
}
