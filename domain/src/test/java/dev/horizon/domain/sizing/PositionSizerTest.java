package dev.horizon.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.Horizon;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionSizerTest {

    private static final Horizon H5 = Horizon.parse("5m", 390);
    private static final Horizon H15 = Horizon.parse("15m", 390);

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void golden_sizing_q_0_1_rho_0_05_sigma_day_0_04_gives_w_raw_0_016667() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());

        SizingResult r = sizer.size(H5, 0.05, 0.5, 0.04, 1.0);

        assertRel(r.q(), 0.1);
        assertThat(r.rho()).isEqualTo(0.05);
        assertRel(r.z(), 2.0);
        assertThat(r.volScale()).isEqualTo(0.5);
        assertRel(r.rawWeight(), 0.016666666666666666);
    }

    @Test
    void negative_alpha_gives_a_short_weight_and_gate_factor_scales_it() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());

        SizingResult r = sizer.size(H5, -0.05, 0.5, 0.04, 0.5);

        assertRel(r.z(), -2.0);
        assertRel(r.rawWeight(), -0.008333333333333333);
    }

    @Test
    void z_is_clipped_at_z_max_so_the_weight_never_exceeds_max_weight() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());

        SizingResult longR = sizer.size(H5, 0.5, 0.5, 0.01, 1.0);
        SizingResult shortR = sizer.size(H15, -0.5, 0.5, 0.01, 1.0);

        assertThat(longR.z()).isEqualTo(3.0);
        assertThat(longR.volScale()).as("v is capped at 1 for calm symbols").isEqualTo(1.0);
        assertRel(longR.rawWeight(), 0.05);
        assertThat(shortR.z()).isEqualTo(-3.0);
        assertRel(shortR.rawWeight(), -0.05);
    }

    @Test
    void rho_uses_the_prior_until_100_observations() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());
        for (int i = 0; i < 99; i++) {
            sizer.size(H5, 0.2, 1.0, 0.02, 1.0);
        }
        sizer.endCycle();
        assertThat(sizer.rho(H5)).isEqualTo(0.05);

        sizer.size(H5, 0.2, 1.0, 0.02, 1.0);
        sizer.endCycle();
        assertRel(sizer.rho(H5), 0.2);
        assertThat(sizer.rho(H15)).as("each horizon has its own window").isEqualTo(0.05);
    }

    @Test
    void rho_is_the_root_mean_square_of_q() {
        PositionSizer sizer = new PositionSizer(new SizingConfig(2000, 4, 0.05, 3, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE));
        for (double q : new double[]{0.1, -0.2, 0.3, -0.4}) {
            sizer.size(H5, q, 1.0, 0.02, 1.0);
        }
        sizer.endCycle();

        assertRel(sizer.rho(H5), Math.sqrt((0.01 + 0.04 + 0.09 + 0.16) / 4));
    }

    @Test
    void rho_for_a_cycle_is_the_window_as_of_the_start_of_the_cycle() {
        PositionSizer sizer = new PositionSizer(new SizingConfig(2000, 1, 0.05, 3, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE));

        SizingResult first = sizer.size(H5, 0.3, 1.0, 0.02, 1.0);
        SizingResult second = sizer.size(H5, 0.1, 1.0, 0.02, 1.0);
        assertThat(first.rho()).isEqualTo(0.05);
        assertThat(second.rho()).as("the first symbol's q has not entered the window yet").isEqualTo(0.05);

        sizer.endCycle();
        assertRel(sizer.rho(H5), Math.sqrt((0.09 + 0.01) / 2));
    }

    @Test
    void rho_does_not_depend_on_the_order_symbols_were_sized_in() {
        SizingConfig config = new SizingConfig(5, 1, 0.05, 3, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE);
        double[] qs = {0.7, -0.1, 0.4, 0.05, -0.9, 0.3, 0.2};
        PositionSizer forward = new PositionSizer(config);
        PositionSizer backward = new PositionSizer(config);
        for (int i = 0; i < qs.length; i++) {
            forward.size(H5, qs[i], 1.0, 0.02, 1.0);
            backward.size(H5, qs[qs.length - 1 - i], 1.0, 0.02, 1.0);
        }
        forward.endCycle();
        backward.endCycle();

        assertThat(forward.rho(H5)).isEqualTo(backward.rho(H5));
        assertThat(forward.snapshot()).isEqualTo(backward.snapshot());
    }

    @Test
    void snapshot_round_trips_and_restored_sizer_continues_identically() {
        SizingConfig config = new SizingConfig(50, 3, 0.05, 3, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE);
        PositionSizer sizer = new PositionSizer(config);
        for (int c = 0; c < 5; c++) {
            sizer.size(H5, 0.01 * (c + 1), 1.0, 0.02, 1.0);
            sizer.size(H15, -0.02 * (c + 1), 1.0, 0.02, 1.0);
            sizer.endCycle();
        }

        PositionSizerSnapshot snapshot = sizer.snapshot();
        PositionSizer restored = PositionSizer.restore(config, snapshot);

        assertThat(snapshot.rhoByHorizon()).containsOnlyKeys("5m", "15m");
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.rho(H5)).isEqualTo(sizer.rho(H5));
        assertThat(restored.size(H15, 0.03, 1.0, 0.02, 1.0)).isEqualTo(sizer.size(H15, 0.03, 1.0, 0.02, 1.0));
    }

    @Test
    void snapshot_mid_cycle_is_refused() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());
        sizer.size(H5, 0.01, 1.0, 0.02, 1.0);

        assertThatThrownBy(sizer::snapshot).isInstanceOf(IllegalStateException.class).hasMessageContaining("endCycle");
    }

    @Test
    void invalid_volatility_is_refused_never_sized_on_a_made_up_sigma() {
        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());

        assertThatThrownBy(() -> sizer.size(H5, 0.01, 0.0, 0.02, 1.0)).hasMessageContaining("sigma_h");
        assertThatThrownBy(() -> sizer.size(H5, 0.01, 0.01, Double.NaN, 1.0)).hasMessageContaining("sigma_day");
        assertThatThrownBy(() -> sizer.size(H5, Double.NaN, 0.01, 0.02, 1.0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> sizer.size(H5, 0.01, 0.01, 0.02, 1.5)).hasMessageContaining("gate factor");
    }

    @Test
    void empty_snapshot_restores_a_fresh_sizer() {
        PositionSizer restored = PositionSizer.restore(SizingConfig.defaults(), new PositionSizerSnapshot(Map.of()));

        assertThat(restored.rho(H5)).isEqualTo(0.05);
    }

    @Test
    void config_defaults_match_the_design_and_validation_names_the_key() {
        SizingConfig d = SizingConfig.defaults();
        assertThat(d).isEqualTo(new SizingConfig(2000, 100, 0.05, 3.0, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE));
        assertThatThrownBy(() -> new SizingConfig(2000, 100, 0.05, 3.0, 0.02, -0.05, 0.008, 0.5, BigDecimal.ONE))
                .hasMessageContaining("sizing.max_weight");
        assertThatThrownBy(() -> new SizingConfig(50, 100, 0.05, 3.0, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE))
                .hasMessageContaining("sizing.rho_min_observations");
    }
}
