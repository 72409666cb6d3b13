package dev.horizon.domain.order;

/** How long an order stays working: the session ({@code DAY}), until canceled, or immediate-or-cancel. */
public enum TimeInForce {
    DAY,
    GTC,
    IOC
}
