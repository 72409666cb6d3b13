package dev.horizon.adapters.alpaca;

import java.util.Map;
import java.util.Objects;

/**
 * An Alpaca API key pair. Never written anywhere: {@link #toString()} masks both parts, and the
 * adapter sends them only as the {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers.
 *
 * @param keyId     the API key id ({@code ALPACA_API_KEY_ID})
 * @param secretKey the API secret key ({@code ALPACA_API_SECRET_KEY})
 */
public record AlpacaCredentials(String keyId, String secretKey) {

    /** Environment variable holding the API key id. */
    public static final String KEY_ID_VARIABLE = "ALPACA_API_KEY_ID";
    /** Environment variable holding the API secret key. */
    public static final String SECRET_KEY_VARIABLE = "ALPACA_API_SECRET_KEY";

    public AlpacaCredentials {
        requirePresent(keyId, KEY_ID_VARIABLE);
        requirePresent(secretKey, SECRET_KEY_VARIABLE);
    }

    /**
     * Reads the key pair from {@code env} (normally {@code System.getenv()}).
     *
     * @throws IllegalArgumentException naming the missing or blank variable (never a value)
     */
    public static AlpacaCredentials fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return new AlpacaCredentials(env.get(KEY_ID_VARIABLE), env.get(SECRET_KEY_VARIABLE));
    }

    /** Both parts masked: a key pair must never reach a log line, an error or a status page. */
    @Override
    public String toString() {
        return "AlpacaCredentials[keyId=****, secretKey=****]";
    }

    private static void requirePresent(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing Alpaca credential: set the environment variable " + variable
                    + " (see docs/ALPACA.md)");
        }
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Alpaca credential " + variable
                    + " has leading/trailing spaces or control characters: set it to the bare key");
        }
    }
}
