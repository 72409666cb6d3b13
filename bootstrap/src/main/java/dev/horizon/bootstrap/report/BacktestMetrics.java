package dev.horizon.bootstrap.report;

import dev.horizon.application.backtest.EquityPoint;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The statistics of a finished backtest, computed from its equity curve and its fills alone.
 *
 * <p>Definitions (docs/BACKTEST.md repeats them):
 * <ul>
 *   <li><b>returns</b>: one per cycle, {@code r_i = PV_i / PV_{i−1} − 1}, with {@code PV_0} the
 *       portfolio value before the first cycle (so the first cycle's fees count);</li>
 *   <li><b>Sharpe</b> = mean(r) / sample std(r) × √P, risk-free rate 0, P = {@link Annualisation#periodsPerYear()};
 *       {@code NaN} (reported as n/a) with fewer than two returns; 0 when every return is 0 (flat
 *       equity); {@code NaN} when the std is 0 but the mean is not;</li>
 *   <li><b>Sortino</b> = mean(r) / DD × √P with the downside deviation
 *       {@code DD = √(Σ min(r_i, 0)² / n)} (target 0, every cycle in the denominator); 0 when every
 *       return is 0, {@code NaN} with no losing cycle otherwise;</li>
 *   <li><b>volatility</b> = sample std(r) × √P;</li>
 *   <li><b>CAGR</b> = (PV_n / PV_0)^(1/years) − 1, years = calendar time from {@code start} (when PV_0
 *       held) to the last cycle, in 365.25-day years;</li>
 *   <li><b>max drawdown</b> = max over i of (peak_i − PV_i) / peak_i, peak_i the highest PV up to i
 *       (PV_0 included); its <b>duration</b> runs from that peak to the first PV back at or above
 *       it, or to the last cycle when it never recovers;</li>
 *   <li><b>exposure</b>: average over cycles of gross (Σ|position value| / PV) and net (signed);
 *       <b>time in market</b> = fraction of cycles ending with any position;</li>
 *   <li><b>turnover</b> = Σ fill notional / average PV over cycles;</li>
 *   <li><b>trades</b> = fills; <b>round trips</b>, <b>hit rate</b> (round trips with P&amp;L &gt; 0 over
 *       all round trips), <b>average win / loss</b> (mean P&amp;L of round trips above / below zero) from
 *       {@link RoundTrips FIFO lots}, net of fees; per-horizon attribution by the horizon of the
 *       decision that opened the lot.</li>
 * </ul>
 *
 * @param start          when PV_0 held: the close of the bar before the first traded one
 * @param end            the last cycle's bar close
 * @param cycles         equity points
 * @param years          calendar years from start to end (365.25 days)
 * @param meanReturn     mean per-cycle return
 * @param stdReturn      sample standard deviation of the per-cycle returns ({@code NaN} below two)
 * @param downside       downside deviation per cycle
 * @param realisedPnl    P&amp;L of every closed quantity, net of its fees
 * @param openPnl        the rest of the total P&amp;L: open lots at their last marks, less their entry fees
 */
public record BacktestMetrics(Instant start, Instant end, long cycles, double initialValue, double finalValue,
                              double totalReturn, double cagr, double years, Annualisation annualisation,
                              double meanReturn, double stdReturn, double downside, double sharpe, double sortino,
                              double volatility, Drawdown maxDrawdown, double averageGross, double averageNet,
                              double timeInMarket, int fills, int buys, int sells, BigDecimal tradedNotional,
                              double averageValue, double turnover, BigDecimal fees, int roundTrips, int wins,
                              int losses, double hitRate, double averageWin, double averageLoss, double realisedPnl,
                              double openPnl, int openLots, List<RoundTrips.HorizonPnl> horizons) {

    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    public BacktestMetrics {
        Objects.requireNonNull(annualisation, "annualisation");
        Objects.requireNonNull(maxDrawdown, "maxDrawdown");
        horizons = List.copyOf(horizons);
    }

    /**
     * The deepest fall from a peak.
     *
     * @param depth     (peak − trough) / peak, 0 when the PV never fell
     * @param peak      when the peak held ({@code null} without a drawdown)
     * @param trough    the lowest point after it
     * @param recovery  the first cycle back at or above the peak, {@code null} if it never came
     * @param duration  peak to recovery, or peak to the last cycle when not recovered
     * @param cycles    the same in cycles
     */
    public record Drawdown(double depth, Instant peak, Instant trough, Instant recovery, Duration duration, long cycles) {
        /** Whether the PV came back to the peak. */
        public boolean recovered() {
            return recovery != null;
        }
    }

    /**
     * Computes the metrics.
     *
     * @param start        when {@code initialValue} held (the close before the first cycle)
     * @param initialValue PV_0, the portfolio value before the first cycle
     * @param equity       the portfolio after every cycle, in time order
     * @param fills        every fill with the decision that placed it, in time order
     */
    public static BacktestMetrics compute(Instant start, BigDecimal initialValue, List<EquityPoint> equity,
                                          List<AttributedFill> fills, Annualisation annualisation) {
        Objects.requireNonNull(start, "start");
        int n = equity.size();
        double[] pv = new double[n + 1];
        Instant[] time = new Instant[n + 1];
        pv[0] = initialValue.doubleValue();
        time[0] = start;
        for (int i = 0; i < n; i++) {
            pv[i + 1] = equity.get(i).portfolioValue().doubleValue();
            time[i + 1] = equity.get(i).time();
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = pv[i] > 0 ? pv[i + 1] / pv[i] - 1 : 0;
        }
        double mean = mean(r);
        double std = sampleStd(r, mean);
        double downside = downsideDeviation(r);
        double sqrtP = annualisation.sqrtPeriods();
        double sharpe = ratio(mean, std, n >= 2) * sqrtP;
        double sortino = ratio(mean, downside, n >= 2) * sqrtP;

        double first = pv[0];
        double last = pv[n];
        double totalReturn = first > 0 ? last / first - 1 : Double.NaN;
        double years = Duration.between(start, time[n]).toMillis() / 1000.0 / SECONDS_PER_YEAR;
        double cagr = years > 0 && first > 0 && last > 0 ? Math.pow(last / first, 1 / years) - 1 : Double.NaN;

        double gross = 0;
        double net = 0;
        double value = 0;
        int invested = 0;
        for (EquityPoint p : equity) {
            gross += p.grossExposure();
            net += p.netExposure();
            value += p.portfolioValue().doubleValue();
            if (p.grossExposure() > 0) {
                invested++;
            }
        }
        double averageValue = n == 0 ? first : value / n;

        int buys = 0;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (AttributedFill af : fills) {
            Fill f = af.fill();
            buys += f.side() == OrderSide.BUY ? 1 : 0;
            notional = notional.add(f.notional());
            fees = fees.add(f.fee());
        }
        double turnover = averageValue > 0 ? notional.doubleValue() / averageValue : Double.NaN;

        RoundTrips.Result trips = RoundTrips.of(fills);
        int wins = 0;
        int losses = 0;
        double won = 0;
        double lost = 0;
        for (RoundTrips.RoundTrip t : trips.closed()) {
            double pnl = t.pnl().doubleValue();
            if (pnl > 0) {
                wins++;
                won += pnl;
            } else if (pnl < 0) {
                losses++;
                lost += pnl;
            }
        }
        int closed = trips.closed().size();
        double realised = trips.realised().doubleValue();

        return new BacktestMetrics(start, time[n], n, first, last, totalReturn, cagr, years, annualisation, mean, std,
                downside, sharpe, sortino, std * sqrtP, drawdown(pv, time), n == 0 ? 0 : gross / n,
                n == 0 ? 0 : net / n, n == 0 ? 0 : (double) invested / n, fills.size(), buys, fills.size() - buys,
                notional, averageValue, turnover, fees, closed, wins, losses,
                closed == 0 ? Double.NaN : (double) wins / closed, wins == 0 ? Double.NaN : won / wins,
                losses == 0 ? Double.NaN : lost / losses, realised, last - first - realised, trips.openLots(),
                trips.horizons());
    }

    /** The deepest drawdown of {@code pv} (index 0 is PV_0) and how long it lasted. */
    static Drawdown drawdown(double[] pv, Instant[] time) {
        int peak = 0;
        double depth = 0;
        int worstPeak = -1;
        int worstTrough = -1;
        for (int i = 1; i < pv.length; i++) {
            if (pv[i] >= pv[peak]) {
                peak = i;
            } else if (pv[peak] > 0) {
                double dd = (pv[peak] - pv[i]) / pv[peak];
                if (dd > depth) {
                    depth = dd;
                    worstPeak = peak;
                    worstTrough = i;
                }
            }
        }
        if (worstPeak < 0) {
            return new Drawdown(0, null, null, null, Duration.ZERO, 0);
        }
        int end = pv.length - 1;
        Instant recovery = null;
        for (int i = worstTrough + 1; i < pv.length; i++) {
            if (pv[i] >= pv[worstPeak]) {
                recovery = time[i];
                end = i;
                break;
            }
        }
        return new Drawdown(depth, time[worstPeak], time[worstTrough], recovery,
                Duration.between(time[worstPeak], time[end]), end - worstPeak);
    }

    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The sample standard deviation (n − 1 in the denominator), {@code NaN} below two values. */
    static double sampleStd(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    /** √(Σ min(r, 0)² / n): target 0, every value in the denominator. */
    static double downsideDeviation(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            double d = Math.min(v, 0);
            sum += d * d;
        }
        return Math.sqrt(sum / x.length);
    }

    /** mean / deviation, with 0 for 0/0 (a flat curve) and {@code NaN} for k/0 or too few values. */
    private static double ratio(double mean, double deviation, boolean enough) {
        if (!enough || Double.isNaN(deviation)) {
            return Double.NaN;
        }
        if (deviation == 0) {
            return mean == 0 ? 0 : Double.NaN;
        }
        return mean / deviation;
    }
}
