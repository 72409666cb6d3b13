package dev.horizon.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void of_normalises_case_and_whitespace() {
        assertThat(Symbol.of(" btc/usd ")).isEqualTo(new Symbol("BTC/USD"));
        assertThat(Symbol.of("brk.b").toString()).isEqualTo("BRK.B");
    }

    @Test
    void invalid_tickers_are_refused_with_the_rule() {
        assertThatThrownBy(() -> Symbol.of("")).hasMessageStartingWith("invalid symbol ''");
        assertThatThrownBy(() -> Symbol.of("A B")).hasMessageStartingWith("invalid symbol 'A B'");
        assertThatThrownBy(() -> Symbol.of("ABCDEFGHIJKLMNOPQ")).hasMessageContaining("1-16");
    }
}
