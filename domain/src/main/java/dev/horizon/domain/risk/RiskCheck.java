package dev.horizon.domain.risk;

/**
 * The guardrails' verdict on one order.
 *
 * @param passed  true when the order may be sent
 * @param check   the failed check ({@code max_position}, {@code max_gross}, {@code max_order_notional},
 *                {@code max_orders_per_cycle}, {@code cooldown}, {@code max_orders_per_minute},
 *                {@code buying_power}); empty when passed
 * @param message what failed, e.g. {@code |w| 0.25 > 0.20}; empty when passed
 */
public record RiskCheck(boolean passed, String check, String message) {

    private static final RiskCheck PASSED = new RiskCheck(true, "", "");

    static RiskCheck pass() {
        return PASSED;
    }

    static RiskCheck fail(String check, String message) {
        return new RiskCheck(false, check, message);
    }

    /** The decision reason of a failed check, {@code <check>: <message>} (decision {@code BLOCKED}). */
    public String reason() {
        return passed ? "" : check + ": " + message;
    }
}
