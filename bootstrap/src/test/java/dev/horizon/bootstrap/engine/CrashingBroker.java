package dev.horizon.bootstrap.engine;

import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A broker connection through which the engine dies right after the broker accepted its first order. */
final class CrashingBroker implements BrokerPort {

    private final BrokerPort delegate;
    private boolean crashed;

    CrashingBroker(BrokerPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public Order submit(Order intent) {
        Order placed = delegate.submit(intent);
        if (!crashed) {
            crashed = true;
            throw new Crash("after the broker accepted " + intent.clientOrderId());
        }
        return placed;
    }

    @Override
    public BrokerAccount account() {
        return delegate.account();
    }

    @Override
    public List<BrokerPosition> positions() {
        return delegate.positions();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        delegate.cancel(clientOrderId);
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        return delegate.orderByClientId(clientOrderId);
    }

    @Override
    public List<Order> openOrders() {
        return delegate.openOrders();
    }

    @Override
    public List<Fill> fillsSince(Instant since) {
        return delegate.fillsSince(since);
    }
}
