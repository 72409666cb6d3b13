package dev.horizon.bootstrap.engine;

import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A broker connection with an outage switch: while down, every call fails as unreachable (the
 * account too, unless {@code accountDuringOutage}); with {@code placeWhileDown} the next submit
 * still reaches the broker before its answer is lost.
 */
final class FlakyBroker implements BrokerPort {

    private final BrokerPort delegate;
    volatile boolean down;
    volatile boolean placeWhileDown;
    /** The account endpoint keeps answering during the outage (only the order path is down). */
    volatile boolean accountDuringOutage;
    int submits;

    FlakyBroker(BrokerPort delegate) {
        this.delegate = delegate;
    }

    private void check(String what) {
        if (down) {
            throw new BrokerUnavailableException("broker unreachable: " + what + " not answered");
        }
    }

    @Override
    public Order submit(Order intent) {
        submits++;
        if (down && placeWhileDown) {
            placeWhileDown = false;
            delegate.submit(intent);
        }
        check("submit " + intent.clientOrderId());
        return delegate.submit(intent);
    }

    @Override
    public BrokerAccount account() {
        if (!accountDuringOutage) {
            check("account");
        }
        return delegate.account();
    }

    @Override
    public List<BrokerPosition> positions() {
        check("positions");
        return delegate.positions();
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        check("cancel");
        delegate.cancel(clientOrderId);
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        check("order lookup");
        return delegate.orderByClientId(clientOrderId);
    }

    @Override
    public List<Order> openOrders() {
        check("open orders");
        return delegate.openOrders();
    }

    @Override
    public List<Fill> fillsSince(Instant since) {
        check("fills");
        return delegate.fillsSince(since);
    }
}
