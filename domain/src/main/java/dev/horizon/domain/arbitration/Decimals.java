package dev.horizon.domain.arbitration;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", value)} without the formatter: the arbitration writes
 * two such numbers into the reason of every symbol every cycle, and {@link java.util.Formatter}
 * parses its pattern with regular expressions each time.
 *
 * <p>The formatter rounds the shortest decimal representation of the value ({@link
 * Double#toString}) half up, and keeps the sign of negative values that round to zero
 * ({@code -0.00}). Away from a rounding boundary that is the nearest integer to {@code value ×
 * 10^N}, which {@link #fixed} computes directly; within 10⁻⁶ of a boundary, or for large values,
 * it rounds the digits of {@link Double#toString} half up exactly as the formatter does.
 */
final class Decimals {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** {@code value} with {@code places} (0–6) decimals, as {@code %.<places>f} formats it. */
    static String fixed(double value, int places) {
        return appendFixed(new StringBuilder(24), value, places).toString();
    }

    /**
     * Appends {@code value} with {@code places} (0–6) decimals, as {@code %.<places>f} formats it,
     * to {@code out} and returns it: a reason built around two numbers is then one builder and one
     * string instead of a builder, a digit string and a string per number.
     */
    static StringBuilder appendFixed(StringBuilder out, double value, int places) {
        if (places < 0 || places >= POW10.length) {
            throw new IllegalArgumentException("0 to 6 decimal places, not " + places);
        }
        if (Double.isNaN(value)) {
            return out.append("NaN");
        }
        if (Double.isInfinite(value)) {
            return out.append(value > 0 ? "Infinity" : "-Infinity");
        }
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        double magnitude = Math.abs(value);
        if (magnitude < 1e7) {
            double scaled = magnitude * POW10[places];
            double fraction = scaled - Math.floor(scaled);
            if (Math.abs(fraction - 0.5) > 1e-6) {
                return format(out, negative, Math.round(scaled), places);
            }
        }
        return out.append(fromDigits(negative, magnitude, places));
    }

    private static StringBuilder format(StringBuilder out, boolean negative, long scaled, int places) {
        if (negative) {
            out.append('-');
        }
        out.append(scaled / POW10[places]);
        if (places > 0) {
            out.append('.');
            long fraction = scaled % POW10[places];
            // zero-padded to the places: a '0' for each power of ten from 10^(places-1) down to 10 above it
            for (long p = POW10[places - 1]; p > 1 && fraction < p; p /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }

    /** Rounds the digits of {@link Double#toString} half up at {@code places} decimals. */
    private static String fromDigits(boolean negative, double magnitude, int places) {
        String text = Double.toString(magnitude);
        int e = text.indexOf('E');
        String mantissa = e < 0 ? text : text.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length());
        digits.append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        point -= lead;
        int keep = point + places;
        char[] kept;
        if (keep < 0) {
            kept = new char[0];
            point = 0;
        } else if (keep >= digits.length()) {
            kept = digits.toString().toCharArray();
        } else {
            boolean up = digits.charAt(keep) >= '5';
            kept = digits.substring(0, keep).toCharArray();
            if (up) {
                int i = kept.length - 1;
                while (i >= 0 && kept[i] == '9') {
                    kept[i] = '0';
                    i--;
                }
                if (i >= 0) {
                    kept[i]++;
                } else {
                    char[] longer = new char[kept.length + 1];
                    longer[0] = '1';
                    System.arraycopy(kept, 0, longer, 1, kept.length);
                    kept = longer;
                    point++;
                }
            }
        }
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (point <= 0) {
            out.append('0');
        } else {
            for (int i = 0; i < point; i++) {
                out.append(i < kept.length ? kept[i] : '0');
            }
        }
        if (places > 0) {
            out.append('.');
            for (int i = 0; i < places; i++) {
                int k = point + i;
                out.append(k >= 0 && k < kept.length ? kept[k] : '0');
            }
        }
        return out.toString();
    }
}
