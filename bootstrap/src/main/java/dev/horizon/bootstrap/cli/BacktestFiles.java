package dev.horizon.bootstrap.cli;

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

/** The report files a backtest writes today: decisions.jsonl (streamed), trades.csv, equity.csv. */
final class BacktestFiles {

    private BacktestFiles() {
    }

    /** The writers run after the backtest; a metrics or HTML report is one more entry. */
    static List<BacktestReport.Writer> writers() {
        return List.of(new Trades(), new Equity());
    }

    /**
     * {@code decisions.jsonl}: every decision of every cycle as it is made, one JSON object per
     * line — the journal's {@code decision} entry (cycle, time, decision with its trace).
     */
    static final class Decisions implements Closeable {
        static final String FILE = "decisions.jsonl";
        private final BufferedWriter writer;
        private final ObjectWriter json = DomainJson.mapper().writerFor(JournalEntry.class);

        Decisions(Path directory) throws IOException {
            this.writer = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8);
        }

        void onCycle(CycleResult r) {
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

    /** {@code trades.csv}: every fill, fees included. */
    static final class Trades implements BacktestReport.Writer {
        @Override
        public String fileName() {
            return "trades.csv";
        }

        @Override
        public void write(BacktestReport report) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(report.directory().resolve(fileName()), StandardCharsets.UTF_8)) {
                w.write("time,client_order_id,symbol,side,quantity,price,notional,fee,fill_id\n");
                for (Fill f : report.result().fills()) {
                    w.write(String.join(",", f.time().toString(), f.clientOrderId().value(), f.symbol().value(),
                            f.side().name(), f.quantity().toPlainString(), f.price().toPlainString(),
                            f.notional().stripTrailingZeros().toPlainString(), f.fee().toPlainString(), csv(f.fillId())));
                    w.write('\n');
                }
            }
        }
    }

    /** {@code equity.csv}: the portfolio after every cycle, with exposure and drawdown. */
    static final class Equity implements BacktestReport.Writer {
        @Override
        public String fileName() {
            return "equity.csv";
        }

        @Override
        public void write(BacktestReport report) throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(report.directory().resolve(fileName()), StandardCharsets.UTF_8)) {
                w.write("time,portfolio_value,cash,gross_exposure,net_exposure,drawdown\n");
                double peak = Double.NEGATIVE_INFINITY;
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

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
