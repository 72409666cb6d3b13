package dev.horizon.adapters.persistence.json;

import static dev.horizon.application.contract.EngineStateFixtures.AAPL;
import static dev.horizon.application.contract.EngineStateFixtures.BTC;
import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.horizon.application.contract.EngineStateFixtures;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.state.DecisionTrace;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainJsonTest {

    private final ObjectMapper mapper = DomainJson.mapper();

    /** Stand-ins for the pipeline's learned statistics that EngineState will carry later. */
    record ModelWindow(String model, double[] residuals, long[] counts, List<Double> history, boolean warm) {
    }

    record LearnedStatistics(int version, Map<String, ModelWindow> byModel, Map<String, List<Long>> bucketed,
                             double rho) {
    }

    private <T> T roundTrip(T value, Class<T> type) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(value), type);
    }

    @Test
    void whole_engine_state_round_trips_equal() throws Exception {
        EngineState state = fullState();

        assertThat(roundTrip(state, EngineState.class)).isEqualTo(state);
        assertThat(roundTrip(EngineState.initial(new BigDecimal("5.0")), EngineState.class))
                .isEqualTo(EngineState.initial(new BigDecimal("5.0")));
    }

    @Test
    void symbols_and_client_order_ids_are_plain_strings_also_as_map_keys() throws Exception {
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(fullState()));

        assertThat(tree.get("positions").has("BTC/USD")).isTrue();
        assertThat(tree.get("positions").get("BTC/USD").get("symbol").textValue()).isEqualTo("BTC/USD");
        String orderId = EngineStateFixtures.id(42, BTC, dev.horizon.domain.order.OrderSide.BUY).value();
        assertThat(tree.get("open_orders").get(orderId).get("client_order_id").textValue()).isEqualTo(orderId);
        assertThat(mapper.writeValueAsString(Map.of(new Symbol("AAPL"), new ClientOrderId("x-1"))))
                .isEqualTo("{\"AAPL\":\"x-1\"}");
        assertThat(mapper.readValue("{\"MSFT\":\"y-2\"}", new TypeReference<Map<Symbol, ClientOrderId>>() { }))
                .containsEntry(new Symbol("MSFT"), new ClientOrderId("y-2"));
    }

    @Test
    void an_invalid_symbol_is_refused_naming_the_value() {
        assertThatThrownBy(() -> mapper.readValue("\"aapl$\"", Symbol.class))
                .hasMessageContaining("aapl$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "100.50", "-12.3400", "1E+3", "6.5E+4", "1E-12", "0.000001000",
            "123456789012345678901234567890.1234567890123456789"})
    void big_decimals_round_trip_with_their_scale(String text) throws Exception {
        BigDecimal value = new BigDecimal(text);

        BigDecimal back = roundTrip(value, BigDecimal.class);

        assertThat(back).isEqualTo(value);
        assertThat(back.scale()).isEqualTo(value.scale());
    }

    @Test
    void instants_and_dates_are_iso_8601_strings() throws Exception {
        Instant t = Instant.parse("2024-03-11T14:30:00.123456789Z");

        assertThat(mapper.writeValueAsString(t)).isEqualTo("\"2024-03-11T14:30:00.123456789Z\"");
        assertThat(mapper.writeValueAsString(LocalDate.of(2024, 3, 1))).isEqualTo("\"2024-03-01\"");
        assertThat(roundTrip(t, Instant.class)).isEqualTo(t);
    }

    @Test
    void journal_entries_carry_their_type_name_and_round_trip() throws Exception {
        List<JournalEntry> entries = entriesOfEveryKind(3);

        for (JournalEntry entry : entries) {
            String json = mapper.writerFor(JournalEntry.class).writeValueAsString(entry);
            assertThat(mapper.readTree(json).get("type").textValue()).isEqualTo(DomainJson.journalType(entry));
            assertThat(mapper.readValue(json, JournalEntry.class)).isEqualTo(entry);
        }
        assertThat(entries).extracting(DomainJson::journalType)
                .contains("order_intent", "order_update", "fill", "decision", "risk_event");
    }

    @Test
    void every_kind_of_journal_entry_has_a_type_name() {
        assertThat(Stream.of(JournalEntry.class.getPermittedSubclasses()))
                .allSatisfy(kind -> assertThat(DomainJson.JOURNAL_TYPES).containsKey(kind.asSubclass(JournalEntry.class)));
    }

    @Test
    void a_list_of_journal_entries_round_trips() throws Exception {
        TypeReference<List<JournalEntry>> listType = new TypeReference<>() { };
        List<JournalEntry> entries = entriesOfEveryKind(4);

        String json = mapper.writerFor(listType).writeValueAsString(entries);

        assertThat(mapper.readValue(json, listType)).isEqualTo(entries);
    }

    @Test
    void a_hold_decision_keeps_its_nan_alpha() throws Exception {
        TradeDecision hold = TradeDecision.hold(AAPL, 0.25, "no_trade_band", DecisionTrace.empty());

        String json = mapper.writeValueAsString(hold);
        TradeDecision back = mapper.readValue(json, TradeDecision.class);

        assertThat(json).contains("\"alpha\":NaN");
        assertThat(back.alpha()).isNaN();
        assertThat(back).isEqualTo(hold);
    }

    @Test
    void a_decision_trace_is_its_ordered_map_and_round_trips_equal() throws Exception {
        DecisionTrace trace = EngineStateFixtures.trace();

        String json = mapper.writeValueAsString(trace);
        DecisionTrace back = mapper.readValue(json, DecisionTrace.class);

        assertThat(json).startsWith("{\"sigma\":0.0183,\"spread_bps\":1.5,");
        assertThat(back).isEqualTo(trace);
        assertThat(back.values().keySet()).containsExactlyElementsOf(trace.values().keySet());
        assertThat(back.values().get("bars")).isEqualTo(390L);
        @SuppressWarnings("unchecked")
        List<Object> alphas = (List<Object>) back.values().get("alpha_by_horizon");
        assertThat((Double) alphas.get(2)).isNaN();
    }

    @Test
    void derived_values_are_not_written() throws Exception {
        PositionState position = fullState().positions().get(AAPL);

        JsonNode tree = mapper.readTree(mapper.writeValueAsString(position));

        assertThat(tree.fieldNames()).toIterable()
                .containsExactly("symbol", "shares", "average_entry_price", "entry_time", "mark_price");
    }

    @Test
    void nested_records_of_primitives_arrays_lists_and_maps_flow_through() throws Exception {
        Map<String, ModelWindow> byModel = new LinkedHashMap<>();
        byModel.put("ridge_5m", new ModelWindow("ridge_5m", new double[] {0.1, -2.5e-7, Double.NaN},
                new long[] {1, Long.MAX_VALUE}, List.of(0.5, Double.POSITIVE_INFINITY), true));
        byModel.put("gbt_1h", new ModelWindow("gbt_1h", new double[0], new long[0], List.of(), false));
        LearnedStatistics stats = new LearnedStatistics(1, byModel, Map.of("spread", List.of(3L, 4L)), 0.35);

        LearnedStatistics back = roundTrip(stats, LearnedStatistics.class);

        // Exact doubles, NaN equal to NaN (AssertJ's default compares doubles with a tolerance).
        assertThat(back).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .isEqualTo(stats);
        assertThat(back.byModel().get("ridge_5m").residuals()[2]).isNaN();
    }

    @Test
    void unknown_properties_are_refused() {
        assertThatThrownBy(() -> mapper.readValue(
                "{\"symbol\":\"AAPL\",\"shares\":1,\"average_entry_price\":1,\"entry_time\":null,"
                        + "\"mark_price\":1,\"from_the_future\":true}", PositionState.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("from_the_future");
    }

    @Test
    void each_call_gives_an_independent_mapper() {
        ObjectMapper other = DomainJson.mapper();
        other.enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

        assertThat(mapper).isNotSameAs(other);
        assertThat(mapper.isEnabled(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)).isFalse();
    }
}
