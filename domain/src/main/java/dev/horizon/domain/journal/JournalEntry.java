package dev.horizon.domain.journal;

import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.TradeDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * One durable fact in the engine's journal: what it decided, what it asked the broker, what the
 * broker answered and what filled. The journal is append-only and is how a run is explained and
 * audited after the fact; it never holds secrets.
 */
public sealed interface JournalEntry {

    /** The cycle the entry belongs to. */
    long cycleSeq();

    /** When the entry was made (engine clock). */
    Instant time();

    /** An order the engine is about to send; journaled <em>before</em> the send. */
    record OrderIntent(long cycleSeq, Instant time, Order order) implements JournalEntry {
        public OrderIntent {
            Objects.requireNonNull(order, "order");
        }
    }

    /** The broker's answer to a submit, or a later status change of the order. */
    record OrderUpdate(long cycleSeq, Instant time, ClientOrderId clientOrderId, OrderStatus status,
                       String brokerOrderId, String reason) implements JournalEntry {
        public OrderUpdate {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(status, "status");
        }
    }

    /** An execution, applied to cash and positions. */
    record FillRecorded(long cycleSeq, Instant time, Fill fill) implements JournalEntry {
        public FillRecorded {
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** A decision of the cycle for one symbol. */
    record DecisionRecorded(long cycleSeq, Instant time, TradeDecision decision) implements JournalEntry {
        public DecisionRecorded {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** A risk event: kill switch tripped or reset, pause, resume, reconciliation correction. */
    record RiskEvent(long cycleSeq, Instant time, String kind, String message) implements JournalEntry {
        public RiskEvent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
