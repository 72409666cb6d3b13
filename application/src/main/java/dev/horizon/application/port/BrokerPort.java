package dev.horizon.application.port;

import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A brokerage account: the source of truth for cash, positions, orders and fills.
 *
 * <p>Contract (held by {@code BrokerPortContract} in the test kit):
 * <ul>
 *   <li><b>Idempotent submit.</b> A submit whose client order id the broker already knows places
 *       nothing new and returns the existing order. A broker that answers a duplicate with an
 *       error has its adapter look the order up and return it instead.</li>
 *   <li><b>Never retried blindly.</b> Adapters do not retry {@link #submit}; an ambiguous outcome
 *       surfaces as {@link BrokerUnavailableException} for the engine to resolve by client id.
 *       Reads and cancels may be retried inside the adapter.</li>
 *   <li><b>Missing data.</b> Lookups of unknown orders return {@link Optional#empty()}; a flat
 *       account has an empty position list; no fills is an empty list.</li>
 *   <li><b>Ordering.</b> {@link #fillsSince} returns fills oldest first; each fill has a unique,
 *       stable {@link Fill#fillId()} so replays can be deduplicated.</li>
 *   <li><b>Errors.</b> {@link OrderRejectedException}: definitively refused;
 *       {@link BrokerUnavailableException}: could not reach or understand the broker;
 *       {@link OrderNotFoundException}: cancel of an order the broker does not know.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface BrokerPort {

    /** Cash, equity and buying power. */
    BrokerAccount account();

    /** Every non-zero position, sorted by symbol. */
    List<BrokerPosition> positions();

    /**
     * Places {@code intent} (an order in status {@code NEW}, carrying its client order id) and
     * returns the broker's view of it: typically {@code SUBMITTED} or {@code ACCEPTED}, possibly
     * already {@code FILLED} or {@code REJECTED} with the reason.
     *
     * @throws OrderRejectedException     the broker refused the order; nothing was placed
     * @throws BrokerUnavailableException the outcome is unknown; resolve with {@link #orderByClientId}
     */
    Order submit(Order intent);

    /**
     * Requests cancellation. Canceling an order that is already terminal is a no-op.
     *
     * @throws OrderNotFoundException the broker does not know the order
     */
    void cancel(ClientOrderId clientOrderId);

    /** The broker's current view of the order with this client id, or empty if it never arrived. */
    Optional<Order> orderByClientId(ClientOrderId clientOrderId);

    /** Orders not yet in a terminal status. */
    List<Order> openOrders();

    /** Every fill executed at or after {@code since}, oldest first. */
    List<Fill> fillsSince(Instant since);
}
