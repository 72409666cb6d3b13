package dev.horizon.bootstrap.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.application.backtest.EquityPoint;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.state.TradeDecision;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a backtest report: {@code decisions.jsonl} (streamed while the cycles run), then
 * {@code metrics.json}, {@code report.html}, {@code trades.csv} and {@code equity.csv}.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** The writers run after the backtest, in order; add one to add a report format. */
    public static List<BacktestReport.Writer> writers() {
        return List.of(new MetricsJson(), new HtmlReport(), new Trades(), new Equity());
    }

    /**
     * {@code decisions.jsonl}: every decision of every cycle as it is made, one JSON object per
     * line — the journal's {@code decision} entry (cycle, time, decision with its trace).
     */
    public static final class Decisions implements Closeable {
        /** The file name. */
        public static final String FILE = "decisions.jsonl";
        private final BufferedWriter writer;
        private final ObjectWriter json = DomainJson.mapper().writerFor(JournalEntry.class);

        /** Creates (or truncates) {@code directory/decisions.jsonl}. */
        public Decisions(Path directory) throws IOException {
            this.writer = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8);
        }

        /** Appends the cycle's decisions. */
        public void onCycle(CycleResult r) {
            try {
                for (TradeDecision d : r.decisions()) {
                    writer.write(json.writeValueAsString(new JournalEntry.DecisionRecorded(r.cycleSeq(), r.time(), d)));
                    writer.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /**
     * {@code trades.csv}: one row per fill, fees included, with the cycle that placed the order and
     * the horizon and reason of its TRADE decision ({@code none} and empty when there was none).
     */
    public static final class Trades implements BacktestReport.Writer {
        /** The header row. */
        public static final String HEADER = "time,symbol,side,quantity,price,fee,notional,client_order_id,cycle,horizon,reason,fill_id";

        @Override
        public String fileName() {
            return "trades.csv";
        }

        @Override
        public void write(BacktestReport report) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(report.directory().resolve(fileName()), StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write('\n');
                for (AttributedFill t : report.trades()) {
                    Fill f = t.fill();
                    w.write(String.join(",", f.time().toString(), f.symbol().value(), f.side().name(),
                            f.quantity().toPlainString(), f.price().toPlainString(), f.fee().toPlainString(),
                            f.notional().stripTrailingZeros().toPlainString(), f.clientOrderId().value(),
                            t.cycle() < 0 ? "" : Long.toString(t.cycle()), t.horizonLabel(), csv(t.reason()),
                            csv(f.fillId())));
                    w.write('\n');
                }
            }
        }
    }

    /** {@code equity.csv}: the portfolio after every cycle, with exposure and drawdown. */
    public static final class Equity implements BacktestReport.Writer {
        @Override
        public String fileName() {
            return "equity.csv";
        }

        @Override
        public void write(BacktestReport report) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(report.directory().resolve(fileName()), StandardCharsets.UTF_8)) {
                w.write("time,portfolio_value,cash,gross_exposure,net_exposure,drawdown\n");
                double peak = report.metrics().initialValue();
                for (EquityPoint p : report.result().equity()) {
                    double pv = p.portfolioValue().doubleValue();
                    peak = Math.max(peak, pv);
                    double drawdown = peak > 0 ? (peak - pv) / peak : 0;
                    w.write(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.6f%n", p.time(),
                            p.portfolioValue().toPlainString(), p.cash().toPlainString(), p.grossExposure(),
                            p.netExposure(), drawdown));
                }
            }
        }
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
