package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.horizon;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaturityRuleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final MaturityRule EQUITIES =
            MaturityRule.sessionTime(MarketCalendar.usEquities(Set.of(LocalDate.of(2024, 7, 4))));

    private static Instant ny(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    @Test
    void continuous_market_adds_wall_clock_minutes() {
        Instant t = Instant.parse("2024-03-09T23:55:00Z");
        assertThat(MaturityRule.continuous().dueTime(t, horizon("15m"))).isEqualTo(Instant.parse("2024-03-10T00:10:00Z"));
        assertThat(MaturityRule.sessionTime(MarketCalendar.alwaysOpen()).dueTime(t, Horizon.parse("1d", 1440)))
                .isEqualTo(Instant.parse("2024-03-10T23:55:00Z"));
    }

    @Test
    void within_a_session_is_plain_addition() {
        assertThat(EQUITIES.dueTime(ny("2024-03-05T10:00"), horizon("30m"))).isEqualTo(ny("2024-03-05T10:30"));
        assertThat(EQUITIES.dueTime(ny("2024-03-05T15:55"), horizon("5m"))).isEqualTo(ny("2024-03-05T16:00"));
    }

    @Test
    void session_time_skips_the_night_weekend_and_dst_change() {
        // 2 minutes left today, 3 from tomorrow's open
        assertThat(EQUITIES.dueTime(ny("2024-03-05T15:58"), horizon("5m"))).isEqualTo(ny("2024-03-06T09:33"));
        // Friday 10:00 + one session = Monday 10:00 local, across the DST change of Sunday 10 March
        assertThat(EQUITIES.dueTime(ny("2024-03-08T10:00"), horizon("1d"))).isEqualTo(ny("2024-03-11T10:00"));
        // the closing bar + one session = the next closing bar
        assertThat(EQUITIES.dueTime(ny("2024-03-05T16:00"), horizon("1d"))).isEqualTo(ny("2024-03-06T16:00"));
    }

    @Test
    void session_time_skips_holidays() {
        assertThat(EQUITIES.dueTime(ny("2024-07-03T12:00"), horizon("1d"))).isEqualTo(ny("2024-07-05T12:00"));
    }
}
