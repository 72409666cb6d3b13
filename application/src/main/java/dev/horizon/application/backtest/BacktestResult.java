package dev.horizon.application.backtest;

import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.time.Duration;
import java.util.List;

/**
 * What a backtest produced. Decisions are not kept here (a long run makes millions): they are in
 * the journal and reach a {@link BacktestRunner.Listener} as each cycle ends.
 *
 * @param equity  the portfolio after every cycle
 * @param orders  every order placed, as it ended up
 * @param fills   every fill, fees included
 * @param cycles  cycles run
 * @param elapsed wall time of the run
 */
public record BacktestResult(List<EquityPoint> equity, List<Order> orders, List<Fill> fills, long cycles,
                             Duration elapsed) {
    public BacktestResult {
        equity = List.copyOf(equity);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
    }
}
