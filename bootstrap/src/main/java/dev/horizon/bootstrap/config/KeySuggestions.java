package dev.horizon.bootstrap.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for a mistyped key: the closest known key by edit distance, or by prefix. */
public final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * The known key closest to {@code typed}: within an edit distance of a third of its length
     * (at least 2), or a known key that {@code typed} starts or ends with (e.g.
     * {@code cooldown_seconds} → {@code cooldown}).
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        Optional<String> byDistance = known.stream()
                .min(Comparator.comparingInt((String k) -> distance(t, k)).thenComparing(k -> k))
                .filter(k -> distance(t, k) <= Math.max(2, t.length() / 3));
        if (byDistance.isPresent()) {
            return byDistance;
        }
        return known.stream()
                .filter(k -> k.length() >= 3 && (t.startsWith(k) || k.startsWith(t) || t.endsWith(k)))
                .max(Comparator.comparingInt(String::length).thenComparing(k -> k));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
