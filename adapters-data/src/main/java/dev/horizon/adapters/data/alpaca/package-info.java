/**
 * The Alpaca market data adapter: {@link dev.horizon.adapters.data.alpaca.AlpacaMarketData}
 * implements the engine's {@code MarketDataPort} over Alpaca's stock and crypto data API.
 *
 * <p>Configuration is {@link dev.horizon.adapters.data.alpaca.AlpacaDataConfig} (base URL override,
 * {@link dev.horizon.adapters.data.alpaca.AlpacaFeed feed}, bar timeframe, ADV sessions,
 * {@link dev.horizon.adapters.alpaca.AlpacaHttpPolicy}); the key pair is
 * {@link dev.horizon.adapters.alpaca.AlpacaCredentials}. The HTTP plumbing is the shared Alpaca
 * client library ({@code dev.horizon.adapters.alpaca}, module {@code adapters-alpaca}), the same
 * the broker adapter uses. See {@code docs/ALPACA.md}.
 */
package dev.horizon.adapters.data.alpaca;
