package dev.horizon.domain.order;

/** Direction of an order. */
public enum OrderSide {
    BUY('B'),
    SELL('S');

    private final char code;

    OrderSide(char code) {
        this.code = code;
    }

    /** One-letter code used in client order ids: {@code B} or {@code S}. */
    public char code() {
        return code;
    }

    /** +1 for a buy, −1 for a sell: the sign a fill gives to a position change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
