package dev.horizon.bootstrap.report;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.order.Fill;
import java.util.Objects;

/**
 * A fill with the decision that placed its order: the cycle (from the client order id
 * {@code hz-<engine>-<cycle>-<symbol>-<B|S>}) and the horizon and reason of that cycle's TRADE
 * decision for the symbol.
 *
 * @param cycle   the cycle that placed the order, {@code -1} when the id carries none
 * @param horizon the decision's horizon, {@code null} when no TRADE decision placed it (or it named none)
 * @param reason  the decision's reason, empty when there is no decision
 */
public record AttributedFill(Fill fill, long cycle, Horizon horizon, String reason) {

    /** What a fill without a horizon is attributed to. */
    public static final String NO_HORIZON = "none";

    public AttributedFill {
        Objects.requireNonNull(fill, "fill");
        reason = reason == null ? "" : reason;
    }

    /** A fill no decision is known for. */
    public static AttributedFill unattributed(Fill fill, long cycle) {
        return new AttributedFill(fill, cycle, null, "");
    }

    /** The horizon's label, or {@value #NO_HORIZON}. */
    public String horizonLabel() {
        return horizon == null ? NO_HORIZON : horizon.label();
    }
}
