package dev.horizon.application.recovery;

import java.util.Locale;

/** What to do when the engine's ledger and the broker's disagree ({@code [reconciliation.mode]}). */
public enum ReconciliationMode {
    /** Refuse to go on and print the differences (default for live). */
    STRICT,
    /** The broker is the truth: adopt its positions and cash, and journal the correction. */
    ADOPT,
    /** Log the differences and go on with the engine's view. */
    WARN;

    /** Parses {@code strict}, {@code adopt} or {@code warn}. */
    public static ReconciliationMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("reconciliation.mode: '" + text + "' is not one of strict, adopt, warn");
        }
    }
}
