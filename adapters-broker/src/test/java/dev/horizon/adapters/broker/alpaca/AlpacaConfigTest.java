package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.alpaca.AlpacaCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Environment selection and the live guard. Credentials, the HTTP policy and the retry waits are
 * the shared client's, tested in {@code adapters-alpaca}.
 */
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
    void the_config_prints_no_secret() {
        assertThat(AlpacaConfig.paper().toString()).doesNotContain("secret");
    }
}
