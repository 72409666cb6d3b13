/**
 * The Alpaca market data adapter: {@link dev.horizon.adapters.data.alpaca.AlpacaMarketData}
 * implements the engine's {@code MarketDataPort} over Alpaca's stock and crypto data API.
 *
 * <p>Configuration is {@link dev.horizon.adapters.data.alpaca.AlpacaDataConfig} (base URL override,
 * {@link dev.horizon.adapters.data.alpaca.AlpacaFeed feed}, bar timeframe, ADV sessions,
 * {@link dev.horizon.adapters.data.alpaca.AlpacaHttpPolicy}); the key pair is
 * {@link dev.horizon.adapters.data.alpaca.AlpacaCredentials}. The HTTP plumbing mirrors the
 * broker adapter's ({@code dev.horizon.adapters.broker.alpaca}): adapters never import each other.
 * See {@code docs/ALPACA.md}.
 */
package dev.horizon.adapters.data.alpaca;
