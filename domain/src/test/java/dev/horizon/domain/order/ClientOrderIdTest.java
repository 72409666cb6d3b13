package dev.horizon.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import org.junit.jupiter.api.Test;

class ClientOrderIdTest {

    @Test
    void id_is_derived_deterministically_from_engine_cycle_symbol_and_side() {
        ClientOrderId first = ClientOrderId.of("paper1", 1042, Symbol.of("AAPL"), OrderSide.SELL);
        ClientOrderId replay = ClientOrderId.of("paper1", 1042, Symbol.of("AAPL"), OrderSide.SELL);
        assertThat(first.value()).isEqualTo("hz-paper1-1042-AAPL-S");
        assertThat(replay).isEqualTo(first);
    }

    @Test
    void symbol_separators_are_dropped() {
        assertThat(ClientOrderId.of("e", 1, Symbol.of("BTC/USD"), OrderSide.BUY).value()).isEqualTo("hz-e-1-BTCUSD-B");
    }

    @Test
    void id_never_exceeds_48_characters() {
        ClientOrderId longest = ClientOrderId.of("abcdefghijklmnop", 999_999_999L, Symbol.of("ABCDEFGHIJKLMNOP"),
                OrderSide.BUY);
        assertThat(longest.value()).hasSizeLessThanOrEqualTo(48);
        assertThatThrownBy(() -> ClientOrderId.of("abcdefghijklmnop", Long.MAX_VALUE, Symbol.of("ABCDEFGHIJKLMNOP"),
                OrderSide.BUY)).hasMessageContaining("exceeds 48 characters");
    }

    @Test
    void engine_id_must_be_short_lower_case_alphanumeric() {
        assertThatThrownBy(() -> ClientOrderId.of("Paper-1", 1, Symbol.of("AAPL"), OrderSide.BUY))
                .hasMessage("invalid engine id 'Paper-1': use 1-16 lower-case letters or digits");
    }
}
