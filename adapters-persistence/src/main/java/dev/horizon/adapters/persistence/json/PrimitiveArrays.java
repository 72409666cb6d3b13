package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A Jackson module that writes {@code double[]}, {@code long[]} and {@code int[]} as binary: the
 * array's values in little-endian order, which JSON carries as one base64 string. Exact to the bit
 * (NaN and −0.0 included) and several times faster and smaller than decimal text for the large
 * windows and prediction ledgers of the learned statistics. Only for data read back by Horizon
 * itself; the readable state documents keep plain JSON numbers.
 */
public final class PrimitiveArrays {

    private PrimitiveArrays() {
    }

    /** The module; register it on a copy of {@link DomainJson#mapper()}. */
    public static Module module() {
        SimpleModule module = new SimpleModule("horizon-primitive-arrays");
        module.addSerializer(double[].class, new Writer<>(double[].class, PrimitiveArrays::bytes));
        module.addSerializer(long[].class, new Writer<>(long[].class, PrimitiveArrays::bytes));
        module.addSerializer(int[].class, new Writer<>(int[].class, PrimitiveArrays::bytes));
        module.addDeserializer(double[].class, new Reader<>(double[].class, Double.BYTES, PrimitiveArrays::doubles));
        module.addDeserializer(long[].class, new Reader<>(long[].class, Long.BYTES, PrimitiveArrays::longs));
        module.addDeserializer(int[].class, new Reader<>(int[].class, Integer.BYTES, PrimitiveArrays::ints));
        return module;
    }

    static byte[] bytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    static byte[] bytes(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return buffer.array();
    }

    static byte[] bytes(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    static double[] doubles(ByteBuffer bytes) {
        double[] values = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(values);
        return values;
    }

    static long[] longs(ByteBuffer bytes) {
        long[] values = new long[bytes.remaining() / Long.BYTES];
        bytes.asLongBuffer().get(values);
        return values;
    }

    static int[] ints(ByteBuffer bytes) {
        int[] values = new int[bytes.remaining() / Integer.BYTES];
        bytes.asIntBuffer().get(values);
        return values;
    }

    private interface ToBytes<T> {
        byte[] apply(T values);
    }

    private interface FromBytes<T> {
        T apply(ByteBuffer bytes);
    }

    private static final class Writer<T> extends JsonSerializer<T> {
        private final Class<T> type;
        private final ToBytes<T> toBytes;

        Writer(Class<T> type, ToBytes<T> toBytes) {
            this.type = type;
            this.toBytes = toBytes;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeBinary(toBytes.apply(value));
        }
    }

    private static final class Reader<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final int width;
        private final FromBytes<T> fromBytes;

        Reader(Class<T> type, int width, FromBytes<T> fromBytes) {
            this.type = type;
            this.width = width;
            this.fromBytes = fromBytes;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING && p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            byte[] bytes = p.getBinaryValue();
            if (bytes.length % width != 0) {
                return (T) ctxt.handleWeirdStringValue(handledType(), p.getText(),
                        "binary array of " + bytes.length + " bytes is not a whole number of " + width + "-byte values");
            }
            return fromBytes.apply(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        }
    }
}
