package dev.horizon.adapters.broker.alpaca;

import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * What the {@link AlpacaBroker} connects to and how.
 *
 * @param environment   [alpaca.environment] {@code paper} or {@code live}
 * @param tradingUrl    [alpaca.trading_url] overrides the environment's base URL (tests, proxies),
 *                      or {@code null} for the environment's own
 * @param liveConfirmed whether the operator confirmed live trading ({@code --i-understand-live-trading}
 *                      or {@code HORIZON_LIVE=1}); never read from the config file
 * @param http          timeouts, rate limit, retries and circuit breaker
 */
public record AlpacaConfig(AlpacaEnvironment environment, URI tradingUrl, boolean liveConfirmed,
                           AlpacaHttpPolicy http) {

    public AlpacaConfig {
        Objects.requireNonNull(environment, "alpaca.environment");
        Objects.requireNonNull(http, "http");
        if (tradingUrl != null) {
            String scheme = tradingUrl.getScheme() == null ? "" : tradingUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || tradingUrl.getHost() == null) {
                throw new IllegalArgumentException("alpaca.trading_url must be an absolute http(s) URL, was '"
                        + tradingUrl + "'");
            }
        }
    }

    /** The paper account with the default HTTP policy. */
    public static AlpacaConfig paper() {
        return new AlpacaConfig(AlpacaEnvironment.PAPER, null, false, AlpacaHttpPolicy.defaults());
    }

    /** This configuration against another base URL. */
    public AlpacaConfig withTradingUrl(String url) {
        return new AlpacaConfig(environment, URI.create(url), liveConfirmed, http);
    }

    /** This configuration in {@code env}. */
    public AlpacaConfig withEnvironment(AlpacaEnvironment env) {
        return new AlpacaConfig(env, tradingUrl, liveConfirmed, http);
    }

    /** This configuration with the live confirmation given (or withdrawn). */
    public AlpacaConfig withLiveConfirmed(boolean confirmed) {
        return new AlpacaConfig(environment, tradingUrl, confirmed, http);
    }

    /** This configuration with another HTTP policy. */
    public AlpacaConfig withHttp(AlpacaHttpPolicy policy) {
        return new AlpacaConfig(environment, tradingUrl, liveConfirmed, policy);
    }

    /** The base URL calls go to: the override, else the environment's. */
    public URI effectiveTradingUrl() {
        return tradingUrl != null ? tradingUrl : URI.create(environment.tradingUrl());
    }

    /**
     * Refuses a configuration that would trade real money without the operator's explicit
     * confirmation: the {@code live} environment, or any URL on Alpaca's live host.
     *
     * @throws IllegalStateException one line saying how to confirm
     */
    public void requireLiveConfirmedIfLive() {
        boolean liveHost = AlpacaEnvironment.LIVE_HOST.equalsIgnoreCase(effectiveTradingUrl().getHost());
        if (liveHost && environment != AlpacaEnvironment.LIVE) {
            throw new IllegalStateException("alpaca.trading_url points at the live API but alpaca.environment is '"
                    + environment + "': set alpaca.environment: live (and confirm live trading) or use the paper URL");
        }
        if ((environment == AlpacaEnvironment.LIVE || liveHost) && !liveConfirmed) {
            throw new IllegalStateException("alpaca.environment is live but live trading is not confirmed: "
                    + "start with --i-understand-live-trading or set HORIZON_LIVE=1");
        }
    }
}
