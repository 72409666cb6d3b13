package dev.horizon.domain.blending;

import java.util.Comparator;
import java.util.List;

/**
 * The one order of models inside a horizon: by family name, in Unicode code-point order.
 *
 * <p>{@link String#compareTo} compares UTF-16 code units, which disagrees with code-point order
 * for characters above U+FFFF; the pipeline promises code-point order, so it is spelled out here.
 */
public final class FamilyOrder {

    /** Compares family names by Unicode code point. */
    public static final Comparator<String> CODE_POINT = FamilyOrder::compareCodePoints;

    private FamilyOrder() {
    }

    /**
     * Checks that {@code families} is non-empty, strictly ascending in code-point order (so also
     * free of duplicates) and free of nulls.
     *
     * @param what names the caller's list in the error, e.g. {@code "horizon 5m"}
     * @throws IllegalArgumentException naming the offending pair
     */
    public static List<String> requireSorted(List<String> families, String what) {
        List<String> copy = List.copyOf(families);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + ": at least one model family is needed");
        }
        for (int i = 1; i < copy.size(); i++) {
            if (CODE_POINT.compare(copy.get(i - 1), copy.get(i)) >= 0) {
                throw new IllegalArgumentException(what + ": model families must be distinct and sorted by name,"
                        + " but '" + copy.get(i - 1) + "' comes before '" + copy.get(i) + "'");
            }
        }
        return copy;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
