package dev.horizon.domain.order;

import dev.horizon.domain.market.Symbol;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id the engine gives an order before sending it: {@code hz-<engineId>-<cycleSeq>-<symbol>-<B|S>}.
 *
 * <p>It is derived only from persisted facts (engine id, cycle sequence, symbol, side), so a
 * cycle replayed after a crash derives the same id and the broker refuses the duplicate. The
 * symbol is written without separators ({@code BTC/USD} → {@code BTCUSD}). At most 48 characters.
 */
public record ClientOrderId(String value) {

    /** Longest id accepted by the brokers we talk to. */
    public static final int MAX_LENGTH = 48;

    private static final Pattern ENGINE_ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

    public ClientOrderId {
        Objects.requireNonNull(value, "client order id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid client order id '" + value
                    + "': 1-" + MAX_LENGTH + " characters of letters, digits, '_', '.', '-'");
        }
    }

    /**
     * Derives the id of the order for {@code symbol} and {@code side} in cycle {@code cycleSeq}.
     *
     * @throws IllegalArgumentException if the engine id is not 1-16 lower-case letters/digits,
     *                                  the cycle is negative, or the id would exceed 48 characters
     */
    public static ClientOrderId of(String engineId, long cycleSeq, Symbol symbol, OrderSide side) {
        if (engineId == null || !ENGINE_ID.matcher(engineId).matches()) {
            throw new IllegalArgumentException("invalid engine id '" + engineId
                    + "': use 1-16 lower-case letters or digits");
        }
        if (cycleSeq < 0) {
            throw new IllegalArgumentException("cycle sequence must be >= 0, was " + cycleSeq);
        }
        String compactSymbol = symbol.value().replaceAll("[^A-Z0-9]", "");
        String id = "hz-" + engineId + "-" + cycleSeq + "-" + compactSymbol + "-" + side.code();
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id '" + id + "' exceeds " + MAX_LENGTH + " characters");
        }
        return new ClientOrderId(id);
    }

    @Override
    public String toString() {
        return value;
    }
}
