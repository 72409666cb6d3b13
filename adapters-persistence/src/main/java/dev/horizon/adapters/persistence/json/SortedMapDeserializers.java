package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.Converter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a {@code SortedMap} whose keys are not {@code Comparable} (e.g. the open orders by
 * {@code ClientOrderId}). Jackson's default would build a naturally ordered {@code TreeMap} and
 * fail on the first key; here the entries are read in file order and put in a {@code TreeMap}
 * ordered by the keys' string form. The owning record re-sorts with its own comparator anyway.
 */
final class SortedMapDeserializers extends Deserializers.Base {

    @Override
    public JsonDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
                                                   BeanDescription beanDesc, KeyDeserializer keyDeserializer,
                                                   TypeDeserializer elementTypeDeserializer,
                                                   JsonDeserializer<?> elementDeserializer) {
        Class<?> raw = type.getRawClass();
        boolean sortedAbstraction = SortedMap.class.isAssignableFrom(raw) && raw.isAssignableFrom(TreeMap.class);
        if (!sortedAbstraction || Comparable.class.isAssignableFrom(type.getKeyType().getRawClass())) {
            return null;
        }
        JavaType readAs = config.getTypeFactory()
                .constructMapType(LinkedHashMap.class, type.getKeyType(), type.getContentType());
        return new StdDelegatingDeserializer<>(new ToSortedMap(readAs, type));
    }

    /** Copies the entries read in file order into a map sorted by the keys' string form. */
    private static final class ToSortedMap implements Converter<Map<Object, Object>, SortedMap<Object, Object>> {
        private final JavaType input;
        private final JavaType output;

        ToSortedMap(JavaType input, JavaType output) {
            this.input = input;
            this.output = output;
        }

        @Override
        public SortedMap<Object, Object> convert(Map<Object, Object> value) {
            TreeMap<Object, Object> sorted = new TreeMap<>(Comparator.comparing(String::valueOf));
            sorted.putAll(value);
            return sorted;
        }

        @Override
        public JavaType getInputType(TypeFactory typeFactory) {
            return input;
        }

        @Override
        public JavaType getOutputType(TypeFactory typeFactory) {
            return output;
        }
    }
}
