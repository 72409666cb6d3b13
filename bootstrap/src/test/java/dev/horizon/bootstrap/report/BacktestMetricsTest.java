package dev.horizon.bootstrap.report;

import static dev.horizon.bootstrap.report.Scripted.DAILY;
import static dev.horizon.bootstrap.report.Scripted.INITIAL;
import static dev.horizon.bootstrap.report.Scripted.T0;
import static dev.horizon.bootstrap.report.Scripted.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.backtest.EquityPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BacktestMetrics} on a scripted series whose every number is worked out by hand below. */
class BacktestMetricsTest {

    private static final double TOLERANCE = 1e-12;

    private static BacktestMetrics scripted() {
        return BacktestMetrics.compute(T0, INITIAL, Scripted.equity(), Scripted.attributed(), DAILY);
    }

    @Test
    void returns_sharpe_sortino_and_volatility_are_per_cycle_statistics_scaled_by_sqrt_periods() {
        // PV 1000 → 1010 → 1030.2 → 978.69 → 1027.6245 → 1027.6245
        // r = +0.01, +0.02, −0.05, +0.05, 0            (1030.2/1010 = 1.02, 978.69/1030.2 = 0.95, ×1.05, ×1)
        // mean = 0.03 / 5 = 0.006
        // deviations 0.004, 0.014, −0.056, 0.044, −0.006 → squares 0.000016 + 0.000196 + 0.003136
        //   + 0.001936 + 0.000036 = 0.00532; sample variance 0.00532 / 4 = 0.00133; std = √0.00133 = 0.0364692
        // Sharpe = 0.006 / 0.0364692 × √252 = 0.164523 × 15.874508 = 2.611715
        // downside deviation = √((0.05²) / 5) = √0.0005 = 0.0223607; Sortino = 0.006 / 0.0223607 × √252 = 4.259577
        // volatility = 0.0364692 × √252 = 0.578930
        BacktestMetrics m = scripted();

        assertThat(m.cycles()).isEqualTo(5);
        assertClose(m.meanReturn(), 0.006);
        assertClose(m.stdReturn(), Math.sqrt(0.00133));
        assertClose(m.downside(), Math.sqrt(0.0005));
        assertClose(m.sharpe(), 0.006 / Math.sqrt(0.00133) * Math.sqrt(252));
        assertThat(m.sharpe()).isBetween(2.6117, 2.6118);
        assertClose(m.sortino(), 0.006 / Math.sqrt(0.0005) * Math.sqrt(252));
        assertThat(m.sortino()).isBetween(4.2595, 4.2596);
        assertClose(m.volatility(), Math.sqrt(0.00133) * Math.sqrt(252));
        assertThat(m.annualisation().periodsPerYear()).isEqualTo(252);
    }

    @Test
    void total_return_and_cagr_use_the_first_and_last_pv_over_calendar_years() {
        // total return = 1027.6245 / 1000 − 1 = 0.0276245
        // 5 days from T0 to the last cycle = 5 / 365.25 years; CAGR = 1.0276245^(365.25/5) − 1
        //   = e^(73.05 × ln 1.0276245) − 1 = e^(73.05 × 0.0272496) − 1 = e^1.990583 − 1 = 6.319924
        BacktestMetrics m = scripted();

        assertClose(m.initialValue(), 1000);
        assertClose(m.finalValue(), 1027.6245);
        assertClose(m.totalReturn(), 0.0276245);
        assertClose(m.years(), 5 / 365.25);
        assertClose(m.cagr(), Math.pow(1.0276245, 365.25 / 5) - 1);
        assertThat(m.cagr()).isBetween(6.3199, 6.3200);
        assertThat(m.start()).isEqualTo(T0);
        assertThat(m.end()).isEqualTo(day(5));
    }

    @Test
    void max_drawdown_runs_from_the_peak_to_the_end_when_the_pv_never_gets_back() {
        // peak 1030.2 on day 2, trough 978.69 on day 3: (1030.2 − 978.69) / 1030.2 = 51.51 / 1030.2 = 0.05;
        // 1027.6245 < 1030.2 on days 4 and 5: not recovered, so the duration is day 2 → day 5 = 3 days, 3 cycles
        BacktestMetrics.Drawdown dd = scripted().maxDrawdown();

        assertClose(dd.depth(), 0.05);
        assertThat(dd.peak()).isEqualTo(day(2));
        assertThat(dd.trough()).isEqualTo(day(3));
        assertThat(dd.recovered()).isFalse();
        assertThat(dd.recovery()).isNull();
        assertThat(dd.duration()).isEqualTo(Duration.ofDays(3));
        assertThat(dd.cycles()).isEqualTo(3);
    }

    @Test
    void max_drawdown_duration_ends_when_the_pv_is_back_at_the_peak_and_a_shallower_later_fall_does_not_replace_it() {
        // PV_0 = 1000 (T0), then 1100, 990, 1050, 1100, 1200, 1140:
        // first fall 1100 → 990 = 110 / 1100 = 0.10, back at 1100 on day 4: 3 days, 3 cycles;
        // later fall 1200 → 1140 = 0.05 is shallower and does not count
        List<EquityPoint> curve = Scripted.curve("1100", "990", "1050", "1100", "1200", "1140");

        BacktestMetrics.Drawdown dd = BacktestMetrics.compute(T0, INITIAL, curve, List.of(), DAILY).maxDrawdown();

        assertClose(dd.depth(), 0.10);
        assertThat(dd.peak()).isEqualTo(day(1));
        assertThat(dd.trough()).isEqualTo(day(2));
        assertThat(dd.recovery()).isEqualTo(day(4));
        assertThat(dd.duration()).isEqualTo(Duration.ofDays(3));
        assertThat(dd.cycles()).isEqualTo(3);
    }

    @Test
    void a_loss_on_the_first_cycle_is_a_drawdown_from_the_initial_value() {
        // PV_0 = 1000, then 980, 1000: (1000 − 980) / 1000 = 0.02 from T0, recovered on day 2
        BacktestMetrics.Drawdown dd = BacktestMetrics.compute(T0, INITIAL, Scripted.curve("980", "1000"), List.of(),
                DAILY).maxDrawdown();

        assertClose(dd.depth(), 0.02);
        assertThat(dd.peak()).isEqualTo(T0);
        assertThat(dd.recovery()).isEqualTo(day(2));
        assertThat(dd.cycles()).isEqualTo(2);
    }

    @Test
    void fifo_round_trips_give_hit_rate_average_win_and_loss_net_of_fees() {
        // lot A: BUY 10 @ 50 (fee 1.00). lot B: BUY 10 @ 52 (fee 1.00).
        // SELL 15 @ 49 (fee 1.50, 0.10 a share) closes A: (49 − 50) × 10 − 1.00 − 1.00 = −12   → round trip A = −12
        //   and 5 of B: (49 − 52) × 5 − 0.50 (half B's fee) − 0.50 = −16
        // SELL 10 @ 55 (fee 1.00) closes B's last 5: (55 − 52) × 5 − 0.50 − 0.50 = +14      → round trip B = −16 + 14 = −2
        //   and opens short lot C of 5 @ 55 with the other 0.50 of the fee
        // BUY 5 @ 53 (fee 0.50) closes C: (53 − 55) × 5 × (−1) − 0.50 − 0.50 = +9             → round trip C = +9
        // 3 round trips: 1 win (+9), 2 losses (−12, −2): hit rate 1/3, average win 9, average loss −7
        BacktestMetrics m = scripted();

        assertThat(m.roundTrips()).isEqualTo(3);
        assertThat(m.wins()).isEqualTo(1);
        assertThat(m.losses()).isEqualTo(2);
        assertClose(m.hitRate(), 1.0 / 3);
        assertClose(m.averageWin(), 9);
        assertClose(m.averageLoss(), -7);
        assertClose(m.realisedPnl(), -5);
        assertThat(m.openLots()).isZero();
        // the rest of the P&L: (1027.6245 − 1000) − (−5) = 32.6245
        assertClose(m.openPnl(), 32.6245);
        RoundTrips.Result trips = RoundTrips.of(Scripted.attributed());
        assertThat(trips.closed()).extracting(t -> t.pnl().stripTrailingZeros().toPlainString())
                .containsExactly("-12", "-2", "9");
        assertThat(trips.closed()).extracting(RoundTrips.RoundTrip::direction).containsExactly(1, 1, -1);
        assertThat(trips.closed().get(2).entryPrice()).isEqualByComparingTo("55");
        assertThat(trips.closed().get(2).opened()).isEqualTo(day(4));
        assertThat(trips.closed().get(2).closed()).isEqualTo(day(5));
    }

    @Test
    void fees_trades_and_turnover_come_from_the_fills() {
        // fees 1.00 + 1.00 + 1.50 + 1.00 + 0.50 = 5.00
        // notional 500 + 520 + 735 + 550 + 265 = 2570
        // average PV over the cycles (1010 + 1030.2 + 978.69 + 1027.6245 + 1027.6245) / 5 = 5074.139 / 5 = 1014.8278
        // turnover = 2570 / 1014.8278 = 2.532449
        BacktestMetrics m = scripted();

        assertThat(m.fees()).isEqualByComparingTo("5.00");
        assertThat(m.fills()).isEqualTo(5);
        assertThat(m.buys()).isEqualTo(3);
        assertThat(m.sells()).isEqualTo(2);
        assertThat(m.tradedNotional()).isEqualByComparingTo("2570");
        assertClose(m.averageValue(), 1014.8278);
        assertClose(m.turnover(), 2570 / 1014.8278);
    }

    @Test
    void exposure_is_averaged_over_cycles_and_time_in_market_counts_cycles_with_a_position() {
        // gross 0, 0.5, 0.5, 0.25, 0 → 1.25 / 5 = 0.25; net 0, 0.5, 0.5, −0.25, 0 → 0.75 / 5 = 0.15;
        // cycles with a position: days 2, 3, 4 → 3 / 5 = 0.6
        BacktestMetrics m = scripted();

        assertClose(m.averageGross(), 0.25);
        assertClose(m.averageNet(), 0.15);
        assertClose(m.timeInMarket(), 0.6);
    }

    @Test
    void each_lot_is_attributed_to_the_horizon_of_the_decision_that_opened_it() {
        // 5m opened A (−12); 15m opened B (−16 + 14 = −2); 30m's sell closed B and opened C (+9);
        // the cycle-5 buy had no decision but only closed C, so nothing is attributed to "none"
        BacktestMetrics m = scripted();

        assertThat(m.horizons()).extracting(RoundTrips.HorizonPnl::label).containsExactly("5m", "15m", "30m");
        RoundTrips.HorizonPnl h5 = m.horizons().get(0);
        RoundTrips.HorizonPnl h15 = m.horizons().get(1);
        RoundTrips.HorizonPnl h30 = m.horizons().get(2);
        assertThat(List.of(h5.opened(), h5.closed(), h5.wins())).containsExactly(1, 1, 0);
        assertThat(h5.realised()).isEqualByComparingTo("-12");
        assertThat(List.of(h15.opened(), h15.closed(), h15.wins())).containsExactly(1, 1, 0);
        assertThat(h15.realised()).isEqualByComparingTo("-2");
        assertThat(List.of(h30.opened(), h30.closed(), h30.wins())).containsExactly(1, 1, 1);
        assertThat(h30.realised()).isEqualByComparingTo("9");
        assertThat(h30.hitRate()).isEqualTo(1.0);
    }

    @Test
    void a_lot_still_open_counts_its_closed_part_as_realised_and_is_not_a_round_trip() {
        // BUY 10 @ 50 (fee 1.00, no decision), SELL 4 @ 60 (fee 0.40): (60 − 50) × 4 − 0.40 (4/10 of the entry fee)
        //   − 0.40 = +39.20 realised;
        // 6 shares stay open, so no round trip and no hit rate
        List<AttributedFill> fills = new TradeOrigins().attribute(List.of(
                Scripted.fill(1, dev.horizon.domain.order.OrderSide.BUY, "10", "50", "1.00"),
                Scripted.fill(2, dev.horizon.domain.order.OrderSide.SELL, "4", "60", "0.40")));

        RoundTrips.Result trips = RoundTrips.of(fills);

        assertThat(trips.closed()).isEmpty();
        assertThat(trips.openLots()).isEqualTo(1);
        assertThat(trips.realised()).isEqualByComparingTo("39.20");
        assertThat(trips.horizons()).singleElement().satisfies(h -> {
            assertThat(h.label()).isEqualTo("none");
            assertThat(h.opened()).isEqualTo(1);
            assertThat(h.closed()).isZero();
            assertThat(h.hitRate()).isNaN();
        });
    }

    @Test
    void flat_equity_has_sharpe_and_sortino_zero_and_no_drawdown() {
        // every r = 0: mean 0, std 0 → Sharpe 0/0 is reported as 0 (no risk, no return), as is Sortino
        BacktestMetrics m = BacktestMetrics.compute(T0, INITIAL, Scripted.curve("1000", "1000", "1000"), List.of(),
                DAILY);

        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
        assertThat(m.volatility()).isZero();
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.maxDrawdown().depth()).isZero();
        assertThat(m.maxDrawdown().peak()).isNull();
        assertThat(m.maxDrawdown().duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void gains_without_a_losing_cycle_leave_sortino_undefined() {
        // r = +0.01, +0.02: no downside, so mean / 0 is undefined (NaN, null in metrics.json); Sharpe is finite
        BacktestMetrics m = BacktestMetrics.compute(T0, INITIAL, Scripted.curve("1010", "1030.2"), List.of(), DAILY);

        assertThat(m.sortino()).isNaN();
        assertClose(m.sharpe(), 0.015 / Math.sqrt(0.00005) * Math.sqrt(252));
    }

    @Test
    void no_trades_gives_zero_fees_and_turnover_and_undefined_hit_rate() {
        BacktestMetrics m = BacktestMetrics.compute(T0, INITIAL, Scripted.curve("1000", "1000"), List.of(), DAILY);

        assertThat(m.fills()).isZero();
        assertThat(m.fees()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(m.turnover()).isZero();
        assertThat(m.roundTrips()).isZero();
        assertThat(m.hitRate()).isNaN();
        assertThat(m.averageWin()).isNaN();
        assertThat(m.averageLoss()).isNaN();
        assertThat(m.horizons()).isEmpty();
        assertThat(m.timeInMarket()).isZero();
    }

    @Test
    void one_cycle_has_a_return_but_no_sample_std_so_sharpe_and_sortino_are_undefined() {
        // one return, 1010 / 1000 − 1 = 0.01: the sample std needs two, so Sharpe and Sortino are NaN;
        // CAGR over one day: 1.01^365.25 − 1
        BacktestMetrics m = BacktestMetrics.compute(T0, INITIAL, Scripted.curve("1010"), List.of(), DAILY);

        assertThat(m.cycles()).isEqualTo(1);
        assertClose(m.totalReturn(), 0.01);
        assertThat(m.stdReturn()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.volatility()).isNaN();
        assertClose(m.cagr(), Math.pow(1.01, 365.25) - 1);
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).as("expected %s", expected)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(Math.abs(expected), 1e-300) * TOLERANCE));
    }
}
