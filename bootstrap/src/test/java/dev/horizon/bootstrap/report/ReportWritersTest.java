package dev.horizon.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.backtest.EquityPoint;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a report writes, on the scripted backtest. */
class ReportWritersTest {

    @TempDir
    Path dir;

    private BacktestReport scripted() {
        return report(Scripted.equity());
    }

    private BacktestReport report(List<EquityPoint> equity) {
        BacktestResult result = new BacktestResult(equity, List.of(), Scripted.fills(), equity.size(), Duration.ofSeconds(1));
        List<AttributedFill> trades = Scripted.attributed();
        return new BacktestReport(dir, "scripted.yaml", null, result, trades,
                BacktestMetrics.compute(Scripted.T0, Scripted.INITIAL, equity, trades, Scripted.DAILY));
    }

    @Test
    void metrics_json_states_the_annualisation_and_writes_undefined_values_as_null() throws Exception {
        new MetricsJson().write(scripted());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(json.at("/annualisation/periods_per_year").asLong()).isEqualTo(252);
        assertThat(json.at("/annualisation/basis").asText()).isEqualTo("1d bars, 252 sessions a year");
        assertThat(json.at("/annualisation/risk_free_rate").asInt()).isZero();
        assertThat(json.at("/definitions/sortino").asText()).contains("min(r_i, 0)^2");
        assertThat(json.at("/sharpe").asDouble()).isEqualTo(0.006 / Math.sqrt(0.00133) * Math.sqrt(252),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.at("/max_drawdown/depth").asDouble()).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(json.at("/max_drawdown/recovered").asBoolean()).isFalse();
        assertThat(json.at("/max_drawdown/recovery").isNull()).isTrue();
        assertThat(json.at("/max_drawdown/duration").asText()).isEqualTo("PT72H");
        assertThat(json.at("/max_drawdown/duration_cycles").asInt()).isEqualTo(3);
        assertThat(json.at("/trades/fills").asInt()).isEqualTo(5);
        assertThat(json.at("/trades/fees").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(json.at("/round_trips/hit_rate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(json.at("/exposure/time_in_market").asDouble()).isEqualTo(0.6);
        assertThat(json.at("/horizons/1/horizon").asText()).isEqualTo("15m");
        assertThat(json.at("/horizons/1/realised_pnl").asDouble()).isEqualTo(-2);

        new MetricsJson().write(report(Scripted.curve("1010")));
        JsonNode one = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(one.at("/sharpe").isNull()).as("one cycle: no Sharpe").isTrue();
        assertThat(one.at("/round_trips/hit_rate").isNull()).isFalse();
    }

    @Test
    void trades_csv_has_one_row_per_fill_with_its_cycle_horizon_and_reason() throws Exception {
        new ReportFiles.Trades().write(scripted());

        List<String> lines = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(lines.get(0)).isEqualTo(
                "time,symbol,side,quantity,price,fee,notional,client_order_id,cycle,horizon,reason,fill_id");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).isEqualTo("2024-01-02T00:00:00Z,XYZ,BUY,10,50,1.00,500,hz-test-1-XYZ-B,1,5m,score 5m,f1");
        assertThat(lines.get(5)).isEqualTo("2024-01-06T00:00:00Z,XYZ,BUY,5,53,0.50,265,hz-test-5-XYZ-B,5,none,,f5");
    }

    @Test
    void percentages_below_a_tenth_of_a_percent_keep_four_decimals_so_they_do_not_read_as_zero() {
        assertThat(MetricsTable.percent(0.00003, true)).isEqualTo("+0.0030%");
        assertThat(MetricsTable.percent(0.0276245, true)).isEqualTo("+2.76%");
        assertThat(MetricsTable.percent(0, false)).isEqualTo("0.00%");
        assertThat(MetricsTable.percent(Double.NaN, false)).isEqualTo("n/a");
    }

    @Test
    void a_reason_with_a_comma_is_quoted() {
        assertThat(ReportFiles.csv("score 3.1bps, gate 0.5")).isEqualTo("\"score 3.1bps, gate 0.5\"");
        assertThat(ReportFiles.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void the_metrics_table_states_the_annualisation_and_the_per_horizon_attribution() {
        String table = MetricsTable.render(scripted().metrics());

        assertThat(table).containsPattern("(?m)^Sharpe \\(annualised\\) +2\\.61 +mean / sample std of per-cycle returns"
                + " × √252 \\(1d bars, 252 sessions a year\\); risk-free rate 0$");
        assertThat(table).containsPattern("(?m)^Sortino \\(annualised\\) +4\\.26 +mean / downside deviation");
        assertThat(table).containsPattern("(?m)^max drawdown +5\\.00% +peak 2024-01-03 00:00Z, trough 2024-01-04 00:00Z$")
                .containsPattern("(?m)^max drawdown duration +3d +3 cycles, not recovered by the end$");
        assertThat(table).containsPattern("(?m)^hit rate +33\\.33% +1 won, 2 lost")
                .containsPattern("(?m)^average win / loss +\\+9\\.00 / -7\\.00 ")
                .containsPattern("(?m)^turnover +2\\.53× +traded notional 2,570\\.00 / average PV 1,014\\.83$")
                .containsPattern("(?m)^fees paid +5\\.00$");
        assertThat(table).contains("  horizon  trades  round trips  hit rate  realised P&L")
                .contains("  15m           1            1     0.00%         -2.00");
    }

    @Test
    void report_html_is_self_contained_with_the_library_and_the_series_inlined() throws Exception {
        new HtmlReport().write(scripted());

        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html);
        assertThat(external.find()).as("an external src/href: " + (external.find(0) ? external.group() : "")).isFalse();
        assertThat(html).doesNotContain("<link").doesNotContain("@import").doesNotContain("@@");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).contains(HtmlReport.chartJs()).contains("Chart.js v" + HtmlReport.chartJsVersion());
        assertThat(html).contains("lineChart('equity'").contains("lineChart('drawdown'").contains("lineChart('exposure'")
                .contains("new Chart(document.getElementById('horizons')");
        // the equity series: PV_0 at T0, then every cycle
        assertThat(html).contains("[" + Scripted.T0.toEpochMilli() + ",1000.0]")
                .contains("[" + Scripted.day(3).toEpochMilli() + ",978.69]");
        // drawdown in percent on day 3, gross and net exposure in percent on day 4
        assertThat(html).contains("[" + Scripted.day(3).toEpochMilli() + ",-5.0]")
                .contains("[" + Scripted.day(4).toEpochMilli() + ",-25.0]");
        assertThat(html).contains("\"labels\":[\"5m\",\"15m\",\"30m\"]").contains("\"pnl\":[-12.0,-2.0,9.0]");
        assertThat(html).contains("<td>Sharpe (annualised)</td><td class=\"v\">2.61</td>");
    }

    @Test
    void report_html_thins_a_long_curve_to_at_most_2000_points_and_keeps_the_trough() throws Exception {
        List<EquityPoint> equity = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:01:00Z");
        for (int i = 0; i < 50_000; i++) {
            String pv = i == 31_337 ? "900" : Double.toString(1000 + Math.sin(i / 100.0));
            equity.add(new EquityPoint(t.plusSeconds(60L * i), new BigDecimal(pv), new BigDecimal(pv), 0, 0));
        }
        BacktestResult result = new BacktestResult(equity, List.of(), List.of(), equity.size(), Duration.ofSeconds(1));
        BacktestReport report = new BacktestReport(dir, "long.yaml", null, result, List.of(),
                BacktestMetrics.compute(Instant.parse("2024-01-01T00:00:00Z"), Scripted.INITIAL, equity, List.of(),
                        new Annualisation(525_600, "1m bars, 24/7")));

        JsonNode data = new ObjectMapper().readTree(HtmlReport.data(report));

        assertThat(data.get("equity").size()).isLessThanOrEqualTo(2000).isGreaterThan(1500);
        assertThat(data.get("drawdown").size()).isLessThanOrEqualTo(2000);
        assertThat(data.get("equity").findValuesAsText("x")).isEmpty();
        boolean trough = false;
        for (JsonNode p : data.get("equity")) {
            trough |= p.get(1).asDouble() == 900.0;
        }
        assertThat(trough).as("the one-minute crash survives the thinning").isTrue();
        assertThat(HtmlReport.render(report).length()).isLessThan(HtmlReport.chartJs().length() + 200_000);
    }
}
