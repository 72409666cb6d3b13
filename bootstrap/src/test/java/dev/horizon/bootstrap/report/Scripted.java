package dev.horizon.bootstrap.report;

import dev.horizon.application.backtest.EquityPoint;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.DecisionTrace;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny scripted backtest the report tests check by hand: PV 1000 at {@link #T0}, one cycle a
 * day for five days, and five fills of {@code XYZ} whose round trips are known.
 */
final class Scripted {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Symbol XYZ = Symbol.of("XYZ");
    static final BigDecimal INITIAL = new BigDecimal("1000");
    static final Annualisation DAILY = new Annualisation(252, "1d bars, 252 sessions a year");

    private Scripted() {
    }

    static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    /** PV after cycles 1..5: 1010, 1030.2, 978.69, 1027.6245, 1027.6245 with the exposures given. */
    static List<EquityPoint> equity() {
        return List.of(
                point(1, "1010", 0, 0),
                point(2, "1030.2", 0.5, 0.5),
                point(3, "978.69", 0.5, 0.5),
                point(4, "1027.6245", 0.25, -0.25),
                point(5, "1027.6245", 0, 0));
    }

    static EquityPoint point(int day, String pv, double gross, double net) {
        return new EquityPoint(day(day), new BigDecimal(pv), new BigDecimal(pv), gross, net);
    }

    /** A series of PVs, one a day from day 1. */
    static List<EquityPoint> curve(String... pvs) {
        List<EquityPoint> out = new ArrayList<>();
        for (int i = 0; i < pvs.length; i++) {
            out.add(point(i + 1, pvs[i], 0, 0));
        }
        return out;
    }

    /**
     * Cycle 1 BUY 10 @ 50 fee 1.00 (5m); cycle 2 BUY 10 @ 52 fee 1.00 (15m); cycle 3 SELL 15 @ 49
     * fee 1.50 (5m); cycle 4 SELL 10 @ 55 fee 1.00 (30m, reverses to a 5-share short); cycle 5 BUY
     * 5 @ 53 fee 0.50 with no decision on record.
     */
    static List<Fill> fills() {
        return List.of(
                fill(1, OrderSide.BUY, "10", "50", "1.00"),
                fill(2, OrderSide.BUY, "10", "52", "1.00"),
                fill(3, OrderSide.SELL, "15", "49", "1.50"),
                fill(4, OrderSide.SELL, "10", "55", "1.00"),
                fill(5, OrderSide.BUY, "5", "53", "0.50"));
    }

    /** The TRADE decisions of cycles 1-4 (cycle 5 has none), plus a HOLD of another symbol. */
    static TradeOrigins origins() {
        TradeOrigins o = new TradeOrigins();
        o.record(1, List.of(trade("5m", "10"), TradeDecision.hold(Symbol.of("ABC"), 0, "no_trade_band",
                DecisionTrace.empty())));
        o.record(2, List.of(trade("15m", "10")));
        o.record(3, List.of(trade("5m", "-15")));
        o.record(4, List.of(trade("30m", "-10")));
        return o;
    }

    static List<AttributedFill> attributed() {
        return origins().attribute(fills());
    }

    static TradeDecision trade(String horizon, String shares) {
        return new TradeDecision(XYZ, Decision.TRADE, Horizon.parse(horizon, 1440), 0.1, 0, 0.001,
                new BigDecimal(shares), "score " + horizon, DecisionTrace.empty());
    }

    static Fill fill(int cycle, OrderSide side, String qty, String price, String fee) {
        return new Fill("f" + cycle, ClientOrderId.of("test", cycle, XYZ, side), XYZ, side, new BigDecimal(qty),
                new BigDecimal(price), new BigDecimal(fee), day(cycle));
    }
}
