package dev.horizon.domain.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalogue of named features (PIPELINE.md §1.2): their order, lookup by name, and the mapping
 * of a model's {@code feature_list} onto the columns of a feature row.
 *
 * <p>A feature row is a {@code double[]} of {@link #size()} values indexed as {@link #names()};
 * {@link FeatureCalculator} fills it. Models receive the selected columns as float32 via
 * {@link #gather}.
 */
public final class FeatureLibrary {

    /**
     * Bars of history handed to the library live and in export ({@code engine.history_bars}).
     * The EMAs recurse over the whole supplied history, so both sides must hand the same amount.
     */
    public static final int DEFAULT_HISTORY_BARS = 300;

    private static final Feature[] FEATURES = Feature.values();
    private static final List<String> NAMES;
    private static final Map<String, Feature> BY_NAME;

    static {
        List<String> names = new ArrayList<>(FEATURES.length);
        Map<String, Feature> byName = new HashMap<>();
        for (Feature f : FEATURES) {
            names.add(f.featureName());
            byName.put(f.featureName(), f);
        }
        NAMES = List.copyOf(names);
        BY_NAME = Map.copyOf(byName);
    }

    private FeatureLibrary() {
    }

    /** The feature names in column order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Number of features, the length of a feature row. */
    public static int size() {
        return FEATURES.length;
    }

    /** Whether {@code name} is a feature of the library (exact, case-sensitive). */
    public static boolean isKnown(String name) {
        return name != null && BY_NAME.containsKey(name);
    }

    /** The column of {@code name} in a feature row, or {@code -1} when it is not a known feature. */
    public static int indexOf(String name) {
        Feature f = name == null ? null : BY_NAME.get(name);
        return f == null ? -1 : f.ordinal();
    }

    /**
     * The feature called {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown feature
     */
    public static Feature feature(String name) {
        Feature f = name == null ? null : BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown feature '" + name + "': the feature library knows "
                    + String.join(", ", NAMES));
        }
        return f;
    }

    /**
     * The columns of an ordered feature list, e.g. a model's {@code feature_list}, for
     * {@link #gather}. Resolve once at startup, not per cycle.
     *
     * @throws IllegalArgumentException naming the first unknown feature
     */
    public static int[] indicesOf(List<String> featureNames) {
        Objects.requireNonNull(featureNames, "featureNames");
        int[] columns = new int[featureNames.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = feature(featureNames.get(i)).ordinal();
        }
        return columns;
    }

    /**
     * Copies the selected columns of a feature row into {@code dst[offset ..]} as float32, the
     * form models take.
     *
     * @return {@code false} when any selected value is NaN or infinite (also after narrowing to
     *         float): the symbol's vector is incomplete and it is left out of that model. What was
     *         written to {@code dst} is then meaningless.
     */
    public static boolean gather(double[] row, int[] columns, float[] dst, int offset) {
        boolean complete = true;
        for (int i = 0; i < columns.length; i++) {
            float value = (float) row[columns[i]];
            dst[offset + i] = value;
            complete &= Float.isFinite(value);
        }
        return complete;
    }
}
