package dev.horizon.application.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.blending.BlendingHistory;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.MaturityRule;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.prediction.ModelTracker;
import dev.horizon.domain.prediction.PredictionSettings;
import dev.horizon.domain.prediction.PredictionTrackers;
import dev.horizon.domain.risk.RiskGuardrails;
import dev.horizon.domain.risk.RiskLimits;
import dev.horizon.domain.sizing.PositionSizer;
import dev.horizon.domain.sizing.SizingConfig;
import dev.horizon.domain.snapshot.LearnedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedCheckpointTest {

    private static final MarketCalendar CALENDAR = MarketCalendar.alwaysOpen();
    private static final Horizon DAY = Horizon.parse("1d", CALENDAR.sessionMinutes());
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    private final PositionSizer sizer = new PositionSizer(SizingConfig.defaults());
    private final RiskGuardrails guardrails = new RiskGuardrails(RiskLimits.defaults());
    private final Map<Horizon, BlendingHistory> histories = Map.of(DAY, new BlendingHistory(List.of("Ridge"), 50));

    @Test
    void a_small_state_is_checkpointed_every_cycle() {
        PredictionTrackers trackers = trackers(1);
        LearnedCheckpoint checkpoint = new LearnedCheckpoint();
        LearnedState first = checkpoint.refresh(trackers, histories, sizer, guardrails);

        record(trackers, 1, 1);
        LearnedState second = checkpoint.endCycle(trackers, histories, sizer, guardrails);

        assertThat(second.prediction()).isNotSameAs(first.prediction());
        assertThat(second.prediction().models().get("ret_1d/Ridge").ledger().size()).isEqualTo(1);
    }

    @Test
    void a_large_state_is_checkpointed_once_the_cycles_since_have_paid_for_copying_it() {
        // 200 symbols x 100 cycles of 1d predictions pending: 140,000 values, 14 cycles' worth
        PredictionTrackers trackers = trackers(200);
        record(trackers, 200, 100);
        long size = LearnedCheckpoint.size(trackers, histories);
        assertThat(size).isEqualTo(200L * 100 * 7 + 20 * 200);
        LearnedCheckpoint checkpoint = new LearnedCheckpoint();
        LearnedState taken = checkpoint.refresh(trackers, histories, sizer, guardrails);

        List<LearnedState> saved = new ArrayList<>();
        for (int cycle = 0; cycle < 15; cycle++) {
            saved.add(checkpoint.endCycle(trackers, histories, sizer, guardrails));
        }

        long due = (size + LearnedCheckpoint.VALUES_PER_CYCLE - 1) / LearnedCheckpoint.VALUES_PER_CYCLE;
        assertThat(saved.subList(0, (int) due - 1)).allSatisfy(s -> assertThat(s.prediction()).isSameAs(taken.prediction()));
        assertThat(saved.get((int) due - 1).prediction()).isNotSameAs(taken.prediction());
        assertThat(checkpoint.checkpoints()).isEqualTo(2);
    }

    @Test
    void however_large_the_state_a_checkpoint_is_taken_every_max_cycles() {
        PredictionTrackers trackers = trackers(500);
        record(trackers, 500, 1000);
        assertThat(LearnedCheckpoint.size(trackers, histories))
                .isGreaterThan(LearnedCheckpoint.MAX_CYCLES * LearnedCheckpoint.VALUES_PER_CYCLE);
        LearnedCheckpoint checkpoint = new LearnedCheckpoint();
        checkpoint.refresh(trackers, histories, sizer, guardrails);

        for (int cycle = 1; cycle < LearnedCheckpoint.MAX_CYCLES; cycle++) {
            checkpoint.endCycle(trackers, histories, sizer, guardrails);
        }
        assertThat(checkpoint.checkpoints()).isEqualTo(1);
        checkpoint.endCycle(trackers, histories, sizer, guardrails);
        assertThat(checkpoint.checkpoints()).isEqualTo(2);
    }

    @Test
    void admitted_orders_refresh_the_order_rate_counters_but_not_the_statistics() {
        PredictionTrackers trackers = trackers(200);
        record(trackers, 200, 100);
        LearnedCheckpoint checkpoint = new LearnedCheckpoint();
        LearnedState taken = checkpoint.refresh(trackers, histories, sizer, guardrails);

        LearnedState afterOrders = checkpoint.ordersAdmitted(guardrails);

        assertThat(afterOrders.prediction()).isSameAs(taken.prediction());
        assertThat(afterOrders.throttle()).isNotSameAs(taken.throttle()).isEqualTo(guardrails.snapshot());
    }

    private static PredictionTrackers trackers(int symbols) {
        List<Symbol> universe = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            universe.add(new Symbol(String.format("S%04d", i)));
        }
        ModelSpec spec = new ModelSpec("ret_1d/Ridge", "ret_1d", "Ridge", DAY, ModelKind.REGRESSION, InputMode.FEATURES,
                List.of("ret_1d"), 0.05, 0, List.of(), "none");
        return new PredictionTrackers(PredictionSettings.defaults(), universe, 1, MaturityRule.sessionTime(CALENDAR),
                List.of(spec));
    }

    /** {@code cycles} one-minute batches of predictions for every symbol; none matures within a day. */
    private static void record(PredictionTrackers trackers, int symbols, int cycles) {
        ModelTracker tracker = trackers.model("ret_1d/Ridge");
        int[] batch = new int[symbols];
        double[] raw = new double[symbols];
        double[] closes = new double[symbols];
        double[] sigma = new double[symbols];
        for (int u = 0; u < symbols; u++) {
            batch[u] = u;
            raw[u] = 0.001 * (u % 7 - 3);
        }
        Arrays.fill(closes, 100.0);
        Arrays.fill(sigma, 0.01);
        double[] scores = new double[symbols];
        for (int c = 0; c < cycles; c++) {
            tracker.standardize(raw, symbols, scores);
            tracker.record(T0.plus(Duration.ofMinutes(c)), batch, raw, scores, closes, sigma, symbols);
        }
    }
}
