package dev.horizon.domain.order;

import static dev.horizon.domain.order.OrderStatus.ACCEPTED;
import static dev.horizon.domain.order.OrderStatus.CANCELED;
import static dev.horizon.domain.order.OrderStatus.EXPIRED;
import static dev.horizon.domain.order.OrderStatus.FILLED;
import static dev.horizon.domain.order.OrderStatus.NEW;
import static dev.horizon.domain.order.OrderStatus.PARTIALLY_FILLED;
import static dev.horizon.domain.order.OrderStatus.REJECTED;
import static dev.horizon.domain.order.OrderStatus.SUBMITTED;
import static dev.horizon.domain.order.OrderStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStatusTest {

    /** The state machine of OPERATIONS.md "Orders", written out edge by edge. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            NEW, EnumSet.of(SUBMITTED, UNKNOWN, REJECTED, CANCELED),
            SUBMITTED, EnumSet.of(ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED, UNKNOWN),
            UNKNOWN, EnumSet.of(ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED),
            ACCEPTED, EnumSet.of(PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED),
            PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class));

    private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");
    private static final ClientOrderId ID = ClientOrderId.of("e1", 7, Symbol.of("AAPL"), OrderSide.BUY);

    static Stream<Arguments> everyPair() {
        return Stream.of(OrderStatus.values())
                .flatMap(from -> Stream.of(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void every_transition_is_legal_exactly_when_the_design_lists_it(OrderStatus from, OrderStatus to) {
        boolean legal = LEGAL.get(from).contains(to);
        assertThat(from.canTransitionTo(to)).isEqualTo(legal);

        Order order = orderIn(from);
        if (legal) {
            assertThat(order.transitionTo(to, T0.plusSeconds(1)).status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> order.transitionTo(to, T0.plusSeconds(1)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessage("order " + ID + ": illegal transition " + from + " -> " + to);
        }
    }

    @Test
    void terminal_statuses_are_exactly_filled_rejected_canceled_expired() {
        Set<OrderStatus> terminal = new HashSet<>();
        for (OrderStatus s : OrderStatus.values()) {
            if (s.isTerminal()) {
                terminal.add(s);
            }
        }
        assertThat(terminal).containsExactlyInAnyOrder(FILLED, REJECTED, CANCELED, EXPIRED);
    }

    @Test
    void recovery_resolves_submitted_accepted_partially_filled_and_unknown_orders() {
        List<OrderStatus> needing = Stream.of(OrderStatus.values()).filter(OrderStatus::needsResolution).toList();
        assertThat(needing).containsExactlyInAnyOrder(SUBMITTED, ACCEPTED, PARTIALLY_FILLED, UNKNOWN);
    }

    /** Builds an order in {@code status} by walking legal edges only. */
    private static Order orderIn(OrderStatus status) {
        Order order = Order.intent(ID, Symbol.of("AAPL"), OrderSide.BUY, OrderType.MARKET, new BigDecimal("10"),
                null, TimeInForce.DAY, T0);
        List<OrderStatus> path = switch (status) {
            case NEW -> List.of();
            case SUBMITTED -> List.of(SUBMITTED);
            case UNKNOWN -> List.of(UNKNOWN);
            case ACCEPTED -> List.of(SUBMITTED, ACCEPTED);
            case PARTIALLY_FILLED -> List.of(SUBMITTED, ACCEPTED, PARTIALLY_FILLED);
            case FILLED -> List.of(SUBMITTED, FILLED);
            case REJECTED -> List.of(REJECTED);
            case CANCELED -> List.of(CANCELED);
            case EXPIRED -> List.of(SUBMITTED, EXPIRED);
        };
        for (OrderStatus next : path) {
            order = order.transitionTo(next, T0);
        }
        return order;
    }
}
