/**
 * The Alpaca brokerage adapter: {@link dev.horizon.adapters.broker.alpaca.AlpacaBroker} implements
 * the engine's {@code BrokerPort} over Alpaca's trading REST API (paper or live account).
 *
 * <p>Configuration is {@link dev.horizon.adapters.broker.alpaca.AlpacaConfig} (environment, base URL
 * override, live confirmation, {@link dev.horizon.adapters.broker.alpaca.AlpacaHttpPolicy}); the
 * key pair is {@link dev.horizon.adapters.broker.alpaca.AlpacaCredentials}, read from the
 * environment and never printed. {@link dev.horizon.adapters.broker.alpaca.AlpacaHealth} is the
 * read-only resilience view (breaker state, retries, rate limiting). See {@code docs/ALPACA.md}.
 */
package dev.horizon.adapters.broker.alpaca;
