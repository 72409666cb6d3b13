package dev.horizon.domain.gating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ExposureTest {

    @Test
    void reduction_means_same_side_or_flat_and_smaller() {
        assertThat(Exposure.isReduction(0.04, 0.02)).isTrue();
        assertThat(Exposure.isReduction(0.04, 0.0)).isTrue();
        assertThat(Exposure.isReduction(-0.04, -0.01)).isTrue();
        assertThat(Exposure.isReduction(0.04, 0.04)).isFalse();
        assertThat(Exposure.isReduction(0.04, 0.05)).isFalse();
        assertThat(Exposure.isReduction(0.04, -0.01)).as("a flip is not a reduction").isFalse();
        assertThat(Exposure.isReduction(0.0, 0.0)).isFalse();
        assertThat(Exposure.isReduction(new BigDecimal("10"), new BigDecimal("4"))).isTrue();
        assertThat(Exposure.isReduction(new BigDecimal("-10"), new BigDecimal("0"))).isTrue();
        assertThat(Exposure.isReduction(new BigDecimal("10"), new BigDecimal("-4"))).isFalse();
        assertThat(Exposure.isReduction(BigDecimal.ZERO, new BigDecimal("1"))).isFalse();
    }

    @Property
    void reduction_only_never_adds_risk(@ForAll @DoubleRange(min = -1, max = 1) double current,
                                        @ForAll @DoubleRange(min = -1, max = 1) double target) {
        double allowed = Exposure.reductionOnly(current, target);

        assertThat(Math.abs(allowed)).isLessThanOrEqualTo(Math.abs(current));
        assertThat(allowed * current).isGreaterThanOrEqualTo(0.0);
        if (Exposure.isReduction(current, target)) {
            assertThat(allowed).isEqualTo(target);
        }
    }
}
