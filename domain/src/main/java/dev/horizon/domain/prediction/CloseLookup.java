package dev.horizon.domain.prediction;

/**
 * Where matured predictions find their closing price: the engine's view of the bars it holds.
 */
@FunctionalInterface
public interface CloseLookup {

    /**
     * The close of the bar of universe symbol {@code symbol} that closed exactly at
     * {@code closeEpochMillis}, or {@code NaN} when there is no such bar (not yet received, or a
     * gap in the data).
     *
     * <p>Called for predictions whose due time has come, which is nearly always the bar that just
     * closed: checking the newest bar first makes the common case O(1).
     */
    double closeAt(int symbol, long closeEpochMillis);
}
