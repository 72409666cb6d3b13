/**
 * The feature library (PIPELINE.md §1.2), per-symbol volatility (§0) and the raw-sequence model
 * input (§1.3): the numbers every model sees, computed by one code path for live serving and for
 * training export so the two can never drift apart.
 *
 * <p>Everything here works on primitive {@code double} arrays or a
 * {@link dev.horizon.domain.market.BarSeries}; the per-cycle entry points allocate nothing once
 * their scratch buffers have grown to the history length.
 */
package dev.horizon.domain.features;
