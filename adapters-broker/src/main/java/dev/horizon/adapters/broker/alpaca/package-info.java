/**
 * The Alpaca brokerage adapter: {@link dev.horizon.adapters.broker.alpaca.AlpacaBroker} implements
 * the engine's {@code BrokerPort} over Alpaca's trading REST API (paper or live account).
 *
 * <p>Configuration is {@link dev.horizon.adapters.broker.alpaca.AlpacaConfig} (environment, base URL
 * override, live confirmation, {@link dev.horizon.adapters.alpaca.AlpacaHttpPolicy}); the key pair
 * is {@link dev.horizon.adapters.alpaca.AlpacaCredentials}, read from the environment and never
 * printed. {@link dev.horizon.adapters.alpaca.AlpacaHealth} is the read-only resilience view
 * (breaker state, retries, rate limiting). The HTTP client, the key pair, the policy and the JSON
 * reading are the shared Alpaca client library ({@code dev.horizon.adapters.alpaca}, module
 * {@code adapters-alpaca}). See {@code docs/ALPACA.md}.
 */
package dev.horizon.adapters.broker.alpaca;
