package dev.horizon.bootstrap.engine;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.domain.market.Horizon;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSmokeTest {
    @TempDir
    Path dir;

    @Test
    void runs() {
        Horizon h5 = Horizon.parse("5m", 1440);
        Horizon h15 = Horizon.parse("15m", 1440);
        ScriptedModelPort models = new ScriptedModelPort()
                .regression("ret_5m", "Momentum", h5, 0.3, List.of("ret_5d"), (row, call) -> row[0])
                .regression("ret_15m", "Momentum", h15, 0.3, List.of("ret_10d"), (row, call) -> row[0]);
        try (EngineHarness h = new EngineHarness(dir, models, s -> s, ReconciliationMode.STRICT,
                Instant.parse("2013-11-29T00:00:00Z"), b -> b)) {
            h.engine.start();
            List<CycleResult> results = h.run(600);
            results.stream().flatMap(r -> r.decisions().stream()).map(d -> d.decision() + " " + d.reason().replaceAll("[0-9.]+", "N"))
                    .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                    .forEach((k, v) -> System.out.println(v + "  " + k));
            CycleResult last = results.get(results.size() - 1);
            System.out.println("PV " + last.portfolioValue() + " cash " + last.cash() + " orders " + results.stream().mapToInt(r -> r.orders().size()).sum());
        }
    }
}
