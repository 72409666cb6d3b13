package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.prediction.LedgerSnapshot;
import dev.horizon.domain.state.DecisionTrace;

/**
 * The Jackson module for Horizon's domain types: tickers and client order ids as plain strings
 * (values and map keys), decision traces as their map, journal entries by {@code "type"}, and
 * sorted maps keyed by non-comparable ids, and {@code LedgerSnapshot} (a class) as it was as a
 * record ({@link LedgerSnapshotMixin}). Records need nothing more: Jackson binds them through
 * their canonical constructors, so new components flow through without touching this module.
 */
final class DomainModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    DomainModule() {
        super("horizon-domain");
        new StringValueCodec<>(Symbol.class, Symbol::value, Symbol::new).registerIn(this);
        new StringValueCodec<>(ClientOrderId.class, ClientOrderId::value, ClientOrderId::new).registerIn(this);
        addSerializer(DecisionTrace.class, new DecisionTraceCodec.Serializer());
        addDeserializer(DecisionTrace.class, new DecisionTraceCodec.Deserializer());
        setMixInAnnotation(JournalEntry.class, JournalEntryMixin.class);
        setMixInAnnotation(LedgerSnapshot.class, LedgerSnapshotMixin.class);
        DomainJson.JOURNAL_TYPES.forEach((type, name) -> registerSubtypes(new NamedType(type, name)));
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new SortedMapDeserializers());
    }
}
