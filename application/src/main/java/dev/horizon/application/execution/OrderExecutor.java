package dev.horizon.application.execution;

import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a cycle's orders and follows each to a terminal state.
 *
 * <ul>
 *   <li>Sells go first and are tracked to the end before any buy is sent, so the buys can use
 *       the cash they free.</li>
 *   <li>Each order's intent is journaled before it is sent; the client order id is derived from
 *       the persisted cycle number, so a replay can never place it twice.</li>
 *   <li>A submit is never retried. An ambiguous outcome marks the order {@code UNKNOWN}, and the
 *       broker is asked about the client id before anything else is done with it.</li>
 *   <li>Orders not terminal by the timeout are canceled; what filled stays filled. Positions and
 *       cash change only through the broker's fills, fees included.</li>
 * </ul>
 */
public final class OrderExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);

    private final BrokerPort broker;
    private final Clock clock;
    private final ExecutionConfig config;
    private final OrderSynchronizer synchronizer = new OrderSynchronizer();

    public OrderExecutor(BrokerPort broker, Clock clock, ExecutionConfig config) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Sends {@code requests} (sells, then buys) and returns each order as it ended up. */
    public List<Order> execute(StateJournal journal, List<OrderRequest> requests) {
        List<Order> finished = new ArrayList<>();
        for (OrderSide side : List.of(OrderSide.SELL, OrderSide.BUY)) {
            List<Order> working = new ArrayList<>();
            requests.stream()
                    .filter(r -> r.side() == side)
                    .sorted(Comparator.comparing(OrderRequest::symbol))
                    .forEach(r -> working.add(submit(journal, r)));
            finished.addAll(track(journal, working, config.orderTimeout(), Set.of()));
        }
        return finished;
    }

    /**
     * Resolves orders left behind by an earlier process (startup recovery): each is looked up by
     * client id, missed fills are applied, and whatever the broker still works is canceled at
     * once — the cycle that wanted it is gone. An order the broker never received is closed.
     *
     * @param journaledFillIds fills already journaled before the crash (applied, not re-journaled)
     */
    public List<Order> resolve(StateJournal journal, List<Order> orders, Set<String> journaledFillIds) {
        return track(journal, orders, Duration.ZERO, journaledFillIds);
    }

    private Order submit(StateJournal journal, OrderRequest request) {
        Instant now = clock.now();
        ClientOrderId id = ClientOrderId.of(config.engineId(), journal.state().cycleSeq(), request.symbol(),
                request.side());
        BigDecimal limit = config.pricing() == OrderPricing.MARKETABLE_LIMIT ? limitPrice(request) : null;
        Order intent = Order.intent(id, request.symbol(), request.side(),
                limit == null ? OrderType.MARKET : OrderType.LIMIT, request.quantity(), limit,
                config.timeInForce(), now);
        journal.intent(intent, now);
        try {
            Order remote = broker.submit(intent);
            return synchronizer.sync(journal, intent, Optional.of(remote), List.of(), Set.of(), clock.now());
        } catch (OrderRejectedException e) {
            Order rejected = intent.transitionTo(OrderStatus.REJECTED, clock.now(), e.getMessage());
            journal.statusChanged(rejected, rejected.updatedAt());
            return rejected;
        } catch (BrokerUnavailableException e) {
            LOG.warn("order {}: submit outcome unknown ({}); resolving by client order id", id, e.getMessage());
            Order unknown = intent.transitionTo(OrderStatus.UNKNOWN, clock.now(), "ambiguous submit: " + e.getMessage());
            journal.statusChanged(unknown, unknown.updatedAt());
            return unknown;
        }
    }

    /** Polls working orders until terminal; at the timeout cancels what is left. */
    private List<Order> track(StateJournal journal, List<Order> orders, Duration timeout, Set<String> journaledFillIds) {
        List<Order> working = new ArrayList<>(orders);
        List<Order> finished = new ArrayList<>();
        Instant deadline = clock.now().plus(timeout);
        boolean canceled = false;
        while (true) {
            working = pollOnce(journal, working, finished, journaledFillIds);
            if (working.isEmpty()) {
                return finished;
            }
            if (canceled) {
                finished.addAll(abandon(journal, working));
                return finished;
            }
            if (!clock.now().isBefore(deadline)) {
                working.forEach(this::cancelQuietly);
                canceled = true;
                continue;
            }
            try {
                clock.sleepUntil(clock.now().plus(config.pollInterval()));
            } catch (InterruptedException e) {
                // a stop request: finish tracking at once, orders stay open for recovery to resolve
                Thread.currentThread().interrupt();
                finished.addAll(working);
                return finished;
            }
        }
    }

    private List<Order> pollOnce(StateJournal journal, List<Order> working, List<Order> finished,
                                 Set<String> journaledFillIds) {
        if (working.isEmpty()) {
            return working;
        }
        Map<ClientOrderId, List<Fill>> fills;
        try {
            Instant since = working.stream().map(Order::createdAt).min(Comparator.naturalOrder()).orElseThrow();
            fills = broker.fillsSince(since).stream().collect(Collectors.groupingBy(Fill::clientOrderId));
        } catch (BrokerUnavailableException e) {
            LOG.warn("fills unavailable while tracking {} orders: {}", working.size(), e.getMessage());
            return working;
        }
        List<Order> still = new ArrayList<>();
        for (Order order : working) {
            Order synced = order;
            try {
                Optional<Order> remote = broker.orderByClientId(order.clientOrderId());
                synced = synchronizer.sync(journal, order, remote, fills.getOrDefault(order.clientOrderId(), List.of()),
                        journaledFillIds, clock.now());
            } catch (BrokerUnavailableException e) {
                LOG.warn("order {}: status unavailable: {}", order.clientOrderId(), e.getMessage());
            }
            (synced.status().isTerminal() ? finished : still).add(synced);
        }
        return still;
    }

    private void cancelQuietly(Order order) {
        try {
            broker.cancel(order.clientOrderId());
        } catch (OrderNotFoundException e) {
            // nothing to cancel: the order never reached the broker
        } catch (BrokerUnavailableException e) {
            LOG.warn("order {}: cancel failed: {}", order.clientOrderId(), e.getMessage());
        }
    }

    /**
     * Orders still not terminal after the cancel. One the broker never received (a new or
     * ambiguous submit that no lookup can find) is closed as canceled; one the broker still works
     * stays open for the next reconciliation.
     */
    private List<Order> abandon(StateJournal journal, List<Order> working) {
        List<Order> result = new ArrayList<>();
        for (Order order : working) {
            Order next = order;
            if (order.status() == OrderStatus.UNKNOWN || order.status() == OrderStatus.NEW) {
                boolean known;
                try {
                    known = broker.orderByClientId(order.clientOrderId()).isPresent();
                } catch (BrokerUnavailableException e) {
                    known = true; // cannot prove it never arrived: keep it for recovery
                }
                if (!known) {
                    next = order.transitionTo(OrderStatus.CANCELED, clock.now(), "never reached the broker");
                    journal.statusChanged(next, next.updatedAt());
                }
            }
            if (!next.status().isTerminal()) {
                LOG.warn("order {} still {} after cancel; left for reconciliation", next.clientOrderId(), next.status());
            }
            result.add(next);
        }
        return result;
    }

    /** mid ± collar, rounded away from the market side to the tick (a cent, or 1/100 cent below $1). */
    private BigDecimal limitPrice(OrderRequest request) {
        double collar = config.limitCollarBps() / 1e4;
        double raw = request.side() == OrderSide.BUY ? request.mid() * (1 + collar) : request.mid() * (1 - collar);
        int scale = raw < 1.0 ? 4 : 2;
        RoundingMode rounding = request.side() == OrderSide.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return BigDecimal.valueOf(raw).setScale(scale, rounding);
    }
}
