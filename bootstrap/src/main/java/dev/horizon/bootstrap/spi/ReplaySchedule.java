package dev.horizon.bootstrap.spi;

import java.time.Instant;
import java.util.List;

/**
 * The bar closes a replayed feed steps through, bound by market data adapters that
 * {@link AdapterProvider#replaysHistory replay history}.
 */
public interface ReplaySchedule {

    /** Every bar close of the data, ascending. */
    List<Instant> closeTimes();

    /**
     * The first bar close to trade: earlier bars serve as history only. {@code null} trades from
     * the first bar.
     */
    Instant tradeFrom();

    /** The last bar close to trade, {@code null} for the end of the data. */
    Instant tradeTo();
}
