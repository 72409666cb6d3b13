package dev.horizon.bootstrap.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.application.backtest.EquityPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page — the equity curve, drawdown, gross and net
 * exposure over time, realised P&amp;L per horizon, and the metrics table. The charts are drawn by
 * Chart.js, whose bundle is read from its WebJar on the class path and inlined with the data, so
 * the page opens offline (its Content-Security-Policy forbids fetching anything). Curves longer
 * than {@link #MAX_POINTS} points are thinned by {@link Downsampler min/max buckets}.
 */
public final class HtmlReport implements BacktestReport.Writer {

    /** The file name. */
    public static final String FILE = "report.html";
    /** Most points drawn per curve. */
    static final int MAX_POINTS = 2000;

    private static final String TEMPLATE = "/dev/horizon/bootstrap/report/report.html";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(BacktestReport report) throws IOException {
        Files.writeString(report.directory().resolve(FILE), render(report), StandardCharsets.UTF_8);
    }

    /** The page. */
    static String render(BacktestReport report) {
        BacktestMetrics m = report.metrics();
        String title = "Backtest: " + report.name();
        String subtitle = MetricsTable.time(m.start()) + " → " + MetricsTable.time(m.end()) + ", "
                + String.format(Locale.ROOT, "%,d", m.cycles()) + " cycles; total return "
                + MetricsTable.percent(m.totalReturn(), true) + ", Sharpe " + MetricsTable.number(m.sharpe(), 2)
                + " (annualised × √" + m.annualisation().periodsText() + ", " + m.annualisation().basis() + ")";
        String footer = "Charts: Chart.js " + chartJsVersion() + " (MIT), inlined. Curves show at most " + MAX_POINTS
                + " points each (lowest and highest of each bucket kept).";
        String template = resource(TEMPLATE);
        Matcher matcher = PLACEHOLDER.matcher(template);
        // one pass over the template: the inlined library and data are never scanned for placeholders
        return matcher.replaceAll(match -> Matcher.quoteReplacement(switch (match.group(1)) {
            case "TITLE" -> escape(title);
            case "SUBTITLE" -> escape(subtitle);
            case "FOOTER" -> escape(footer);
            case "METRICS_ROWS" -> metricRows(m);
            case "HORIZON_HEAD" -> horizonHead(m);
            case "HORIZON_ROWS" -> horizonRows(m);
            case "CHART_JS" -> chartJs();
            case "DATA" -> data(report);
            default -> throw new IllegalStateException("unknown placeholder " + match.group() + " in " + TEMPLATE);
        }));
    }

    /** The chart data as JSON, safe inside a {@code <script>} element. */
    static String data(BacktestReport report) {
        BacktestMetrics m = report.metrics();
        List<EquityPoint> equity = report.result().equity();
        int n = equity.size() + 1;
        long[] t = new long[n];
        double[] pv = new double[n];
        double[] drawdown = new double[n];
        double[] gross = new double[n];
        double[] net = new double[n];
        t[0] = m.start().toEpochMilli();
        pv[0] = m.initialValue();
        double peak = pv[0];
        for (int i = 1; i < n; i++) {
            EquityPoint p = equity.get(i - 1);
            t[i] = p.time().toEpochMilli();
            pv[i] = p.portfolioValue().doubleValue();
            peak = Math.max(peak, pv[i]);
            drawdown[i] = peak > 0 ? -(peak - pv[i]) / peak * 100 : 0;
            gross[i] = p.grossExposure() * 100;
            net[i] = p.netExposure() * 100;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("start", t[0]);
        root.put("end", t[n - 1]);
        series(root.putArray("equity"), t, pv, 100);
        series(root.putArray("drawdown"), t, drawdown, 10_000);
        series(root.putArray("gross"), t, gross, 10_000);
        series(root.putArray("net"), t, net, 10_000);
        ObjectNode horizons = root.putObject("horizons");
        ArrayNode labels = horizons.putArray("labels");
        ArrayNode pnl = horizons.putArray("pnl");
        ArrayNode trades = horizons.putArray("trades");
        for (RoundTrips.HorizonPnl h : m.horizons()) {
            labels.add(h.label());
            pnl.add(Math.round(h.realised().doubleValue() * 100) / 100.0);
            trades.add(h.opened());
        }
        try {
            return JSON.writeValueAsString(root).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** [[t, y], ...] of the kept points, y rounded to 1/{@code scale}. */
    private static void series(ArrayNode out, long[] t, double[] y, double scale) {
        for (int i : Downsampler.minMax(y, MAX_POINTS)) {
            ArrayNode p = out.addArray();
            p.add(t[i]);
            p.add(Math.round(y[i] * scale) / scale);
        }
    }

    private static String metricRows(BacktestMetrics m) {
        StringBuilder s = new StringBuilder();
        for (MetricsTable.Row r : MetricsTable.rows(m)) {
            s.append("<tr><td>").append(escape(r.metric())).append("</td><td class=\"v\">").append(escape(r.value()))
                    .append("</td><td class=\"note\">").append(escape(r.note())).append("</td></tr>\n");
        }
        return s.toString();
    }

    private static String horizonHead(BacktestMetrics m) {
        List<String> head = MetricsTable.horizonRows(m).get(0);
        StringBuilder s = new StringBuilder("<tr>");
        for (int c = 0; c < head.size(); c++) {
            s.append(c == 0 ? "<th>" : "<th class=\"v\">").append(escape(head.get(c))).append("</th>");
        }
        return s.append("</tr>").toString();
    }

    private static String horizonRows(BacktestMetrics m) {
        List<List<String>> rows = MetricsTable.horizonRows(m);
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows.subList(1, rows.size())) {
            s.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                s.append(c == 0 ? "<td>" : "<td class=\"v\">").append(escape(row.get(c))).append("</td>");
            }
            s.append("</tr>\n");
        }
        return s.toString();
    }

    /** The Chart.js UMD bundle from its WebJar. */
    static String chartJs() {
        String path = "/META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.js";
        String js = resource(path);
        if (js.contains("</script")) {
            throw new IllegalStateException(path + " contains '</script' and cannot be inlined");
        }
        return js;
    }

    /** The version of the Chart.js WebJar on the class path. */
    static String chartJsVersion() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js is not on the class path (" + WEBJAR_POM
                        + "): build bootstrap with Maven, which adds org.webjars.npm:chart.js");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
