package dev.horizon.domain.state;

/** The outcome of one symbol in one cycle. */
public enum Decision {
    /** An order is to be placed. */
    TRADE,
    /** No order: the signal, the data or the size did not justify one. */
    HOLD,
    /** No order: a gate, a risk check or the kill switch refused it. */
    BLOCKED
}
