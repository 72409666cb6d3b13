package dev.horizon.adapters.persistence.sqlite;

import static dev.horizon.application.contract.EngineStateFixtures.fullStateAt;

import dev.horizon.domain.prediction.LedgerSnapshot;
import dev.horizon.domain.prediction.ModelSnapshot;
import dev.horizon.domain.prediction.PredictionState;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.sizing.PositionSizerSnapshot;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An engine's save loop in its own process, to be killed mid-write: saves cycle 1, 2, 3, ... and
 * takes new statistics every {@value #CHECKPOINT_EVERY} cycles (from cycle 1), handing on the same
 * objects in between, as the engine does. The statistics name their checkpoint cycle in their
 * universe ({@code C<cycle>-<n>}) and hold {@value #PENDING} pending predictions, so a write of
 * them takes a while. Prints {@code SAVED <cycle>} after each save returns.
 */
public final class SaverMain {

    static final int CHECKPOINT_EVERY = 3;
    static final int PENDING = 100_000;
    private static final int SYMBOLS = 50;

    private SaverMain() {
    }

    /** The checkpoint cycle whose statistics belong to a save of {@code cycle}. */
    static long checkpointOf(long cycle) {
        return cycle - (cycle - 1) % CHECKPOINT_EVERY;
    }

    /** Statistics tagged with {@code checkpoint}. */
    static LearnedState statistics(long checkpoint) {
        List<String> universe = new ArrayList<>();
        for (int u = 0; u < SYMBOLS; u++) {
            universe.add("C" + checkpoint + "-" + u);
        }
        long[] times = new long[PENDING];
        int[] symbols = new int[PENDING];
        double[] values = new double[PENDING];
        for (int i = 0; i < PENDING; i++) {
            times[i] = 1_700_000_000_000L + 60_000L * (i / SYMBOLS) + checkpoint;
            symbols[i] = i % SYMBOLS;
            values[i] = 1.0 + (i % 997) * 1e-3 + checkpoint * 1e-9;
        }
        long[] due = times.clone();
        Arrays.setAll(due, i -> times[i] + 86_400_000L);
        ModelSnapshot model = new ModelSnapshot(null, null, null,
                new LedgerSnapshot(times, due, symbols, values, values, values, values, times[PENDING - 1], 0, 0));
        return new LearnedState(new PredictionState(universe, Map.of("ret_1d/Ridge", model)), Map.of(),
                new PositionSizerSnapshot(Map.of()), OrderThrottleSnapshot.empty());
    }

    public static void main(String[] args) {
        try (SqliteStateStore store = SqliteStateStore.open(Path.of(args[0]))) {
            LearnedState learned = null;
            for (long cycle = 1; ; cycle++) {
                if (checkpointOf(cycle) == cycle) {
                    learned = statistics(cycle);
                }
                store.save(new EngineSnapshot(fullStateAt(cycle, cycle + ".00"), learned), List.of());
                System.out.println("SAVED " + cycle);
                System.out.flush();
            }
        }
    }
}
