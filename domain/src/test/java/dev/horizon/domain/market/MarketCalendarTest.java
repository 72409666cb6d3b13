package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketCalendarTest {

    private final MarketCalendar equities = MarketCalendar.usEquities(Set.of(LocalDate.parse("2024-07-04")));

    @Test
    void us_equities_trade_390_minutes_on_weekdays_in_new_york_time() {
        assertThat(equities.sessionMinutes()).isEqualTo(390);
        // 2024-01-02 is a Tuesday; 14:31Z = 09:31 New York (EST)
        assertThat(equities.isOpen(Instant.parse("2024-01-02T14:31:00Z"))).isTrue();
        assertThat(equities.isOpen(Instant.parse("2024-01-02T14:30:00Z"))).isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-01-02T21:00:00Z"))).isTrue();
        assertThat(equities.isOpen(Instant.parse("2024-01-02T21:01:00Z"))).isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-01-06T15:00:00Z"))).isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-07-04T15:00:00Z"))).isFalse();
    }

    @Test
    void session_day_is_the_exchange_local_date() {
        // 01:00Z on Jan 3 is still Jan 2 in New York
        assertThat(equities.sessionDay(Instant.parse("2024-01-03T01:00:00Z"))).isEqualTo(LocalDate.parse("2024-01-02"));
    }

    @Test
    void crypto_trades_around_the_clock_with_utc_days() {
        MarketCalendar crypto = MarketCalendar.alwaysOpen();
        assertThat(crypto.sessionMinutes()).isEqualTo(1440);
        assertThat(crypto.isOpen(Instant.parse("2024-01-06T03:00:00Z"))).isTrue();
        assertThat(crypto.sessionDay(Instant.parse("2024-01-03T01:00:00Z"))).isEqualTo(LocalDate.parse("2024-01-03"));
    }
}
