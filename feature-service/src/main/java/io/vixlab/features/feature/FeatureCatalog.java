package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature names and the features they stand for. A dataset configuration lists names; any symbol
 * ({@code vix}, {@code vvix}) and any window length can be combined, e.g. {@code vvix_sma_10} or
 * {@code vix_rsi_9}. Each feature class documents its definition; the feature reference in {@code docs/} collects them.
 */
public final class FeatureCatalog {

    /** The default feature set, in column order. */
    public static final List<String> DEFAULT_FEATURES = List.of(
            "vix_close",
            "vix_log_return",
            "vix_sma_5",
            "vix_sma_10",
            "vix_sma_20",
            "vix_close_to_sma_5",
            "vix_close_to_sma_10",
            "vix_close_to_sma_20",
            "vix_volatility_5",
            "vix_volatility_20",
            "vix_range",
            "vvix_close",
            "vvix_log_return",
            "vix_vvix_ratio",
            "vix_rsi_14");

    private static final String SYMBOL = "(vix|vvix)";

    private record Form(Pattern pattern, Function<Matcher, Feature> create) {
    }

    private static final List<Form> FORMS = List.of(
            form(SYMBOL + "_close", m -> new Close(symbol(m, 1))),
            form(SYMBOL + "_log_return", m -> new LogReturn(symbol(m, 1))),
            form(SYMBOL + "_range", m -> new HighLowRange(symbol(m, 1))),
            form(SYMBOL + "_sma_(\\d+)", m -> new SimpleMovingAverage(symbol(m, 1), window(m))),
            form(SYMBOL + "_close_to_sma_(\\d+)", m -> new CloseToMovingAverage(symbol(m, 1), window(m))),
            form(SYMBOL + "_volatility_(\\d+)", m -> new RollingVolatility(symbol(m, 1), window(m))),
            form(SYMBOL + "_rsi_(\\d+)", m -> new WilderRsi(symbol(m, 1), window(m))),
            form(SYMBOL + "_" + SYMBOL + "_ratio", m -> new Ratio(symbol(m, 1), symbol(m, 2))));

    private FeatureCatalog() {
    }

    /**
     * The feature a name stands for.
     *
     * @throws IllegalArgumentException for an unknown or non-canonical name (e.g. {@code vix_sma_05})
     */
    public static Feature parse(String name) {
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(name);
            if (matcher.matches()) {
                Feature feature = form.create().apply(matcher);
                if (!feature.name().equals(name)) {
                    throw new IllegalArgumentException("feature " + name + " should be written " + feature.name());
                }
                return feature;
            }
        }
        throw new IllegalArgumentException("unknown feature " + name);
    }

    /** The features for the names, in order; names must be distinct. */
    public static List<Feature> resolve(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature " + name + " is listed twice");
            }
        }
        return names.stream().map(FeatureCatalog::parse).toList();
    }

    private static Form form(String regex, Function<Matcher, Feature> create) {
        return new Form(Pattern.compile(regex), create);
    }

    private static Symbol symbol(Matcher matcher, int group) {
        return Symbol.ofPrefix(matcher.group(group));
    }

    private static int window(Matcher matcher) {
        try {
            return Integer.parseInt(matcher.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window " + matcher.group(2) + " is too long", e);
        }
    }
}
