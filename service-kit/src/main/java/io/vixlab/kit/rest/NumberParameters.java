package io.vixlab.kit.rest;

import io.vixlab.contracts.MessageLimits;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.Function;

/**
 * Numeric path, query and header parameters. JAX-RS answers a query or path parameter that does not
 * convert with 404, as if the resource did not exist; these converters refuse it with 400 naming
 * the parameter, and refuse non-finite numbers ({@code NaN}, {@code Infinity}) too.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    private record Kind(String expected, Function<String, ? extends Number> parse) {
    }

    private static final Kind INTEGER = new Kind("an integer", Integer::valueOf);
    private static final Kind LONG = new Kind("an integer", Long::valueOf);
    private static final Kind DOUBLE = new Kind("a finite number", NumberParameters::finite);

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            int.class, INTEGER, Integer.class, INTEGER,
            long.class, LONG, Long.class, LONG,
            double.class, DOUBLE, Double.class, DOUBLE);

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(rawType);
        return kind == null ? null : new Converter<>(kind, parameterName(annotations));
    }

    private static Double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(Kind kind, String parameter) implements ParamConverter<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T fromString(String text) {
            if (text == null) {
                return null;
            }
            try {
                return (T) kind.parse().apply(text.strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(parameter,
                        "must be " + kind.expected() + ", not '" + MessageLimits.quoted(text) + "'");
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
