/**
 * The Alpaca REST client shared by the Alpaca adapters (the broker's trading API client and the
 * market data client): {@link dev.horizon.adapters.alpaca.AlpacaHttp} (OkHttp with the rate limit,
 * retries of GET/DELETE, the circuit breaker and the counters of
 * {@link dev.horizon.adapters.alpaca.AlpacaHttpPolicy}; a POST is sent once),
 * {@link dev.horizon.adapters.alpaca.AlpacaCredentials} (never printed),
 * {@link dev.horizon.adapters.alpaca.AlpacaResponse}, {@link dev.horizon.adapters.alpaca.AlpacaJson},
 * {@link dev.horizon.adapters.alpaca.AlpacaHealth} and
 * {@link dev.horizon.adapters.alpaca.TransientFailure}.
 *
 * <p>It is a library, not an adapter: it implements no port and imports no other adapter; every
 * adapter may use it (the architecture rules say so). See {@code docs/ALPACA.md}.
 */
package dev.horizon.adapters.alpaca;
