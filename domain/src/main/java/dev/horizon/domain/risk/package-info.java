/**
 * Stage 6 of the cycle (PIPELINE §6): the portfolio-level kill switch, checked before the symbol
 * loop, and the per-order guardrails, checked after sizing and gross normalisation with sells
 * before buys.
 *
 * <p>The kill switch's state — session day, start-of-day value, high-water mark and the switch
 * itself — is {@link dev.horizon.domain.risk.SessionRiskState}, which maps one to one onto the
 * persisted {@link dev.horizon.domain.state.EngineState}. The guardrails' rate limits keep an
 * {@link dev.horizon.domain.risk.OrderThrottle} between cycles.
 */
package dev.horizon.domain.risk;
