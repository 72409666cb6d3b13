package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The resilience policy: Alpaca's limits by default, and bad values named by their YAML key. */
class AlpacaHttpPolicyTest {

    @Test
    void http_policy_defaults_follow_alpacas_limits_and_bad_values_name_their_key() {
        AlpacaHttpPolicy defaults = AlpacaHttpPolicy.defaults();

        assertThat(defaults.requestsPerMinute()).isEqualTo(200);
        assertThat(defaults.retryMaxAttempts()).isEqualTo(3);
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.breakerOpenWait()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> defaults.withRateLimit(0, Duration.ZERO))
                .hasMessage("alpaca.requests_per_minute must be >= 1, was 0");
        assertThatThrownBy(() -> defaults.withBreaker(0, 10, 5, Duration.ofSeconds(1)))
                .hasMessage("alpaca.breaker.failure_rate_percent must be in [1, 100], was 0");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("alpaca.connect_timeout_ms must be > 0, was 0");
        assertThatThrownBy(() -> defaults.withRetry(3, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .hasMessage("alpaca.retry.initial_backoff_ms must be >= 0, was -1");
    }

    @Test
    void each_wither_changes_only_its_own_values() {
        AlpacaHttpPolicy defaults = AlpacaHttpPolicy.defaults();

        AlpacaHttpPolicy changed = defaults.withRetry(5, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);

        assertThat(changed.retryMaxAttempts()).isEqualTo(5);
        assertThat(changed.maxRetryAfter()).isEqualTo(Duration.ZERO);
        assertThat(changed.withRetry(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .isEqualTo(defaults);
    }
}
