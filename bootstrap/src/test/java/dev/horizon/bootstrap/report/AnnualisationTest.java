package dev.horizon.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.MarketCalendar;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnualisationTest {

    private static final MarketCalendar CRYPTO = MarketCalendar.alwaysOpen();
    private static final MarketCalendar US = MarketCalendar.usEquities(Set.of());

    @Test
    void one_minute_bars_of_a_24_7_market_are_525600_a_year() {
        // 365 days × 1,440 minutes
        Annualisation a = Annualisation.of(Duration.ofMinutes(1), CRYPTO);
        assertThat(a.periodsPerYear()).isEqualTo(525_600);
        assertThat(a.basis()).isEqualTo("1m bars, 24/7");
        assertThat(a.periodsText()).isEqualTo("525,600");
    }

    @Test
    void five_minute_crypto_bars_are_105120_a_year() {
        assertThat(Annualisation.of(Duration.ofMinutes(5), CRYPTO).periodsPerYear()).isEqualTo(105_120);
    }

    @Test
    void daily_us_equity_bars_are_252_sessions_a_year() {
        Annualisation a = Annualisation.of(Duration.ofDays(1), US);
        assertThat(a.periodsPerYear()).isEqualTo(252);
        assertThat(a.basis()).isEqualTo("1d bars, 252 sessions a year");
    }

    @Test
    void intraday_us_equity_bars_count_the_bars_of_a_390_minute_session() {
        // 390 one-minute bars × 252 = 98,280; an hour bar: ⌈390 / 60⌉ = 7 bars (the last is half an hour) × 252 = 1,764
        assertThat(Annualisation.of(Duration.ofMinutes(1), US).periodsPerYear()).isEqualTo(98_280);
        assertThat(Annualisation.of(Duration.ofMinutes(1), US).basis()).isEqualTo("1m bars, 390 a session, 252 sessions a year");
        assertThat(Annualisation.of(Duration.ofHours(1), US).periodsPerYear()).isEqualTo(1_764);
    }

    @Test
    void daily_crypto_bars_are_365_a_year() {
        Annualisation a = Annualisation.of(Duration.ofDays(1), CRYPTO);
        assertThat(a.periodsPerYear()).isEqualTo(365);
        assertThat(a.basis()).isEqualTo("1d bars, 24/7");
    }
}
