package dev.horizon.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The Jackson set-up of the config: YAML, snake_case keys, unknown keys refused, durations with a
 * unit, dates and instants in ISO-8601, {@link Secret}s that print masked.
 */
public final class ConfigMapper {

    private ConfigMapper() {
    }

    /** A value the config cannot take; its message is the problem without the key. */
    static final class ValueProblem extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        ValueProblem(JsonParser p, String problem) {
            super(p, problem);
        }
    }

    /** The mapper that reads config sections (from a YAML tree) into records. */
    public static ObjectMapper reader() {
        // exact decimals for money and quantities read from the tree
        return configure(YAMLMapper.builder()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /** The mapper that writes the effective config back as YAML. */
    public static ObjectMapper yamlWriter() {
        return configure(YAMLMapper.builder(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build())).enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    }

    /** A JSON mapper with the same conventions (for tests and tools). */
    public static ObjectMapper json() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(module()).build();
    }

    private static YAMLMapper.Builder configure(YAMLMapper.Builder b) {
        b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(module());
        return b;
    }

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("horizon-config");
        m.addDeserializer(Duration.class, new TextDeserializer<>("a duration", Durations::parse, true));
        m.addSerializer(Duration.class, new TextSerializer<>(Durations::format));
        m.addDeserializer(LocalDate.class, new TextDeserializer<>("a date", ConfigMapper::date, false));
        m.addSerializer(LocalDate.class, new TextSerializer<>(LocalDate::toString));
        m.addDeserializer(Instant.class, new TextDeserializer<>("an instant", ConfigMapper::instant, false));
        m.addSerializer(Instant.class, new TextSerializer<>(Instant::toString));
        m.addDeserializer(Secret.class, new TextDeserializer<>("a secret", Secret::of, false));
        m.addSerializer(Secret.class, new TextSerializer<>(s -> Secret.MASK));
        m.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.stripTrailingZeros().toPlainString());
            }
        });
        return m;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: write it as 2024-12-25");
        }
    }

    private static Instant instant(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant: write it as 2013-11-29T00:00:00Z"
                    + " or 2013-11-29 (UTC midnight)");
        }
    }

    /** Reads a value from YAML text (or a number, when {@code numbersAreMissingAUnit}, reported as such). */
    private static final class TextDeserializer<T> extends JsonDeserializer<T> {
        private final String what;
        private final Function<String, T> parse;
        private final boolean numbersNeedUnit;

        TextDeserializer(String what, Function<String, T> parse, boolean numbersNeedUnit) {
            this.what = what;
            this.parse = parse;
            this.numbersNeedUnit = numbersNeedUnit;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            String text;
            if (token == JsonToken.VALUE_STRING) {
                text = p.getText();
            } else if (numbersNeedUnit && token.isNumeric()) {
                text = p.getText();
            } else {
                throw new ValueProblem(p, "expected " + what);
            }
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new ValueProblem(p, e.getMessage());
            }
        }
    }

    private static final class TextSerializer<T> extends JsonSerializer<T> {
        private final Function<T, String> format;

        TextSerializer(Function<T, String> format) {
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format.apply(value));
        }
    }
}
