package dev.horizon.adapters.data.alpaca;

import java.util.Locale;

/** Which stock feed Alpaca serves ({@code alpaca.feed}): IEX (free plans) or the consolidated SIP tape. */
public enum AlpacaFeed {
    /** The IEX exchange only: free, a fraction of the volume. */
    IEX,
    /** All US exchanges: needs a paid data subscription for recent data. */
    SIP;

    /**
     * Parses a config value: {@code iex} or {@code sip}.
     *
     * @throws IllegalArgumentException naming the key and the accepted values
     */
    public static AlpacaFeed parse(String value) {
        if (value != null) {
            for (AlpacaFeed feed : values()) {
                if (feed.toString().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return feed;
                }
            }
        }
        throw new IllegalArgumentException("alpaca.feed must be 'iex' or 'sip', was '" + value + "'");
    }

    /** The API's spelling: {@code iex} or {@code sip}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
