package dev.horizon.domain.order;

/** How an order is priced: at the market, or with a limit price (a marketable limit). */
public enum OrderType {
    MARKET,
    LIMIT
}
