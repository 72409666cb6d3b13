package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Maps a single-string value type (a ticker, a client order id) to a plain JSON string, both as
 * a value and as a map key, validating on the way in through the type's own constructor.
 */
final class StringValueCodec<T> {

    private final Class<T> type;
    private final Function<T, String> format;
    private final Function<String, T> parse;

    StringValueCodec(Class<T> type, Function<T, String> format, Function<String, T> parse) {
        this.type = type;
        this.format = format;
        this.parse = parse;
    }

    /** Registers the value and key (de)serializers of {@code T} in {@code module}. */
    void registerIn(SimpleModule module) {
        module.addSerializer(type, new ValueSerializer());
        module.addDeserializer(type, new ValueDeserializer());
        module.addKeySerializer(type, new KeySerializer());
        module.addKeyDeserializer(type, new Keys());
    }

    private final class ValueSerializer extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;

        ValueSerializer() {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format.apply(value));
        }
    }

    private final class KeySerializer extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;

        KeySerializer() {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(format.apply(value));
        }
    }

    private final class ValueDeserializer extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;

        ValueDeserializer() {
            super(type);
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, e.getMessage()));
            }
        }
    }

    private final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return parse.apply(key);
            } catch (IllegalArgumentException e) {
                return ctxt.handleWeirdKey(type, key, e.getMessage());
            }
        }
    }
}
