package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment selection, the live guard, credentials from the environment and the HTTP policy checks. */
class AlpacaConfigTest {

    private static final AlpacaCredentials KEYS = new AlpacaCredentials("PKTESTKEY", "test-secret-value");

    @Test
    void paper_environment_uses_the_paper_api() {
        assertThat(AlpacaConfig.paper().effectiveTradingUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(AlpacaEnvironment.parse(" Paper ")).isEqualTo(AlpacaEnvironment.PAPER);
    }

    @Test
    void live_environment_uses_the_live_api_once_confirmed() {
        AlpacaConfig live = AlpacaConfig.paper().withEnvironment(AlpacaEnvironment.LIVE).withLiveConfirmed(true);

        try (AlpacaBroker broker = new AlpacaBroker(live, KEYS)) {
            assertThat(live.effectiveTradingUrl()).isEqualTo(URI.create("https://api.alpaca.markets"));
            assertThat(broker.toString()).startsWith("AlpacaBroker[live https://api.alpaca.markets");
        }
    }

    @Test
    void live_without_the_explicit_confirmation_refuses_to_start_and_says_how_to_confirm() {
        AlpacaConfig live = AlpacaConfig.paper().withEnvironment(AlpacaEnvironment.LIVE);

        assertThatThrownBy(() -> new AlpacaBroker(live, KEYS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("alpaca.environment is live but live trading is not confirmed: "
                        + "start with --i-understand-live-trading or set HORIZON_LIVE=1");
    }

    @Test
    void a_paper_config_pointed_at_the_live_host_is_refused_even_when_confirmed() {
        AlpacaConfig sneaky = AlpacaConfig.paper().withTradingUrl("https://api.alpaca.markets").withLiveConfirmed(true);

        assertThatThrownBy(() -> new AlpacaBroker(sneaky, KEYS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alpaca.trading_url points at the live API but alpaca.environment is 'paper'");
    }

    @Test
    void bad_environment_and_url_values_are_one_line_errors_naming_the_key() {
        assertThatThrownBy(() -> AlpacaEnvironment.parse("real")).hasMessage(
                "alpaca.environment must be 'paper' or 'live', was 'real'");
        assertThatThrownBy(() -> AlpacaConfig.paper().withTradingUrl("ftp://example.test"))
                .hasMessageContaining("alpaca.trading_url must be an absolute http(s) URL");
    }

    @Test
    void credentials_come_from_the_two_environment_variables() {
        AlpacaCredentials keys = AlpacaCredentials.fromEnvironment(Map.of("ALPACA_API_KEY_ID", "PKABC",
                "ALPACA_API_SECRET_KEY", "s3cr3t-value"));

        assertThat(keys.keyId()).isEqualTo("PKABC");
        assertThat(keys.secretKey()).isEqualTo("s3cr3t-value");
    }

    @Test
    void a_missing_variable_is_named_without_any_value() {
        assertThatThrownBy(() -> AlpacaCredentials.fromEnvironment(Map.of("ALPACA_API_SECRET_KEY", "s3cr3t-value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing Alpaca credential: set the environment variable ALPACA_API_KEY_ID (see docs/ALPACA.md)");
        assertThatThrownBy(() -> AlpacaCredentials.fromEnvironment(Map.of("ALPACA_API_KEY_ID", "PKABC",
                "ALPACA_API_SECRET_KEY", "  ")))
                .hasMessage("missing Alpaca credential: set the environment variable ALPACA_API_SECRET_KEY (see docs/ALPACA.md)")
                .hasMessageNotContaining("PKABC");
        assertThatThrownBy(() -> new AlpacaCredentials("PKABC", "s3cr3t-value\n"))
                .hasMessageContaining("ALPACA_API_SECRET_KEY").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void credentials_print_masked() {
        assertThat(KEYS.toString()).isEqualTo("AlpacaCredentials[keyId=****, secretKey=****]");
        assertThat(AlpacaConfig.paper().toString()).doesNotContain("secret");
    }

    @Test
    void http_policy_defaults_follow_alpacas_limits_and_bad_values_name_their_key() {
        AlpacaHttpPolicy defaults = AlpacaHttpPolicy.defaults();

        assertThat(defaults.requestsPerMinute()).isEqualTo(200);
        assertThat(defaults.retryMaxAttempts()).isEqualTo(3);
        assertThatThrownBy(() -> defaults.withRateLimit(0, Duration.ZERO))
                .hasMessage("alpaca.requests_per_minute must be >= 1, was 0");
        assertThatThrownBy(() -> defaults.withBreaker(0, 10, 5, Duration.ofSeconds(1)))
                .hasMessage("alpaca.breaker.failure_rate_percent must be in [1, 100], was 0");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("alpaca.connect_timeout_ms must be > 0, was 0");
    }

    @Test
    void retry_waits_honour_retry_after_else_back_off_exponentially_with_jitter() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        TransientFailure rateLimited = new TransientFailure("429", null, Duration.ofSeconds(7));
        TransientFailure reset = new TransientFailure("reset");

        assertThat(backoff.waitMillis(1, rateLimited, 0.9)).isEqualTo(7_000);
        assertThat(backoff.waitMillis(1, reset, 0.0)).isEqualTo(100);
        assertThat(backoff.waitMillis(1, reset, 0.999_999)).isEqualTo(200);
        assertThat(backoff.waitMillis(3, reset, 0.0)).isEqualTo(400);
        assertThat(backoff.waitMillis(3, reset, 0.5)).isEqualTo(600);
        assertThat(backoff.waitMillis(10, reset, 0.0)).as("capped").isEqualTo(1_000);
        assertThat(backoff.waitMillis(10, reset, 0.999_999)).isEqualTo(2_000);
    }

    @Test
    void retry_after_is_read_in_seconds_and_anything_else_falls_back_to_backoff() {
        assertThat(AlpacaHttp.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(AlpacaHttp.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(AlpacaHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
        assertThat(AlpacaHttp.retryAfter(null)).isNull();
    }
}
