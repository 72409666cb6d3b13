package dev.horizon.adapters.broker.paper;

import dev.horizon.domain.market.Quote;
import dev.horizon.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The paper broker's price and fee rules, exact.
 *
 * <ul>
 *   <li><b>Fill price.</b> A buy pays the ask × (1 + slippage_bps/10⁴), a sell gets the
 *       bid × (1 − slippage_bps/10⁴). The result is put on the tick: 2 decimals ($0.01) at or
 *       above $1, 4 decimals ($0.0001) below $1 (the sub-penny rule of US equities), judged on
 *       the unrounded price. Rounding is always against the trader (buys up, sells down), so a
 *       fill is never better than the quote.</li>
 *   <li><b>Fee.</b> An order's total fee is max(min_fee, fee_bps/10⁴ × its filled notional
 *       rounded to the cent HALF_UP). Each fill is charged the increase of that total, so the
 *       minimum is paid once per order and splitting an order into partial fills never changes
 *       what it costs in all.</li>
 * </ul>
 */
final class PaperPricing {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final int CENT_SCALE = 2;
    private static final int SUB_PENNY_SCALE = 4;

    private final BigDecimal feeRate;
    private final BigDecimal minFee;
    private final BigDecimal slippageRate;

    PaperPricing(BigDecimal feeBps, BigDecimal minFee, BigDecimal slippageBps) {
        this.feeRate = feeBps.divide(TEN_THOUSAND);
        this.minFee = minFee;
        this.slippageRate = slippageBps.divide(TEN_THOUSAND);
    }

    /** The price a {@code side} order fills at against {@code quote} (which must be valid). */
    BigDecimal fillPrice(OrderSide side, Quote quote) {
        BigDecimal raw = side == OrderSide.BUY
                ? decimal(quote.ask()).multiply(BigDecimal.ONE.add(slippageRate))
                : decimal(quote.bid()).multiply(BigDecimal.ONE.subtract(slippageRate));
        int scale = raw.compareTo(BigDecimal.ONE) < 0 ? SUB_PENNY_SCALE : CENT_SCALE;
        return raw.setScale(scale, side == OrderSide.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    /** The total fee of an order whose fills so far add up to {@code filledNotional}. */
    BigDecimal orderFee(BigDecimal filledNotional) {
        BigDecimal proportional = filledNotional.multiply(feeRate).setScale(CENT_SCALE, RoundingMode.HALF_UP);
        return proportional.max(minFee);
    }

    /** A quote field as the exact decimal it was written as (its shortest representation). */
    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
