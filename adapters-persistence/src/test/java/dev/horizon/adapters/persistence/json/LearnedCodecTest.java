package dev.horizon.adapters.persistence.json;

import static dev.horizon.application.contract.EngineStateFixtures.learnedState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.prediction.IcSnapshot;
import dev.horizon.domain.prediction.LedgerSnapshot;
import dev.horizon.domain.prediction.ModelSnapshot;
import dev.horizon.domain.prediction.PredictionState;
import dev.horizon.domain.prediction.StabilitySnapshot;
import dev.horizon.domain.prediction.StandardizerSnapshot;
import dev.horizon.domain.sizing.PositionSizerSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnedCodecTest {

    private final LearnedCodec codec = new LearnedCodec();

    /** One model with {@code n} pending predictions of random values, as a 1d ledger holds them. */
    private static LearnedStatistics ledgerOf(int n) {
        SplittableRandom random = new SplittableRandom(7);
        long[] times = new long[n];
        long[] due = new long[n];
        int[] symbols = new int[n];
        double[] raw = new double[n];
        double[] scores = new double[n];
        double[] closes = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_000_000_000L + 60_000L * (i / 50);
            due[i] = times[i] + 86_400_000L;
            symbols[i] = i % 50;
            raw[i] = random.nextGaussian() * 1e-3;
            scores[i] = i == 0 ? -0.0 : random.nextGaussian();
            closes[i] = 100 * Math.exp(random.nextGaussian() * 0.01);
            sigma[i] = 0.002 + random.nextDouble() * 0.01;
        }
        List<String> universe = new ArrayList<>();
        for (int u = 0; u < 50; u++) {
            universe.add("S" + u);
        }
        ModelSnapshot model = new ModelSnapshot(new StandardizerSnapshot(new int[] {2, 1}, new double[] {0.1, Math.PI, -1e-300}),
                new IcSnapshot(new double[] {Double.MIN_VALUE}, new double[] {Double.MAX_VALUE}),
                new StabilitySnapshot(new double[0], new double[0]),
                new LedgerSnapshot(times, due, symbols, raw, scores, closes, sigma, times[n - 1], 12, 3));
        return new LearnedStatistics(new PredictionState(universe, Map.of("ret_1d/Ridge", model)), Map.of(),
                new PositionSizerSnapshot(Map.of()));
    }

    @Test
    void statistics_round_trip_exactly_to_the_bit() throws IOException {
        LearnedStatistics statistics = ledgerOf(1_000);

        LearnedStatistics back = codec.decode(codec.encode(statistics));

        assertThat(back).isEqualTo(statistics);
        assertThat(Double.doubleToRawLongBits(back.prediction().models().get("ret_1d/Ridge").ledger().scores()[0]))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        LearnedStatistics fixture = LearnedStatistics.of(learnedState());
        assertThat(codec.decode(codec.encode(fixture))).isEqualTo(fixture);
    }

    @Test
    void a_large_ledger_takes_under_70_bytes_a_prediction_a_third_less_than_plain_json() throws IOException {
        LearnedStatistics statistics = ledgerOf(20_000);

        int binary = codec.encode(statistics).length;
        int json = DomainJson.mapper().writeValueAsBytes(statistics).length;

        // 2 longs, 1 int and 4 doubles per prediction: 52 bytes, 69.3 as base64; ~110 as decimal text.
        assertThat(binary).isLessThan(20_000 * 70);
        assertThat(binary).isLessThan(json * 2 / 3);
    }

    @Test
    void a_truncated_array_is_refused_not_misread() throws IOException {
        String text = new String(codec.encode(ledgerOf(10)), java.nio.charset.StandardCharsets.UTF_8);
        // "cycle_sizes" holds two ints (8 bytes, base64 "AgAAAAEAAAA="); cut it to one and a half
        String damaged = text.replace("\"AgAAAAEAAAA=\"", "\"AgAAAAEA\"");
        assertThat(damaged).isNotEqualTo(text);

        assertThatThrownBy(() -> codec.decode(damaged.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a whole number of 4-byte values");
    }
}
