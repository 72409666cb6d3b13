package dev.horizon.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper account file: round trips, sharing between instances and processes, corruption. */
class PaperBrokerStoreTest {

    private static final Instant START = Instant.parse("2024-01-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");

    @TempDir
    Path dir;

    private Path file;
    private SimulatedClock clock;
    private FakeMarketData feed;
    private long nextCycle;

    @BeforeEach
    void market() {
        file = dir.resolve("broker").resolve("paper-account.json");
        clock = new SimulatedClock(START, MarketCalendar.usEquities(Set.of()));
        feed = new FakeMarketData(clock);
        feed.quote("AAPL", 99.95, 100.05, 20, 20);
    }

    private PaperBroker open(String initialCash) {
        PaperBrokerConfig config = PaperBrokerConfig.of(new BigDecimal(initialCash))
                .withFees(new BigDecimal("1"), new BigDecimal("0.50"))
                .withSlippageBps(new BigDecimal("5"))
                .withPartialFills(new BigDecimal("0.25"))
                .withStore(file);
        return new PaperBroker(config, feed, clock);
    }

    @Test
    void a_new_instance_on_the_same_file_sees_the_same_cash_positions_orders_and_fills() {
        PaperBroker first = open("100000");
        Order filled = market(OrderSide.BUY, "5");
        Order partial = market(OrderSide.BUY, "8");
        Order resting = limit(OrderSide.BUY, "3", "90.00");
        first.submit(filled);
        first.submit(partial);
        first.submit(resting);
        var account = first.account();
        var positions = first.positions();
        var open = first.openOrders();
        var fills = first.fillsSince(Instant.EPOCH);
        first.close();

        PaperBroker second = open("1");   // the file is the account: its initial cash is ignored

        assertThat(second.account()).isEqualTo(account);
        assertThat(account.cash()).isEqualByComparingTo("98997.90"); // 10 @ 100.11 = 1001.10, two 0.50 minimum fees
        assertThat(second.positions()).isEqualTo(positions);
        assertThat(second.openOrders()).isEqualTo(open).extracting(Order::clientOrderId)
                .containsExactly(partial.clientOrderId(), resting.clientOrderId());
        assertThat(second.fillsSince(Instant.EPOCH)).isEqualTo(fills).hasSize(2);
        assertThat(second.orderByClientId(filled.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        second.close();
    }

    @Test
    void duplicate_client_order_id_sent_to_a_new_instance_returns_the_original_and_places_nothing() {
        PaperBroker first = open("100000");
        Order intent = market(OrderSide.BUY, "5");
        Order original = first.submit(intent);
        first.close();
        PaperBroker second = open("100000");

        Order replay = second.submit(intent);

        assertThat(replay).isEqualTo(original);
        assertThat(second.fillsSince(Instant.EPOCH)).hasSize(1);
        assertThat(second.positions().get(0).quantity()).isEqualByComparingTo("5");
        assertThat(second.account().cash()).isEqualByComparingTo("99498.95"); // 5 @ 100.11 = 500.55, 0.50 minimum fee
        second.close();
    }

    @Test
    void the_next_step_of_an_open_order_happens_once_whichever_instance_observes_it() {
        PaperBroker a = open("100000");
        PaperBroker b = open("100000");
        Order intent = market(OrderSide.BUY, "10");
        a.submit(intent);                   // 5 of the displayed 20 at 100.11
        clock.set(START.plusSeconds(1));
        feed.restamp();

        Order seenByB = b.orderByClientId(intent.clientOrderId()).orElseThrow();   // B takes the step
        Order seenByA = a.orderByClientId(intent.clientOrderId()).orElseThrow();   // A re-reads, no second step

        assertThat(seenByB.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(seenByA).isEqualTo(seenByB);
        assertThat(a.fillsSince(Instant.EPOCH)).hasSize(2).isEqualTo(b.fillsSince(Instant.EPOCH));
        b.cancel(intent.clientOrderId());   // terminal: no-op
        Order other = limit(OrderSide.BUY, "1", "90.00");
        a.submit(other);
        b.cancel(other.clientOrderId());
        assertThat(a.orderByClientId(other.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        a.close();
        b.close();
    }

    @Test
    void the_file_is_written_atomically_as_versioned_json_and_created_on_open() throws IOException {
        try (PaperBroker broker = open("2500.00")) {
            assertThat(file).exists();
            String created = Files.readString(file);
            assertThat(created).contains("\"format\" : \"horizon-paper-broker\"").contains("\"cash\" : \"2500.00\"");

            broker.submit(market(OrderSide.BUY, "1"));

            String json = Files.readString(file);
            assertThat(json).contains("\"version\" : 1").contains("\"fillId\" : \"paper-fill-1\"")
                    .contains("\"price\" : \"100.11\"");
            assertThat(file.resolveSibling("paper-account.json.tmp")).doesNotExist();
            assertThat(file.resolveSibling("paper-account.json.lock")).exists();
        }
    }

    @Test
    void a_stale_temp_file_from_a_killed_write_is_ignored_and_replaced() throws IOException {
        open("1000").close();
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling("paper-account.json.tmp"), "{half a writ");

        try (PaperBroker broker = open("1000")) {
            broker.submit(market(OrderSide.BUY, "1"));
            assertThat(broker.account().cash()).isEqualByComparingTo("899.39"); // 1000 − 100.11 − 0.50
        }
        assertThat(file.resolveSibling("paper-account.json.tmp")).doesNotExist();
    }

    @Test
    void corrupt_file_is_one_line_error_naming_the_file() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": \"horizon-paper-broker\", \"cash\": ");

        assertThatThrownBy(() -> open("1000"))
                .isInstanceOf(PaperBrokerFileException.class)
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageStartingWith("paper broker file " + file.toAbsolutePath() + " is corrupt (not valid JSON")
                .hasMessageEndingWith("restore it from a backup or move it aside to open a new account")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void corrupt_field_is_named_with_its_json_path() throws IOException {
        open("1000").close();
        String valid = Files.readString(file);

        Files.writeString(file, valid.replace("\"cash\" : \"1000\"", "\"cash\" : \"lots\""));
        assertThatThrownBy(() -> open("1000")).isInstanceOf(PaperBrokerFileException.class)
                .hasMessageContaining("is corrupt ($.cash is not a decimal: 'lots')");

        Files.writeString(file, valid.replace("\"format\" : \"horizon-paper-broker\"", "\"format\" : \"other\""));
        assertThatThrownBy(() -> open("1000")).isInstanceOf(PaperBrokerFileException.class)
                .hasMessageContaining("$.format is not \"horizon-paper-broker\"");
    }

    @Test
    void corrupt_order_status_is_named_with_its_json_path() throws IOException {
        try (PaperBroker broker = open("1000")) {
            broker.submit(market(OrderSide.BUY, "1"));
        }
        String valid = Files.readString(file);
        Files.writeString(file, valid.replace("\"status\" : \"FILLED\"", "\"status\" : \"DONE\""));

        assertThatThrownBy(() -> open("1000")).isInstanceOf(PaperBrokerFileException.class)
                .hasMessageContaining("$.orders[0].status is not a OrderStatus: 'DONE'");
    }

    @Test
    void file_corrupted_under_a_running_broker_makes_it_unavailable_not_wrong() throws IOException {
        try (PaperBroker broker = open("1000")) {
            broker.submit(market(OrderSide.BUY, "1"));
            Files.writeString(file, "garbage, and longer than nothing");

            assertThatThrownBy(broker::positions).isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("corrupt");
            assertThatThrownBy(() -> broker.submit(market(OrderSide.BUY, "1")))
                    .isInstanceOf(BrokerUnavailableException.class);
        }
    }

    @Test
    void a_change_that_keeps_the_file_stamp_is_still_seen_through_the_lock_file_revision() throws IOException {
        PaperAccountFile reader = new PaperAccountFile(file);
        PaperAccountFile writer = new PaperAccountFile(file);
        writer.locked(() -> {
            writer.write(PaperAccount.opening(new BigDecimal("1000")));
            return null;
        });
        reader.locked(() -> {
            assertThat(reader.readIfChanged()).isPresent();
            assertThat(reader.readIfChanged()).as("unchanged: not re-read").isEmpty();
            return null;
        });
        // another writer whose new file happens to look the same (same inode reused, size, mtime):
        // simulated by an in-place edit with the time restored, plus the revision bump every write makes
        var modified = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace("\"cash\" : \"1000\"", "\"cash\" : \"2000\""));
        Files.setLastModifiedTime(file, modified);
        try (var channel = java.nio.channels.FileChannel.open(file.resolveSibling("paper-account.json.lock"),
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(2).flip(), 0);
        }

        try {
            assertThat(reader.locked(reader::readIfChanged)).hasValueSatisfying(
                    a -> assertThat(a.cash()).isEqualByComparingTo("2000"));
        } finally {
            reader.close();
            writer.close();
        }
    }

    @Test
    void two_processes_trading_on_one_file_lose_nothing_and_never_duplicate() throws Exception {
        int count = 20;
        Path shared = dir.resolve("shared.json");
        List<Process> processes = new ArrayList<>();
        for (String engineId : List.of("alpha", "beta")) {
            processes.add(new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    PaperBrokerClientProcess.class.getName(), shared.toString(), engineId, Integer.toString(count))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(engineId + ".log").toFile())
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("client process finished").isTrue();
            assertThat(p.exitValue()).as("client exit code; log: %s", Files.readString(dir.resolve(
                    (processes.indexOf(p) == 0 ? "alpha" : "beta") + ".log"))).isZero();
        }

        SimulatedClock c = new SimulatedClock(PaperBrokerClientProcess.START, MarketCalendar.alwaysOpen());
        FakeMarketData f = new FakeMarketData(c);
        f.quote("AAPL", 99.95, 100.05);
        try (PaperBroker broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000")).withStore(shared), f, c)) {
            List<Fill> fills = broker.fillsSince(Instant.EPOCH);
            int orders = 3 * count;   // each shared id once, plus each process's own
            assertThat(fills).hasSize(orders);
            assertThat(fills.stream().map(Fill::fillId).collect(Collectors.toSet())).hasSize(orders);
            assertThat(fills.stream().map(Fill::clientOrderId).collect(Collectors.toSet())).hasSize(orders);
            for (int k = 0; k < count; k++) {
                assertThat(broker.orderByClientId(ClientOrderId.of("shared", k, AAPL, OrderSide.BUY))).isPresent();
                assertThat(broker.orderByClientId(ClientOrderId.of("alpha", k, AAPL, OrderSide.BUY))).isPresent();
                assertThat(broker.orderByClientId(ClientOrderId.of("beta", k, AAPL, OrderSide.BUY))).isPresent();
            }
            assertThat(broker.positions().get(0).quantity()).isEqualByComparingTo(Integer.toString(orders));
            assertThat(broker.account().cash()).isEqualByComparingTo(
                    new BigDecimal("100000").subtract(new BigDecimal("100.05").multiply(BigDecimal.valueOf(orders))));
        }
    }

    private Order market(OrderSide side, String quantity) {
        return Order.intent(ClientOrderId.of("store", nextCycle++, AAPL, side), AAPL, side, OrderType.MARKET,
                new BigDecimal(quantity), null, TimeInForce.GTC, START);
    }

    private Order limit(OrderSide side, String quantity, String limit) {
        return Order.intent(ClientOrderId.of("store", nextCycle++, AAPL, side), AAPL, side, OrderType.LIMIT,
                new BigDecimal(quantity), new BigDecimal(limit), TimeInForce.GTC, START);
    }
}
