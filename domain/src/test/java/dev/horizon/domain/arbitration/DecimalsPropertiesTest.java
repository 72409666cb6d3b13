package dev.horizon.domain.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalsPropertiesTest {

    @Property(tries = 20_000)
    void fixed_formats_like_the_formatter(@ForAll("values") double value, @ForAll @IntRange(max = 6) int places) {
        assertThat(Decimals.fixed(value, places)).isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
    }

    @Test
    void halves_of_the_shortest_decimal_round_up_and_negative_zero_keeps_its_sign() {
        // 1.005 is stored as 1.00499999999999989..., but its shortest decimal is 1.005: the formatter says 1.01
        assertThat(Decimals.fixed(1.005, 2)).isEqualTo("1.01").isEqualTo(String.format(Locale.ROOT, "%.2f", 1.005));
        assertThat(Decimals.fixed(2.675, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 2.675));
        assertThat(Decimals.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(Decimals.fixed(-0.0, 2)).isEqualTo("-0.00");
        assertThat(Decimals.fixed(9.995, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 9.995));
        assertThat(Decimals.fixed(1e20, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 1e20));
        assertThat(Decimals.fixed(Double.NaN, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", Double.NaN));
    }

    @Provide
    Arbitrary<Double> values() {
        Arbitrary<Double> bps = Arbitraries.doubles().between(-1000, 1000).ofScale(12);
        // values a hair from a rounding boundary: k/2000 ± a few ulps
        Arbitrary<Double> boundaries = Arbitraries.integers().between(-200_000, 200_000)
                .flatMap(k -> Arbitraries.integers().between(-3, 3).map(u -> k / 2000.0 + u * Math.ulp(k / 2000.0)));
        Arbitrary<Double> wide = Arbitraries.doubles().between(-1e18, 1e18);
        Arbitrary<Double> tiny = Arbitraries.doubles().between(-1e-5, 1e-5).ofScale(20);
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        return Arbitraries.oneOf(bps, boundaries, wide, tiny, anyBits, Arbitraries.of(0.0, -0.0, 0.005, -0.005, 99.995));
    }
}
