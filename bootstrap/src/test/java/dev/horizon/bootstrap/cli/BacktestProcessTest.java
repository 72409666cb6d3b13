package dev.horizon.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code horizon backtest} as a real process on the demo, as a user runs it. */
class BacktestProcessTest {

    @TempDir
    Path dir;

    @Test
    void the_demo_backtest_writes_all_five_files_and_prints_progress_lines_and_the_metrics_table() throws Exception {
        HorizonProcess.Result r = HorizonProcess.run(dir, Map.of(), "backtest", "--report", "reports/demo",
                "--max-bars", "240");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path report = dir.resolve("reports/demo");
        for (String file : List.of("metrics.json", "report.html", "trades.csv", "equity.csv", "decisions.jsonl")) {
            assertThat(report.resolve(file)).as(file).isNotEmptyFile();
        }
        // stdout is a file here, not a terminal: plain progress lines, never a carriage return
        assertThat(r.stdout()).doesNotContain("\r").containsPattern(
                "(?m)^\\[#+\\] 100\\.0%  240/240  2013-11-29 \\d\\d:\\d\\dZ  PV [0-9,.]+  elapsed \\d+:\\d\\d  ETA 0:00$");
        assertThat(r.stdout()).contains("done: 240 cycles from 2013-11-29 00:00Z to 2013-11-29 ")
                .containsPattern("(?m)^total return +[+-]\\d+\\.\\d+%$")
                .containsPattern("(?m)^Sortino \\(annualised\\) .* × √525,600; target 0$")
                .contains("report: reports/demo (metrics.json, report.html, trades.csv, equity.csv, decisions.jsonl)");
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        assertThat(metrics.get("config").asText()).isEqualTo("demo.yaml");
        assertThat(metrics.get("cycles").asInt()).isEqualTo(240);
        assertThat(metrics.at("/annualisation/basis").asText()).isEqualTo("1m bars, 24/7");
        assertThat(metrics.at("/trades/fills").asInt()).as("the demo trades in its first four hours").isPositive();
        String html = Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Chart.js v").doesNotContainPattern("(?i)(src|href)=[\"']?https?:");
        assertThat(Files.readAllLines(report.resolve("decisions.jsonl"))).hasSize(240);
        assertThat(dir.resolve("var")).as("the demo's models go to a scratch directory").doesNotExist();
    }
}
