package dev.horizon.bootstrap.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code metrics.json}: every metric as a number (fractions as fractions, money in the account
 * currency), with the annualisation and the definitions stated beside them. An undefined value
 * (a Sharpe ratio of one cycle, a hit rate without round trips) is {@code null}.
 */
public final class MetricsJson implements BacktestReport.Writer {

    /** The file name. */
    public static final String FILE = "metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(BacktestReport report) throws IOException {
        JSON.writeValue(report.directory().resolve(FILE).toFile(), toJson(report));
    }

    /** The document {@code metrics.json} holds. */
    static ObjectNode toJson(BacktestReport report) {
        BacktestMetrics m = report.metrics();
        ObjectNode root = JSON.createObjectNode();
        root.put("config", report.name());
        root.put("start", m.start().toString());
        root.put("first_cycle", report.result().equity().isEmpty() ? null
                : report.result().equity().get(0).time().toString());
        root.put("end", m.end().toString());
        root.put("cycles", m.cycles());
        ObjectNode a = root.putObject("annualisation");
        Annualisation ann = m.annualisation();
        if (ann.periodsPerYear() == Math.rint(ann.periodsPerYear())) {
            a.put("periods_per_year", (long) ann.periodsPerYear());
        } else {
            a.put("periods_per_year", ann.periodsPerYear());
        }
        a.put("basis", ann.basis());
        a.put("risk_free_rate", 0);
        ObjectNode d = root.putObject("definitions");
        d.put("returns", "per cycle: r_i = PV_i / PV_(i-1) - 1, PV_0 the value before the first cycle");
        d.put("sharpe", "mean(r) / sample std(r) * sqrt(periods_per_year), risk-free rate 0; 0 for flat equity,"
                + " null below two cycles");
        d.put("sortino", "mean(r) / sqrt(sum(min(r_i, 0)^2) / n) * sqrt(periods_per_year), target 0");
        d.put("volatility", "sample std(r) * sqrt(periods_per_year)");
        d.put("cagr", "(PV_n / PV_0)^(1 / years) - 1, years = calendar time from start to end / 365.25 days");
        d.put("max_drawdown", "max (peak - PV) / peak; duration from that peak to the first PV back at the peak,"
                + " or to the end when not recovered");
        d.put("turnover", "sum of fill notional / average PV over cycles");
        d.put("round_trips", "FIFO lots per symbol; P&L net of entry and exit fees (split pro rata to quantity);"
                + " hit rate = round trips with P&L > 0 / round trips");
        d.put("horizons", "lots attributed to the horizon of the TRADE decision (same cycle and symbol) that"
                + " opened them");

        put(root, "initial_value", m.initialValue());
        put(root, "final_value", m.finalValue());
        put(root, "total_return", m.totalReturn());
        put(root, "cagr", m.cagr());
        put(root, "years", m.years());
        put(root, "sharpe", m.sharpe());
        put(root, "sortino", m.sortino());
        put(root, "volatility", m.volatility());
        ObjectNode per = root.putObject("per_cycle");
        put(per, "mean_return", m.meanReturn());
        put(per, "std_return", m.stdReturn());
        put(per, "downside_deviation", m.downside());

        BacktestMetrics.Drawdown dd = m.maxDrawdown();
        ObjectNode mdd = root.putObject("max_drawdown");
        put(mdd, "depth", dd.depth());
        mdd.put("peak", text(dd.peak()));
        mdd.put("trough", text(dd.trough()));
        mdd.put("recovered", dd.recovered());
        mdd.put("recovery", text(dd.recovery()));
        mdd.put("duration", dd.duration().toString());
        mdd.put("duration_seconds", dd.duration().toSeconds());
        mdd.put("duration_cycles", dd.cycles());

        ObjectNode exposure = root.putObject("exposure");
        put(exposure, "average_gross", m.averageGross());
        put(exposure, "average_net", m.averageNet());
        put(exposure, "time_in_market", m.timeInMarket());

        ObjectNode trades = root.putObject("trades");
        trades.put("fills", m.fills());
        trades.put("buys", m.buys());
        trades.put("sells", m.sells());
        trades.put("traded_notional", m.tradedNotional());
        put(trades, "average_value", m.averageValue());
        put(trades, "turnover", m.turnover());
        trades.put("fees", m.fees());

        ObjectNode trips = root.putObject("round_trips");
        trips.put("closed", m.roundTrips());
        trips.put("wins", m.wins());
        trips.put("losses", m.losses());
        put(trips, "hit_rate", m.hitRate());
        put(trips, "average_win", m.averageWin());
        put(trips, "average_loss", m.averageLoss());
        put(trips, "realised_pnl", m.realisedPnl());
        trips.put("open_lots", m.openLots());
        put(trips, "open_pnl", m.openPnl());

        ArrayNode horizons = root.putArray("horizons");
        for (RoundTrips.HorizonPnl h : m.horizons()) {
            ObjectNode row = horizons.addObject();
            row.put("horizon", h.label());
            row.put("trades", h.opened());
            row.put("round_trips", h.closed());
            row.put("wins", h.wins());
            put(row, "hit_rate", h.hitRate());
            row.put("realised_pnl", h.realised().doubleValue());
        }
        return root;
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
