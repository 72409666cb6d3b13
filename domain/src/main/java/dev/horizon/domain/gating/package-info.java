/**
 * Stage 4 of the cycle (PIPELINE §4): gates that may hold a symbol, block an entry or scale it.
 *
 * <p>Per symbol the engine applies them in this order:
 * <ol>
 *   <li>{@link dev.horizon.domain.gating.SpreadGate} before any prediction work: a bad or stale
 *       quote holds the symbol outright; a wide spread only forbids new or larger positions.</li>
 *   <li>{@link dev.horizon.domain.gating.BarrierGate} after arbitration chose a direction: its
 *       factor {@code g} goes into sizing; a blocked entry keeps only the reducing part of the sized
 *       target; an exit signal sets the target to 0. Evaluate it for every held position, whatever
 *       arbitration decided, so that an exit signal is never missed.</li>
 * </ol>
 * No gate ever blocks a reduction: every restriction is expressed through
 * {@link dev.horizon.domain.gating.Exposure#reductionOnly(double, double)}.
 */
package dev.horizon.domain.gating;
