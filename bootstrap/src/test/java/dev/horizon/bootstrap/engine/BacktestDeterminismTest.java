package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.backtest.BacktestRunner;
import dev.horizon.domain.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give a byte-identical journal: decisions, orders and fills. */
class BacktestDeterminismTest {

    @TempDir
    Path dir;

    private static final Instant FROM = EngineHarness.HELD_OUT;
    private static final Instant TO = FROM.plusSeconds(6 * 3600);

    private String backtest(Path runDir) throws Exception {
        Files.createDirectories(runDir);
        ScriptedModelPort models = Scripts.returnModels((row, call) -> row[0] * 0.5 - row[1] * 0.0001);
        try (EngineHarness h = new EngineHarness(runDir, EngineHarness.Options.of(models).start(FROM))) {
            h.engine.start();
            BacktestResult result = new BacktestRunner(h.engine, h.clock)
                    .run(h.feed.closeTimes(), FROM, TO, BacktestRunner.silent());
            assertThat(result.cycles()).isGreaterThan(300);
            assertThat(result.orders()).isNotEmpty();
            assertThat(result.equity()).hasSize((int) result.cycles());
            ObjectMapper json = DomainJson.mapper();
            StringBuilder out = new StringBuilder();
            for (JournalEntry e : h.journal()) {
                out.append(json.writeValueAsString(e)).append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void two_runs_of_the_same_backtest_write_byte_identical_journals() throws Exception {
        String first = backtest(dir.resolve("a"));
        String second = backtest(dir.resolve("b"));
        assertThat(first).contains("\"type\":\"decision\"").contains("\"type\":\"fill\"");
        assertThat(second).isEqualTo(first);
    }
}
