package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.horizon.domain.state.DecisionTrace;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link DecisionTrace} is written as its ordered map of values, nothing around it. Read back,
 * integers become {@code Long} and fractions {@code Double} (including {@code NaN}), which is what
 * the trace builder stores, so a trace round-trips equal.
 */
final class DecisionTraceCodec {

    private DecisionTraceCodec() {
    }

    static final class Serializer extends StdSerializer<DecisionTrace> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(DecisionTrace.class);
        }

        @Override
        public void serialize(DecisionTrace trace, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(trace.values(), gen);
        }
    }

    static final class Deserializer extends StdDeserializer<DecisionTrace> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(DecisionTrace.class);
        }

        @Override
        public DecisionTrace deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JavaType mapType = ctxt.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
            Map<String, Object> values = ctxt.readValue(p, mapType);
            return new DecisionTrace(values);
        }
    }
}
