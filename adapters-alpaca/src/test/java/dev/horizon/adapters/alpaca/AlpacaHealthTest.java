package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The breaker counts as open while it refuses calls: open or forced open, not half open. */
class AlpacaHealthTest {

    private static AlpacaHealth in(String state) {
        return new AlpacaHealth(state, -1f, 0, 0, 0, 0, 0, 0, "none");
    }

    @Test
    void the_breaker_is_open_only_while_it_refuses_calls() {
        assertThat(in("OPEN").breakerOpen()).isTrue();
        assertThat(in("FORCED_OPEN").breakerOpen()).isTrue();
        assertThat(in("HALF_OPEN").breakerOpen()).isFalse();
        assertThat(in("CLOSED").breakerOpen()).isFalse();
    }
}
