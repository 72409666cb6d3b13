package dev.horizon.domain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTraceTest {

    @Test
    void a_built_trace_never_changes_when_its_builder_goes_on() {
        DecisionTrace.Builder builder = DecisionTrace.builder().put("sigma_bar", 0.001).put("price", 101.5);
        DecisionTrace first = builder.build();

        DecisionTrace second = builder.put("gate_factor", 0.5).build();

        assertThat(first.values()).containsExactly(Map.entry("sigma_bar", 0.001), Map.entry("price", 101.5));
        assertThat(second.values()).containsExactly(Map.entry("sigma_bar", 0.001), Map.entry("price", 101.5),
                Map.entry("gate_factor", 0.5));
    }

    @Test
    void a_trace_from_a_map_copies_it_in_order() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("b", 1.0);
        values.put("a", "x");
        DecisionTrace trace = new DecisionTrace(values);

        values.put("c", 2.0);

        assertThat(trace.values()).containsExactly(Map.entry("b", 1.0), Map.entry("a", "x"));
    }

    @Test
    void trace_values_are_read_only() {
        DecisionTrace built = DecisionTrace.builder().put("q", 1.0).build();

        assertThatThrownBy(() -> built.values().put("q", 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.values().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_built_trace_equals_the_same_values_given_as_a_map() {
        DecisionTrace built = DecisionTrace.builder().put("q", 1.0).put("reason", "ok").build();

        assertThat(built).isEqualTo(new DecisionTrace(Map.of("q", 1.0, "reason", "ok")));
    }
}
