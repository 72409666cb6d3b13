package dev.horizon.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaHealth;
import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.adapters.broker.alpaca.AlpacaTradingSpec;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer.Fault;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TARGETS.md "broker faults", end to end: the real engine trading through the real
 * {@code AlpacaBroker} against a fake Alpaca account on loopback, with faults injected into the
 * HTTP exchanges of several trades — 429 storms with {@code Retry-After}, 5xx bursts, read
 * timeouts, connections reset after the order was accepted, slow and malformed answers — and a
 * sustained outage that opens the circuit breaker.
 *
 * <p>After every scenario: no order was sent twice and the account holds exactly one order per
 * order the engine intended (client ids are {@code hz-<engine>-<cycle>-<symbol>-<side>}); every
 * ambiguous submit was looked up by client id and resolved (filled if the fake had placed it,
 * closed as never received if not), nothing is left {@code UNKNOWN}; the engine's positions and
 * cash equal the account's (the fake charges no fees, as Alpaca books fees separately); and the
 * traffic conforms to Alpaca's published spec.
 */
class BrokerFaultsTest {

    private static final String SUBMIT = "/v2/orders";
    private static final String LOOKUP = "/v2/orders:by_client_order_id";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerFaultsTest.class);
    private static final Predicate<AlpacaExchange> IS_POST = e -> e.request().getMethod().equals("POST");

    @TempDir
    Path dir;

    /** What a trade's injected faults do to its order submit. */
    enum Submit {
        /** The submit is answered normally. */
        CLEAN,
        /** The fake never applied the order, but the engine cannot know: resolved as never received. */
        LOST,
        /** The fake applied (and filled) the order, then the answer was lost: resolved as filled. */
        PLACED
    }

    /**
     * One trade: the models point {@code direction}, {@code faults} are queued at the fake, and
     * cycles run until one places an order; a {@link Submit#LOST LOST} order is traded again by
     * the next cycle.
     */
    record Trade(int direction, Submit submit, List<Fault> faults) {
        static Trade buy(Submit submit, Fault... faults) {
            return new Trade(1, submit, List.of(faults));
        }

        static Trade sell(Submit submit, Fault... faults) {
            return new Trade(-1, submit, List.of(faults));
        }
    }

    /**
     * @param retries  reads retried by the adapter (each faulted read attempt that may be retried)
     * @param faulted  answers the faults replaced: HTTP status → count ({@code 0}: no answer at all)
     */
    record Scenario(String name, List<Trade> trades, long retries, Map<Integer, Long> faulted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("429 storms with Retry-After", List.of(
                        // two 429s, Retry-After: 0, on the buying-power read: retried twice, then answered
                        Trade.buy(Submit.CLEAN, Fault.rateLimited("GET", "/v2/", 0).once(2)),
                        // a 429 on the submit is not retried: unknown, looked up (itself through a storm), never received
                        Trade.sell(Submit.LOST, Fault.rateLimited("POST", SUBMIT, 0),
                                Fault.rateLimited("GET", LOOKUP, 0).once(2)),
                        // Retry-After: 30 s is beyond alpaca.retry.max_retry_after (1 s): reported at once, the next poll reads it
                        Trade.buy(Submit.CLEAN, Fault.rateLimited("GET", LOOKUP, 30)),
                        Trade.sell(Submit.CLEAN, Fault.rateLimited("GET", "/v2/account/activities", 0).once(2))),
                        6, Map.of(429, 8L)),
                new Scenario("500/503 bursts", List.of(
                        Trade.buy(Submit.CLEAN, Fault.status("GET", "/v2/", 503).once(2)),
                        Trade.sell(Submit.LOST, Fault.status("POST", SUBMIT, 500)),
                        Trade.buy(Submit.PLACED, Fault.statusAfterApplying("POST", SUBMIT, 503)),
                        Trade.sell(Submit.PLACED, Fault.statusAfterApplying("POST", SUBMIT, 500),
                                Fault.status("GET", "/v2/", 502).once(2))),
                        4, Map.of(500, 2L, 502, 2L, 503, 3L)),
                new Scenario("read timeouts", List.of(
                        Trade.buy(Submit.CLEAN, Fault.noAnswer("GET", "/v2/account")),
                        Trade.sell(Submit.LOST, Fault.noAnswer("POST", SUBMIT)),
                        Trade.buy(Submit.PLACED, Fault.noAnswerAfterApplying("POST", SUBMIT)),
                        Trade.sell(Submit.PLACED, Fault.noAnswerAfterApplying("POST", SUBMIT),
                                Fault.noAnswer("GET", LOOKUP))),
                        2, Map.of(0, 5L)),
                new Scenario("connection reset after the order was accepted", List.of(
                        Trade.buy(Submit.PLACED, Fault.disconnectAfterApplying("POST", SUBMIT)),
                        Trade.sell(Submit.PLACED, Fault.disconnectAfterApplying("POST", SUBMIT),
                                Fault.disconnect("GET", LOOKUP)),
                        Trade.buy(Submit.LOST, Fault.disconnect("POST", SUBMIT)),
                        Trade.sell(Submit.CLEAN, Fault.disconnect("GET", "/v2/account/activities").once(2))),
                        3, Map.of(0, 6L)),
                new Scenario("slow responses", List.of(
                        // slower than usual but within the 250 ms read timeout: nothing to resolve
                        Trade.buy(Submit.CLEAN, Fault.slow("POST", SUBMIT, Duration.ofMillis(40))),
                        Trade.sell(Submit.CLEAN, Fault.slow("GET", "/v2/account/activities", Duration.ofMillis(500))),
                        // the order is placed, its acknowledgement arrives after the read timeout
                        Trade.buy(Submit.PLACED, Fault.slow("POST", SUBMIT, Duration.ofMillis(500))),
                        Trade.sell(Submit.CLEAN, Fault.slow("GET", LOOKUP, Duration.ofMillis(500)))),
                        2, Map.of()),
                new Scenario("malformed JSON", List.of(
                        Trade.buy(Submit.CLEAN, Fault.malformed("GET", "/v2/account")),
                        Trade.sell(Submit.PLACED, Fault.malformedAfterApplying("POST", SUBMIT)),
                        Trade.buy(Submit.LOST, Fault.malformed("POST", SUBMIT)),
                        Trade.sell(Submit.CLEAN, Fault.malformed("GET", LOOKUP))),
                        2, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void every_fault_leaves_no_duplicate_no_unknown_order_and_the_account_equal_to_the_engine(Scenario scenario) {
        try (AlpacaEngineHarness h = new AlpacaEngineHarness(dir, tolerantBreaker())) {
            h.cycleUntilOrder(1, 20);
            h.cycleUntilOrder(-1, 5);
            int postsBefore = posts(h).size();
            long retriesBefore = h.broker.health().retries();

            Map<String, Submit> expected = new LinkedHashMap<>();
            for (Trade trade : scenario.trades()) {
                trade.faults().forEach(h.fake::inject);
                CycleResult traded = h.cycleUntilOrder(trade.direction(), 5);
                Order order = single(traded);
                expected.put(order.clientOrderId().value(), trade.submit());
                assertThat(order.status()).as("%s: %s", scenario, order.clientOrderId())
                        .isEqualTo(trade.submit() == Submit.LOST ? OrderStatus.CANCELED : OrderStatus.FILLED);
                if (trade.submit() == Submit.LOST) {
                    assertThat(order.statusReason()).isEqualTo("never reached the broker");
                    Order again = single(h.cycleUntilOrder(trade.direction(), 1));
                    assertThat(again.status()).isEqualTo(OrderStatus.FILLED);
                    expected.put(again.clientOrderId().value(), Submit.CLEAN);
                }
            }
            h.cycle();

            List<AlpacaExchange> exchanges = h.fake.exchanges();
            Map<Integer, Long> faulted = exchanges.stream().filter(e -> e.status() == null || e.status() >= 429)
                    .collect(Collectors.groupingBy(e -> e.status() == null ? 0 : e.status(), TreeMap::new,
                            Collectors.counting()));
            assertThat(faulted).as("every injected fault was met").isEqualTo(new TreeMap<>(scenario.faulted()));
            assertThat(h.broker.health().retries() - retriesBefore).as("reads retried").isEqualTo(scenario.retries());
            assertThat(posts(h).size() - postsBefore).as("one POST per order sent").isEqualTo(expected.size());
            Set<String> ambiguous = ambiguousOrders(h);
            assertThat(ambiguous).as("the orders whose submit was ambiguous")
                    .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                            .filter(e -> e.getValue() != Submit.CLEAN).map(Map.Entry::getKey).toList());
            expected.forEach((id, submit) -> assertThat(finalStatus(h, id)).as(id)
                    .isEqualTo(submit == Submit.LOST ? OrderStatus.CANCELED : OrderStatus.FILLED));
            assertConsistent(h);
            LOG.info("{}: {} orders sent, {} ambiguous ({} placed, {} lost), {} lookups by client id, {} reads"
                            + " retried, faulted answers {}, breaker {}", scenario, expected.size(), ambiguous.size(),
                    expected.values().stream().filter(Submit.PLACED::equals).count(),
                    expected.values().stream().filter(Submit.LOST::equals).count(),
                    ambiguous.stream().mapToLong(id -> lookups(h, id)).sum(), scenario.retries(), faulted,
                    h.broker.health().breakerState());
        }
    }

    @Test
    void a_sustained_outage_opens_the_breaker_the_engine_sends_no_order_while_open_and_trades_again_after() throws Exception {
        Duration openWait = Duration.ofMillis(1000);
        try (AlpacaEngineHarness h = new AlpacaEngineHarness(dir, AlpacaEngineHarness.policy(50, 10, 5, openWait))) {
            h.cycleUntilOrder(1, 20);
            assertThat(h.scrape()).contains("horizon_broker_circuit_open 0.0")
                    .contains("horizon_broker_circuit_state{state=\"CLOSED\"} 1.0");

            // every endpoint answers 503 from now on; the models want out of the position
            h.fake.inject(Fault.status("GET", "/", 503).once(100_000));
            h.fake.inject(Fault.status("POST", "/", 503).once(100_000));
            h.fake.inject(Fault.status("DELETE", "/", 503).once(100_000));
            h.models.direction(-1);
            int postsBefore = posts(h).size();
            EngineState before = h.engine.state();
            Order first = single(h.cycle().orElseThrow());

            assertThat(first.status()).isEqualTo(OrderStatus.UNKNOWN);
            assertThat(first.statusReason()).startsWith("ambiguous submit: order " + first.clientOrderId()
                    + " (SELL ").contains("outcome unknown, resolve it by client order id: alpaca POST /v2/orders: HTTP 503");
            AlpacaHealth opened = h.broker.health();
            assertThat(opened.breakerState()).isEqualTo("OPEN");
            assertThat(h.scrape()).contains("horizon_broker_circuit_open 1.0")
                    .contains("horizon_broker_circuit_state{state=\"OPEN\"} 1.0")
                    .containsPattern("horizon_broker_failure_rate_percent [5-9][0-9]\\.0");
            int postsWhenOpened = posts(h).size();
            assertThat(postsWhenOpened - postsBefore).as("the POST before the breaker opened").isEqualTo(1);
            long exchangesWhenOpened = h.fake.requestCount();

            // while the order's outcome is unknown its symbol is held: nothing is sent, the decision says why
            List<CycleResult> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(h.cycle().orElseThrow());
            }
            assertThat(held).allMatch(r -> r.orders().isEmpty());
            assertThat(held).flatExtracting(CycleResult::decisions).allSatisfy(d -> assertThat(d.reason())
                    .isEqualTo("order_pending: " + first.clientOrderId() + " UNKNOWN"));
            assertThat(h.fake.requestCount()).as("nothing reaches Alpaca while the breaker is open")
                    .isEqualTo(exchangesWhenOpened);
            assertThat(posts(h)).hasSize(postsWhenOpened);
            AlpacaHealth duringOutage = h.broker.health();
            assertThat(duringOutage.notPermittedCalls()).isGreaterThan(opened.notPermittedCalls());
            assertThat(h.scrape()).containsPattern("horizon_broker_refused_calls_total [1-9][0-9]*\\.0");
            assertThat(h.engine.state().position(AlpacaEngineHarness.BTC).shares())
                    .as("the engine holds its position: nothing was sold")
                    .isEqualByComparingTo(before.position(AlpacaEngineHarness.BTC).shares());
            assertThat(h.engine.state().killSwitch().active()).isFalse();

            // the outage ends; after the open wait the next cycle first resolves the unknown order by
            // client id (Alpaca never got it: closed), then trades again
            h.fake.clearFaults();
            Thread.sleep(openWait.toMillis() + 200);
            Order resumed = single(h.cycle().orElseThrow());

            assertThat(finalStatus(h, first.clientOrderId().value())).isEqualTo(OrderStatus.CANCELED);
            assertThat(lookups(h, first.clientOrderId().value())).isPositive();
            assertThat(resumed.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.engine.state().openOrders()).isEmpty();
            assertThat(h.broker.health().breakerState()).isEqualTo("CLOSED");
            assertThat(h.scrape()).contains("horizon_broker_circuit_open 0.0")
                    .contains("horizon_broker_circuit_state{state=\"CLOSED\"} 1.0");
            assertThat(posts(h)).hasSize(postsWhenOpened + 1);
            assertThat(h.accountPositions()).isEmpty();
            assertConsistent(h);
            LOG.info("sustained outage: 1 POST answered 503 before the breaker opened (CLOSED -> OPEN at {}% of {}"
                            + " calls); the symbol was held for {} cycles with 0 POSTs and 0 requests, {} calls refused;"
                            + " after {} ms the next cycle resolved the unknown order with {} lookups and traded again",
                    Math.round(opened.failureRatePercent()), opened.bufferedCalls(), held.size(),
                    duringOutage.notPermittedCalls(), openWait.toMillis(), lookups(h, first.clientOrderId().value()));
        }
    }

    /** A breaker only a run of nothing but failures opens, so each fault's own handling is what is measured. */
    private static AlpacaHttpPolicy tolerantBreaker() {
        return AlpacaEngineHarness.policy(100, 20, 20, Duration.ofMillis(500));
    }

    private static Order single(CycleResult r) {
        assertThat(r.orders()).as("orders of cycle %d", r.cycleSeq()).hasSize(1);
        return r.orders().get(0);
    }

    private static List<AlpacaExchange> posts(AlpacaEngineHarness h) {
        return h.fake.exchanges().stream().filter(IS_POST).toList();
    }

    /** Orders the engine marked {@code UNKNOWN} at some point. */
    private static Set<String> ambiguousOrders(AlpacaEngineHarness h) {
        return h.journal().stream().filter(e -> e instanceof JournalEntry.OrderUpdate u && u.status() == OrderStatus.UNKNOWN)
                .map(e -> ((JournalEntry.OrderUpdate) e).clientOrderId().value()).collect(Collectors.toSet());
    }

    private static List<String> journalReasons(AlpacaEngineHarness h, OrderStatus status) {
        return h.journal().stream().filter(e -> e instanceof JournalEntry.OrderUpdate u && u.status() == status)
                .map(e -> ((JournalEntry.OrderUpdate) e).reason()).toList();
    }

    /** The last status the engine journaled for an order. */
    private static OrderStatus finalStatus(AlpacaEngineHarness h, String clientOrderId) {
        OrderStatus last = null;
        for (JournalEntry e : h.journal()) {
            if (e instanceof JournalEntry.OrderUpdate u && u.clientOrderId().value().equals(clientOrderId)) {
                last = u.status();
            }
        }
        return last;
    }

    /** {@code GET /v2/orders:by_client_order_id} requests for one order. */
    private static long lookups(AlpacaEngineHarness h, String clientOrderId) {
        return h.fake.exchanges().stream().filter(e -> e.describe().equals("GET " + LOOKUP)
                && clientOrderId.equals(e.request().getRequestUrl().queryParameter("client_order_id"))).count();
    }

    /**
     * The invariants of every scenario: no order sent twice, one account order per intended order
     * and no more, nothing unknown, every ambiguous order looked up after its POST, positions and
     * cash equal, no reconciliation mismatch, traffic per Alpaca's spec.
     */
    private static void assertConsistent(AlpacaEngineHarness h) {
        List<AlpacaExchange> exchanges = h.fake.exchanges();
        List<JournalEntry> journal = h.journal();
        EngineState state = h.engine.state();

        Map<String, Long> postsById = exchanges.stream().filter(IS_POST)
                .collect(Collectors.groupingBy(e -> clientId(e.requestBody()), Collectors.counting()));
        assertThat(postsById).as("POSTs per client order id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));

        List<JsonNode> orders = h.accountOrders();
        Map<String, Long> byCycleSymbolSide = orders.stream().collect(Collectors.groupingBy(o -> {
            String[] parts = o.get("client_order_id").asText().split("-");
            return parts[2] + "/" + parts[3] + "/" + parts[4];
        }, Collectors.counting()));
        assertThat(byCycleSymbolSide).as("account orders per cycle, symbol and side")
                .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        Map<String, Integer> intentsPerCycle = new HashMap<>();
        Set<String> intended = new java.util.HashSet<>();
        for (JournalEntry e : journal) {
            if (e instanceof JournalEntry.OrderIntent i) {
                intended.add(i.order().clientOrderId().value());
                intentsPerCycle.merge(i.cycleSeq() + "/" + i.order().symbol() + "/" + i.order().side(), 1, Integer::sum);
            }
        }
        assertThat(intentsPerCycle).as("intents per cycle, symbol and side")
                .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        Set<String> atAlpaca = orders.stream().map(o -> o.get("client_order_id").asText()).collect(Collectors.toSet());
        assertThat(intended).as("every account order is one the engine intended").containsAll(atAlpaca);
        Set<String> neverReceived = intended.stream().filter(id -> !atAlpaca.contains(id)).collect(Collectors.toSet());
        neverReceived.forEach(id -> assertThat(finalStatus(h, id)).as(id).isEqualTo(OrderStatus.CANCELED));
        orders.forEach(o -> assertThat(o.get("status").asText()).as(o.get("client_order_id").asText())
                .isEqualTo("filled"));
        orders.forEach(o -> assertThat(finalStatus(h, o.get("client_order_id").asText()))
                .as(o.get("client_order_id").asText()).isEqualTo(OrderStatus.FILLED));

        assertThat(state.openOrders()).as("nothing left open or unknown").isEmpty();
        for (String id : ambiguousOrders(h)) {
            int post = indexOfPost(exchanges, id);
            boolean lookedUpAfter = false;
            for (int i = Math.max(post, 0); i < exchanges.size(); i++) {
                AlpacaExchange e = exchanges.get(i);
                if (e.describe().equals("GET " + LOOKUP)
                        && id.equals(e.request().getRequestUrl().queryParameter("client_order_id"))) {
                    lookedUpAfter = true;
                    break;
                }
            }
            assertThat(lookedUpAfter).as("%s looked up by client order id after its submit", id).isTrue();
        }

        Map<String, BigDecimal> engine = new TreeMap<>();
        for (PositionState p : state.positions().values()) {
            if (p.shares().signum() != 0) {
                engine.put(p.symbol().value(), p.shares().stripTrailingZeros());
            }
        }
        Map<String, BigDecimal> account = new TreeMap<>();
        h.accountPositions().forEach((s, q) -> account.put(s, q.stripTrailingZeros()));
        assertThat(engine).as("positions").isEqualTo(account);
        assertThat(state.cash()).as("cash").isEqualByComparingTo(h.fake.cash());
        assertThat(state.killSwitch().active()).as("kill switch (a reconciliation mismatch trips it)").isFalse();
        assertThat(AlpacaTradingSpec.get().problems(exchanges)).as("traffic per Alpaca's spec").isEmpty();
    }

    private static int indexOfPost(List<AlpacaExchange> exchanges, String clientOrderId) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (IS_POST.test(exchanges.get(i)) && clientId(exchanges.get(i).requestBody()).equals(clientOrderId)) {
                return i;
            }
        }
        return -1;
    }

    private static String clientId(String body) {
        int at = body.indexOf("\"client_order_id\":\"");
        return at < 0 ? "" : body.substring(at + 19, body.indexOf('"', at + 19));
    }
}
