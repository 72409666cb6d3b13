package dev.horizon.adapters.broker.alpaca;

import java.util.Locale;

/** Which Alpaca trading account the broker talks to ({@code alpaca.environment}). */
public enum AlpacaEnvironment {

    /** The paper account: simulated fills, no real money. */
    PAPER("https://paper-api.alpaca.markets"),

    /** The live account: real orders. Needs the explicit live confirmation as well. */
    LIVE("https://api.alpaca.markets");

    /** Host of the live trading API: a URL on it needs live confirmation, whatever the environment says. */
    static final String LIVE_HOST = "api.alpaca.markets";

    private final String tradingUrl;

    AlpacaEnvironment(String tradingUrl) {
        this.tradingUrl = tradingUrl;
    }

    /** The trading API base URL of this environment. */
    public String tradingUrl() {
        return tradingUrl;
    }

    /**
     * Parses a config value: {@code paper} or {@code live}.
     *
     * @throws IllegalArgumentException naming the key and the accepted values
     */
    public static AlpacaEnvironment parse(String value) {
        if (value != null) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "paper":
                    return PAPER;
                case "live":
                    return LIVE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("alpaca.environment must be 'paper' or 'live', was '" + value + "'");
    }

    /** The config spelling: {@code paper} or {@code live}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
