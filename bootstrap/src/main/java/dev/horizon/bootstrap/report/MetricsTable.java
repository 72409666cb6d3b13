package dev.horizon.bootstrap.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics as a table of words: the rows the console prints and report.html shows, each with
 * a note saying how the number was made (annualisation, definitions).
 */
public final class MetricsTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    /** One line of the table. */
    public record Row(String metric, String value, String note) {
    }

    private MetricsTable() {
    }

    /** The metric rows, in reading order. */
    public static List<Row> rows(BacktestMetrics m) {
        Annualisation a = m.annualisation();
        String sqrtP = "√" + a.periodsText() + " (" + a.basis() + ")";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("period", TIME.format(m.start()) + " → " + TIME.format(m.end()),
                String.format(Locale.ROOT, "%,d cycles", m.cycles())));
        rows.add(new Row("portfolio value", money(m.initialValue()) + " → " + money(m.finalValue()), ""));
        rows.add(new Row("total return", percent(m.totalReturn(), true), ""));
        rows.add(new Row("CAGR", percent(m.cagr(), true), String.format(Locale.ROOT,
                "over %s calendar days, 365.25-day years", number(m.years() * 365.25, 2))));
        rows.add(new Row("Sharpe (annualised)", number(m.sharpe(), 2),
                "mean / sample std of per-cycle returns × " + sqrtP + "; risk-free rate 0"));
        rows.add(new Row("Sortino (annualised)", number(m.sortino(), 2),
                "mean / downside deviation √(Σ min(r,0)² / n) × √" + a.periodsText() + "; target 0"));
        rows.add(new Row("volatility (annualised)", percent(m.volatility(), false), "sample std × √" + a.periodsText()));
        BacktestMetrics.Drawdown dd = m.maxDrawdown();
        rows.add(new Row("max drawdown", percent(dd.depth(), false), dd.peak() == null ? "the PV never fell"
                : "peak " + TIME.format(dd.peak()) + ", trough " + TIME.format(dd.trough())));
        rows.add(new Row("max drawdown duration", duration(dd.duration()), dd.peak() == null ? ""
                : String.format(Locale.ROOT, "%,d cycles, %s", dd.cycles(), dd.recovered()
                        ? "recovered " + TIME.format(dd.recovery()) : "not recovered by the end")));
        rows.add(new Row("trades", String.format(Locale.ROOT, "%,d fills", m.fills()),
                String.format(Locale.ROOT, "%,d buys, %,d sells", m.buys(), m.sells())));
        rows.add(new Row("turnover", number(m.turnover(), 2) + "×", "traded notional " + money(m.tradedNotional())
                + " / average PV " + money(m.averageValue())));
        rows.add(new Row("fees paid", money(m.fees()), ""));
        rows.add(new Row("round trips", String.format(Locale.ROOT, "%,d", m.roundTrips()),
                "FIFO lots closed; " + m.openLots() + " still open"));
        rows.add(new Row("hit rate", percent(m.hitRate(), false),
                m.wins() + " won, " + m.losses() + " lost (P&L net of fees)"));
        rows.add(new Row("average win / loss", signedMoney(m.averageWin()) + " / " + signedMoney(m.averageLoss()),
                "per round trip"));
        rows.add(new Row("realised / open P&L", signedMoney(m.realisedPnl()) + " / " + signedMoney(m.openPnl()),
                "open: lots still held at their last marks, less their entry fees"));
        rows.add(new Row("exposure gross / net", percent(m.averageGross(), false) + " / " + percent(m.averageNet(), true),
                "averages over cycles, of PV"));
        rows.add(new Row("time in market", percent(m.timeInMarket(), false), "cycles ending with a position"));
        return rows;
    }

    /** The per-horizon attribution: a header and one row per horizon that opened a lot. */
    public static List<List<String>> horizonRows(BacktestMetrics m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("horizon", "trades", "round trips", "hit rate", "realised P&L"));
        for (RoundTrips.HorizonPnl h : m.horizons()) {
            rows.add(List.of(h.label(), Integer.toString(h.opened()), Integer.toString(h.closed()),
                    percent(h.hitRate(), false), signedMoney(h.realised().doubleValue())));
        }
        return rows;
    }

    /** The whole table as console text. */
    public static String render(BacktestMetrics m) {
        List<Row> rows = rows(m);
        int w0 = rows.stream().mapToInt(r -> r.metric().length()).max().orElse(0);
        int w1 = rows.stream().mapToInt(r -> r.value().length()).max().orElse(0);
        StringBuilder s = new StringBuilder();
        for (Row r : rows) {
            String line = pad(r.metric(), w0) + "  " + pad(r.value(), w1) + (r.note().isEmpty() ? "" : "  " + r.note());
            s.append(line.stripTrailing()).append('\n');
        }
        List<List<String>> h = horizonRows(m);
        if (h.size() > 1) {
            s.append('\n').append("per horizon (by the decision that opened each lot):\n");
            int[] widths = new int[h.get(0).size()];
            for (List<String> row : h) {
                for (int c = 0; c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            for (List<String> row : h) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < row.size(); c++) {
                    line.append(c == 0 ? pad(row.get(c), widths[c]) : padLeft(row.get(c), widths[c])).append("  ");
                }
                s.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return s.toString();
    }

    /** A fraction in percent: 2 decimals, 4 below 0.1% so a small return does not read as zero. */
    static String percent(double fraction, boolean signed) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double p = fraction * 100;
        int decimals = p != 0 && Math.abs(p) < 0.1 ? 4 : 2;
        return String.format(Locale.ROOT, (signed ? "%+." : "%.") + decimals + "f%%", p);
    }

    static String number(double x, int decimals) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%,." + decimals + "f", x) : "n/a";
    }

    static String money(double x) {
        return number(x, 2);
    }

    static String money(BigDecimal x) {
        return money(x.doubleValue());
    }

    static String signedMoney(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%+,.2f", x) : "n/a";
    }

    /** {@code 2d 3h 13m}, {@code 45m}, {@code 0m}; seconds are dropped (bars are whole minutes). */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append("d ");
        }
        if (hours > 0) {
            s.append(hours).append("h ");
        }
        if (mins > 0 || s.isEmpty()) {
            s.append(mins).append("m");
        }
        return s.toString().strip();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
