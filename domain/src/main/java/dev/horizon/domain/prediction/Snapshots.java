package dev.horizon.domain.prediction;

/** Checks shared by the snapshot records. */
final class Snapshots {

    private Snapshots() {
    }

    static void requireFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is " + values[i] + ", expected a finite number");
            }
        }
    }

    static void requireLength(String what, String name, int expected, int actual) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + ": " + name + " holds " + actual + " values, expected " + expected);
        }
    }
}
