package dev.horizon.application.execution;

/** How orders are priced: at the market, or as a limit a collar beyond the mid. */
public enum OrderPricing {
    MARKET,
    MARKETABLE_LIMIT
}
