package dev.horizon.domain.arbitration;

import dev.horizon.domain.state.Decision;

/** What arbitration asks the later stages to do with a symbol. */
public enum ArbitrationKind {
    /** A candidate trade in the chosen direction, to be gated, sized and risk-checked. */
    TRADE,
    /**
     * A sell signal that may not open a short: sell the long position to flat (target weight 0).
     */
    FLATTEN,
    /** No trade: see the reason. */
    HOLD;

    /** The decision this outcome leads to if no later stage changes it. */
    public Decision decision() {
        return this == HOLD ? Decision.HOLD : Decision.TRADE;
    }
}
