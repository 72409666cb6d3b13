package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key pair: read from two environment variables, checked, and never printed. */
class AlpacaCredentialsTest {

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
        AlpacaCredentials keys = new AlpacaCredentials("PKTESTKEY", "test-secret-value");

        assertThat(keys.toString()).isEqualTo("AlpacaCredentials[keyId=****, secretKey=****]");
    }
}
