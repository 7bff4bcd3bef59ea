package io.vixlab.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.ser.std.NumberSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Floating-point numbers are finite in vixlab's JSON, both ways. Jackson reads {@code 1e400} as
 * Infinity and {@code "NaN"} as NaN, and writes NaN as the string {@code "NaN"}: a poison value
 * would pass validation (every comparison with NaN is false) and break the next reader's schema.
 * Reading one fails naming the field; writing one fails loudly at the producer. {@code Number}
 * covers untyped values ({@code Map<String, Object>} parameters).
 */
final class FiniteNumbers {

    private FiniteNumbers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("vixlab-finite-numbers");
        reading(module, double.class);
        reading(module, Double.class);
        reading(module, float.class);
        reading(module, Float.class);
        reading(module, Number.class);
        writing(module, double.class, new NumberSerializers.DoubleSerializer(double.class));
        writing(module, Double.class, new NumberSerializers.DoubleSerializer(Double.class));
        writing(module, float.class, new NumberSerializers.FloatSerializer());
        writing(module, Float.class, new NumberSerializers.FloatSerializer());
        return module;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> void reading(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, new Reader<>(type,
                (JsonDeserializer<T>) NumberDeserializers.find(type, type.getName())));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Number> void writing(SimpleModule module, Class<T> type, JsonSerializer<?> standard) {
        module.addSerializer(type, new Writer<>(type, (JsonSerializer<T>) standard));
    }

    private static boolean isFinite(Number value) {
        return !(value instanceof Double || value instanceof Float) || Double.isFinite(value.doubleValue());
    }

    /** Jackson's own reading, refused when the number it yields is not finite. */
    private static final class Reader<T extends Number> extends StdDeserializer<T> {

        private final JsonDeserializer<T> standard;

        Reader(Class<T> type, JsonDeserializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = standard.deserialize(p, ctxt);
            if (value != null && !isFinite(value)) {
                throw InvalidFormatException.from(p, "not a finite number: " + MessageLimits.capped(p.getText()),
                        p.getText(), handledType());
            }
            return value;
        }

        // A null stays Jackson's: an error for a primitive (FAIL_ON_NULL_FOR_PRIMITIVES), null otherwise.
        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return standard.getNullValue(ctxt);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return standard.getNullAccessPattern();
        }

        @Override
        public LogicalType logicalType() {
            return standard.logicalType();
        }
    }

    /** Jackson's own writing, refused when the number is not finite. */
    private static final class Writer<T extends Number> extends StdSerializer<T> {

        private final JsonSerializer<T> standard;

        Writer(Class<T> type, JsonSerializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!isFinite(value)) {
                throw JsonMappingException.from(gen, "not a finite number: " + value);
            }
            standard.serialize(value, gen, provider);
        }
    }
}
