package dev.horizon.adapters.broker.paper;

import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataException;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated cash brokerage account: fills orders against the quotes of a {@link MarketDataPort}
 * at the time of a {@link Clock}, with the fees, slippage and refusals of {@link PaperBrokerConfig}.
 * Used for backtests and paper trading; the pricing rules are those of {@code PaperPricing}, the
 * fill step and buying power those of {@code PaperExchange} (in short: an order steps once per new
 * quote, on whichever call observes it, and acceptance is its first step — so a market order
 * usually comes back from {@link #submit} already {@code FILLED}).
 *
 * <p>It refuses what a real broker refuses, with {@link OrderRejectedException} and nothing
 * placed: a symbol without a quote, a crossed or non-positive quote, a buy beyond buying power
 * (cost + fee above cash less open buys' reservations), and — unless shorting is allowed — a
 * sell beyond the shares held less open sells. A client order id it already knows returns the
 * original order, as Alpaca's lookup does.
 *
 * <p>With a store path the account lives in that file (see {@code PaperAccountFile}): read on
 * construction (or created with the initial cash), re-read under an inter-process lock before
 * every operation and rewritten atomically after every change, so it outlives the engine and
 * two processes can share it. If the market data cannot be read, lookups answer from the books
 * without stepping orders, {@link #account()} and {@link #submit} throw
 * {@link BrokerUnavailableException}.
 *
 * <p>Thread-safe. Equity marks positions at the quote's mid (average entry price when the
 * symbol has no valid quote).
 */
public final class PaperBroker implements BrokerPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final MarketDataPort marketData;
    private final Clock clock;
    private final PaperExchange exchange;
    private final PaperAccountFile file;
    private final Object monitor = new Object();
    private PaperAccount account;

    /**
     * Opens the account: from the store file if configured and present, else a new one with the
     * initial cash (written to the store file at once, if configured).
     *
     * @throws PaperBrokerFileException if the store file cannot be read, written, or is corrupt
     */
    public PaperBroker(PaperBrokerConfig config, MarketDataPort marketData, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.exchange = new PaperExchange(config);
        this.file = config.store().map(PaperAccountFile::new).orElse(null);
        if (file == null) {
            account = PaperAccount.opening(config.initialCash());
            return;
        }
        try {
            account = file.locked(() -> file.readIfChanged().orElseGet(() -> {
                PaperAccount opened = PaperAccount.opening(config.initialCash());
                file.write(opened);
                LOG.info("opened a new paper account in {} with cash {}", file.path(),
                        config.initialCash().toPlainString());
                return opened;
            }));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public BrokerAccount account() {
        return transact(tx -> {
            Map<Symbol, Quote> quotes = tx.step(account.holdings().keySet(), true);
            BigDecimal equity = account.cash();
            for (Map.Entry<Symbol, Holding> e : account.holdings().entrySet()) {
                equity = equity.add(e.getValue().quantity().multiply(mark(e.getValue(), quotes.get(e.getKey()))));
            }
            return new BrokerAccount(account.cash(), equity, exchange.buyingPower(account));
        });
    }

    @Override
    public List<BrokerPosition> positions() {
        return transact(tx -> {
            tx.step(Set.of(), false);
            List<BrokerPosition> positions = new ArrayList<>();
            account.holdings().forEach((symbol, h) ->
                    positions.add(new BrokerPosition(symbol, h.quantity(), h.averageEntryPrice())));
            return positions;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code intent} is not in status {@code NEW}
     */
    @Override
    public Order submit(Order intent) {
        Objects.requireNonNull(intent, "intent");
        if (intent.status() != OrderStatus.NEW) {
            throw new IllegalArgumentException("order " + intent.clientOrderId() + " must be NEW to submit, was "
                    + intent.status());
        }
        return transact(tx -> {
            Map<Symbol, Quote> quotes;
            try {
                quotes = tx.stepOrThrow(Set.of(intent.symbol()));
            } catch (MarketDataException e) {
                WorkingOrder known = account.order(intent.clientOrderId());
                if (known != null) {
                    return known.order();
                }
                throw new BrokerUnavailableException("order " + intent.clientOrderId()
                        + " not placed: market data for " + intent.symbol() + " unavailable (" + e.getMessage() + ")", e);
            }
            WorkingOrder known = account.order(intent.clientOrderId());
            if (known != null) {
                return known.order();
            }
            Order placed = exchange.accept(account, intent, quotes.get(intent.symbol()), clock.now());
            tx.changed = true;
            return placed;
        });
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        transact(tx -> {
            tx.step(Set.of(), false);
            WorkingOrder working = account.order(clientOrderId);
            if (working == null) {
                throw new OrderNotFoundException("cannot cancel order " + clientOrderId
                        + ": the paper broker has no such order");
            }
            if (working.isOpen()) {
                account.put(working.transitionTo(OrderStatus.CANCELED, clock.now(), "canceled on request"));
                tx.changed = true;
            }
            return null;
        });
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        return transact(tx -> {
            tx.step(Set.of(), false);
            return Optional.ofNullable(account.order(clientOrderId)).map(WorkingOrder::order);
        });
    }

    /** {@inheritDoc} Oldest first. */
    @Override
    public List<Order> openOrders() {
        return transact(tx -> {
            tx.step(Set.of(), false);
            return account.openOrders().stream().map(WorkingOrder::order).toList();
        });
    }

    @Override
    public List<Fill> fillsSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return transact(tx -> {
            tx.step(Set.of(), false);
            return account.fills().stream().filter(f -> !f.time().isBefore(since))
                    .sorted(Comparator.comparing(Fill::time)).toList();
        });
    }

    /** Releases the store's lock file; the account file stays. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }

    /**
     * Runs {@code operation} on the current account, holding the in-process monitor and, with a
     * store, the file lock; persists the account if the operation (or the step it took) changed
     * it, even when it ends in a rejection.
     */
    private <T> T transact(Function<Transaction, T> operation) {
        synchronized (monitor) {
            if (file == null) {
                return operation.apply(new Transaction());
            }
            return file.locked(() -> {
                file.readIfChanged().ifPresent(a -> account = a);
                Transaction tx = new Transaction();
                T result;
                try {
                    result = operation.apply(tx);
                } catch (OrderRejectedException | OrderNotFoundException e) {
                    // a refusal changes nothing itself, but the step before it may have filled orders
                    if (tx.changed) {
                        file.write(account);
                    }
                    throw e;
                } catch (RuntimeException e) {
                    // the account may be half-changed: the file, untouched, is the truth
                    file.invalidate();
                    throw e;
                }
                if (tx.changed) {
                    file.write(account);
                }
                return result;
            });
        }
    }

    private static BigDecimal mark(Holding holding, Quote quote) {
        if (quote == null || !quote.isValid()) {
            return holding.averageEntryPrice();
        }
        return PaperPricing.decimal(quote.bid()).add(PaperPricing.decimal(quote.ask())).divide(TWO);
    }

    /** One operation's view of the account: steps open orders and records whether anything changed. */
    private final class Transaction {

        boolean changed;

        /**
         * Steps open orders on fresh quotes and returns the quotes, which also cover {@code extra}.
         * If the feed fails: with {@code required} throws {@link BrokerUnavailableException}, else
         * logs and returns no quotes (nothing steps).
         */
        Map<Symbol, Quote> step(Set<Symbol> extra, boolean required) {
            try {
                return stepOrThrow(extra);
            } catch (MarketDataException e) {
                if (required) {
                    throw new BrokerUnavailableException("paper broker cannot mark the account: market data unavailable ("
                            + e.getMessage() + ")", e);
                }
                LOG.warn("paper broker could not step open orders: market data unavailable ({})", e.getMessage());
                return Map.of();
            }
        }

        Map<Symbol, Quote> stepOrThrow(Set<Symbol> extra) {
            Set<Symbol> symbols = new TreeSet<>(extra);
            account.openOrders().forEach(w -> symbols.add(w.order().symbol()));
            if (symbols.isEmpty()) {
                return Map.of();
            }
            Map<Symbol, Quote> quotes = marketData.latestQuotes(symbols);
            changed |= exchange.process(account, quotes, clock.now(), clock.calendar());
            return quotes;
        }
    }
}
