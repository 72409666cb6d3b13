package dev.horizon.application.port;

/**
 * The market data source could not answer (network, rate limit, malformed response). The engine
 * treats the affected symbols as having no data this cycle ({@code HOLD no_data}) and tries again
 * next cycle. Messages never contain credentials.
 */
public class MarketDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MarketDataException(String message) {
        super(message);
    }

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
