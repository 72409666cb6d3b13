package dev.horizon.application.execution;

import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A broker whose behaviour per submit is scripted: fill, rest, reject, or accept and lose the answer. */
class FakeBroker implements BrokerPort {

    enum Behaviour { FILL, REST, REJECT, ACCEPT_THEN_TIME_OUT, TIME_OUT_WITHOUT_ARRIVING, PARTIAL_THEN_REST }

    final List<ClientOrderId> submits = new ArrayList<>();
    final List<ClientOrderId> cancels = new ArrayList<>();
    final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    final List<Fill> fills = new ArrayList<>();
    private final List<Behaviour> script;
    private final BigDecimal price;
    private int next;

    FakeBroker(BigDecimal price, Behaviour... script) {
        this.price = price;
        this.script = List.of(script);
    }

    @Override
    public Order submit(Order intent) {
        submits.add(intent.clientOrderId());
        Behaviour b = script.get(Math.min(next++, script.size() - 1));
        Instant t = intent.createdAt();
        switch (b) {
            case REJECT -> throw new OrderRejectedException("insufficient buying power for " + intent.symbol());
            case TIME_OUT_WITHOUT_ARRIVING -> throw new BrokerUnavailableException("read timed out");
            default -> { }
        }
        Order placed = intent.withBrokerOrderId("b-" + submits.size()).transitionTo(OrderStatus.SUBMITTED, t)
                .transitionTo(OrderStatus.ACCEPTED, t);
        if (b == Behaviour.FILL || b == Behaviour.ACCEPT_THEN_TIME_OUT) {
            placed = fill(placed, placed.quantity(), t);
        } else if (b == Behaviour.PARTIAL_THEN_REST) {
            placed = fill(placed, placed.quantity().divide(BigDecimal.valueOf(2)), t);
        }
        orders.put(intent.clientOrderId(), placed);
        if (b == Behaviour.ACCEPT_THEN_TIME_OUT) {
            throw new BrokerUnavailableException("connection reset");
        }
        return placed;
    }

    private Order fill(Order order, BigDecimal qty, Instant t) {
        Fill f = new Fill("f-" + (fills.size() + 1), order.clientOrderId(), order.symbol(), order.side(), qty, price,
                new BigDecimal("0.10"), t);
        fills.add(f);
        return order.applyFill(f);
    }

    @Override
    public void cancel(ClientOrderId id) {
        cancels.add(id);
        Order o = orders.get(id);
        if (o == null) {
            throw new OrderNotFoundException("no order " + id);
        }
        if (!o.status().isTerminal()) {
            orders.put(id, o.transitionTo(OrderStatus.CANCELED, o.updatedAt()));
        }
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public List<Fill> fillsSince(Instant since) {
        return fills.stream().filter(f -> !f.time().isBefore(since)).toList();
    }

    @Override
    public List<Order> openOrders() {
        return orders.values().stream().filter(o -> !o.status().isTerminal()).toList();
    }

    @Override
    public BrokerAccount account() {
        return new BrokerAccount(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public List<BrokerPosition> positions() {
        return List.of();
    }
}
