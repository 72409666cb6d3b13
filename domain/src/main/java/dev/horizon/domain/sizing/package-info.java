/**
 * Stage 5 of the cycle (PIPELINE §5): from a chosen horizon's signal to a number of shares.
 *
 * <p>Per symbol: {@link dev.horizon.domain.sizing.PositionSizer} turns α, σ and the gate factor into
 * a raw weight; the gates restrict it; {@link dev.horizon.domain.sizing.NoTradeBand} holds moves too
 * small to pay for. Then, over the whole cycle, {@link dev.horizon.domain.sizing.GrossNormalizer}
 * scales the increases down to the gross target, and per order
 * {@link dev.horizon.domain.sizing.OrderSizer} converts the weight change into whole lots.
 * All weights are market-value weights: shares × mid / portfolio value.
 */
package dev.horizon.domain.sizing;
