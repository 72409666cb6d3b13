package dev.horizon.adapters.data.alpaca;

import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link AlpacaMarketData} reads and how. YAML keys are given in brackets.
 *
 * @param dataUrl      [alpaca.data_url] overrides Alpaca's market data URL (tests, proxies), or
 *                     {@code null} for {@code https://data.alpaca.markets}
 * @param feed         [alpaca.feed] the stock feed: {@code iex} or {@code sip}
 * @param barTimeframe [alpaca.bar_timeframe] the engine's bar length, e.g. {@code 1Min}
 * @param advSessions  [alpaca.adv_sessions] complete daily bars averaged for average daily volume
 * @param http         timeouts, rate limit, retries and circuit breaker
 */
public record AlpacaDataConfig(URI dataUrl, AlpacaFeed feed, AlpacaTimeframe barTimeframe, int advSessions,
                               AlpacaHttpPolicy http) {

    /** Alpaca's market data API. */
    public static final String DATA_URL = "https://data.alpaca.markets";

    public AlpacaDataConfig {
        Objects.requireNonNull(feed, "alpaca.feed");
        Objects.requireNonNull(barTimeframe, "alpaca.bar_timeframe");
        Objects.requireNonNull(http, "http");
        if (advSessions < 1 || advSessions > 250) {
            throw new IllegalArgumentException("alpaca.adv_sessions must be in [1, 250], was " + advSessions);
        }
        if (dataUrl != null) {
            String scheme = dataUrl.getScheme() == null ? "" : dataUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || dataUrl.getHost() == null) {
                throw new IllegalArgumentException("alpaca.data_url must be an absolute http(s) URL, was '" + dataUrl + "'");
            }
        }
    }

    /** IEX feed, one-minute bars, ADV over 20 sessions, the default HTTP policy. */
    public static AlpacaDataConfig defaults() {
        return new AlpacaDataConfig(null, AlpacaFeed.IEX, AlpacaTimeframe.parse("1Min"), 20, AlpacaHttpPolicy.defaults());
    }

    /** This configuration against another base URL. */
    public AlpacaDataConfig withDataUrl(String url) {
        return new AlpacaDataConfig(URI.create(url), feed, barTimeframe, advSessions, http);
    }

    /** This configuration reading {@code stockFeed}. */
    public AlpacaDataConfig withFeed(AlpacaFeed stockFeed) {
        return new AlpacaDataConfig(dataUrl, stockFeed, barTimeframe, advSessions, http);
    }

    /** This configuration with bars of {@code timeframe}. */
    public AlpacaDataConfig withBarTimeframe(AlpacaTimeframe timeframe) {
        return new AlpacaDataConfig(dataUrl, feed, timeframe, advSessions, http);
    }

    /** This configuration averaging {@code sessions} daily volumes. */
    public AlpacaDataConfig withAdvSessions(int sessions) {
        return new AlpacaDataConfig(dataUrl, feed, barTimeframe, sessions, http);
    }

    /** This configuration with another HTTP policy. */
    public AlpacaDataConfig withHttp(AlpacaHttpPolicy policy) {
        return new AlpacaDataConfig(dataUrl, feed, barTimeframe, advSessions, policy);
    }

    /** The base URL calls go to. */
    public URI effectiveDataUrl() {
        return dataUrl != null ? dataUrl : URI.create(DATA_URL);
    }
}
