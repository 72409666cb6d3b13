package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.horizon.domain.journal.JournalEntry;
import java.util.Map;

/**
 * The one JSON mapping of Horizon's domain types, shared by the state stores, status output and
 * backtest reports. The domain carries no annotations; everything lives here.
 *
 * <ul>
 *   <li>Property names are {@code snake_case} ({@code cycle_seq}, {@code last_cycle_time}).</li>
 *   <li>{@code Symbol} and {@code ClientOrderId} are plain strings, also as map keys.</li>
 *   <li>{@code BigDecimal} is written as a JSON number in its exact {@code toString()} form and
 *       read back {@code equals} (scale included: {@code 100.50} stays {@code 100.50}).</li>
 *   <li>{@code Instant} is an ISO-8601 string with full precision, {@code LocalDate} ISO.</li>
 *   <li>Records are bound through their canonical constructors, so new components (e.g. nested
 *       records of learned statistics with arrays, lists and string-keyed maps) need no mapping.</li>
 *   <li>A {@code JournalEntry} carries {@code "type"}: {@value #ORDER_INTENT}, {@value #ORDER_UPDATE},
 *       {@value #FILL}, {@value #DECISION} or {@value #RISK_EVENT}.</li>
 *   <li>A {@code DecisionTrace} is its ordered map of values.</li>
 *   <li>Non-finite doubles are written as the bare tokens {@code NaN}, {@code Infinity},
 *       {@code -Infinity} and read back as doubles (a hold's alpha is {@code NaN}). This is the
 *       dialect Python's {@code json} module reads and writes; strict JSON parsers must be told.</li>
 *   <li>Unknown properties are an error: state written by a newer version is never half-read.</li>
 * </ul>
 */
public final class DomainJson {

    /** The property that names a journal entry's kind. */
    public static final String TYPE_PROPERTY = "type";
    public static final String ORDER_INTENT = "order_intent";
    public static final String ORDER_UPDATE = "order_update";
    public static final String FILL = "fill";
    public static final String DECISION = "decision";
    public static final String RISK_EVENT = "risk_event";

    static final Map<Class<? extends JournalEntry>, String> JOURNAL_TYPES = Map.of(
            JournalEntry.OrderIntent.class, ORDER_INTENT,
            JournalEntry.OrderUpdate.class, ORDER_UPDATE,
            JournalEntry.FillRecorded.class, FILL,
            JournalEntry.DecisionRecorded.class, DECISION,
            JournalEntry.RiskEvent.class, RISK_EVENT);

    private DomainJson() {
    }

    /**
     * A new mapper configured as described above. Each call returns an independent instance
     * (a caller may reconfigure its copy); build one and reuse it, as mappers are thread-safe
     * once configured.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // isFlat() and friends are derived values, not state: only record components are written.
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * The domain module alone, for a caller that builds its own mapper (e.g. YAML). It does not
     * set naming, time or number features; {@link #mapper()} does.
     */
    public static Module module() {
        return new DomainModule();
    }

    /** The {@code "type"} name of {@code entry}'s kind, e.g. {@value #FILL}. */
    public static String journalType(JournalEntry entry) {
        String name = JOURNAL_TYPES.get(entry.getClass());
        if (name == null) {
            throw new IllegalArgumentException("no JSON type name for journal entry " + entry.getClass().getName());
        }
        return name;
    }
}
