package dev.horizon.application.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.application.time.SystemClock;
import dev.horizon.domain.market.MarketCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineDaemonTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static CycleResult result(Instant bar) {
        return new CycleResult(1, bar, List.of(), List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE, true, null);
    }

    @Test
    void cycles_run_at_each_bar_close_plus_the_settle_delay() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:30Z"), MarketCalendar.alwaysOpen());
        List<Instant> bars = new ArrayList<>();
        List<Instant> ranAt = new ArrayList<>();
        AtomicReference<EngineDaemon> daemon = new AtomicReference<>();
        daemon.set(new EngineDaemon(clock, bar -> {
            bars.add(bar);
            ranAt.add(clock.now());
            if (bars.size() == 3) {
                daemon.get().requestStop();
            }
            return Optional.of(result(bar));
        }, () -> { }, MINUTE, Duration.ofSeconds(2), false, r -> { }));

        assertThat(daemon.get().run()).isEqualTo(3);
        assertThat(bars).containsExactly(Instant.parse("2024-01-02T10:01:00Z"), Instant.parse("2024-01-02T10:02:00Z"),
                Instant.parse("2024-01-02T10:03:00Z"));
        assertThat(ranAt).containsExactly(Instant.parse("2024-01-02T10:01:02Z"), Instant.parse("2024-01-02T10:02:02Z"),
                Instant.parse("2024-01-02T10:03:02Z"));
    }

    @Test
    void bars_outside_the_market_session_are_skipped() {
        // Friday 20:58 New York: two bars left in the session, then the weekend, then Monday's open
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-05T20:58:00Z"), MarketCalendar.usEquities(Set.of()));
        List<Instant> bars = new ArrayList<>();
        AtomicReference<EngineDaemon> daemon = new AtomicReference<>();
        daemon.set(new EngineDaemon(clock, bar -> {
            bars.add(bar);
            if (bars.size() == 3) {
                daemon.get().requestStop();
            }
            return Optional.of(result(bar));
        }, () -> { }, MINUTE, Duration.ZERO, false, r -> { }));

        daemon.get().run();
        assertThat(bars).containsExactly(Instant.parse("2024-01-05T20:59:00Z"), Instant.parse("2024-01-05T21:00:00Z"),
                Instant.parse("2024-01-08T14:31:00Z"));
    }

    @Test
    void an_overrunning_cycle_skips_to_the_next_bar_instead_of_queueing() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:30Z"), MarketCalendar.alwaysOpen());
        List<Instant> bars = new ArrayList<>();
        AtomicReference<EngineDaemon> daemon = new AtomicReference<>();
        daemon.set(new EngineDaemon(clock, bar -> {
            bars.add(bar);
            if (bars.size() == 1) {
                clock.set(clock.now().plusSeconds(150)); // the first cycle takes two and a half bars
            }
            if (bars.size() == 2) {
                daemon.get().requestStop();
            }
            return Optional.of(result(bar));
        }, () -> { }, MINUTE, Duration.ZERO, false, r -> { }));

        daemon.get().run();
        assertThat(bars).containsExactly(Instant.parse("2024-01-02T10:01:00Z"), Instant.parse("2024-01-02T10:04:00Z"));
    }

    @Test
    void a_stop_request_while_waiting_returns_at_once() throws Exception {
        EngineDaemon daemon = new EngineDaemon(new SystemClock(MarketCalendar.alwaysOpen()),
                bar -> Optional.of(result(bar)), () -> { }, Duration.ofHours(1), Duration.ZERO, true, r -> { });
        CountDownLatch done = new CountDownLatch(1);
        Thread loop = new Thread(() -> {
            daemon.run();
            done.countDown();
        });
        loop.start();
        Thread.sleep(100);
        daemon.requestStop();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_stop_request_during_a_cycle_lets_it_finish_uninterrupted() throws Exception {
        CountDownLatch inCycle = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:30Z"), MarketCalendar.alwaysOpen());
        EngineDaemon daemon = new EngineDaemon(clock, bar -> {
            inCycle.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            finished.set(true);
            return Optional.of(result(bar));
        }, () -> { }, MINUTE, Duration.ZERO, false, r -> { });
        Thread loop = new Thread(daemon::run);
        loop.start();
        assertThat(inCycle.await(5, TimeUnit.SECONDS)).isTrue();
        daemon.requestStop();
        loop.join(5000);
        assertThat(loop.isAlive()).isFalse();
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void a_stop_saves_the_checkpoint_once_after_the_last_cycle() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:30Z"), MarketCalendar.alwaysOpen());
        List<String> events = new ArrayList<>();
        AtomicReference<EngineDaemon> daemon = new AtomicReference<>();
        daemon.set(new EngineDaemon(clock, bar -> {
            events.add("cycle " + bar);
            if (events.size() == 2) {
                daemon.get().requestStop();
            }
            return Optional.of(result(bar));
        }, () -> events.add("checkpoint"), MINUTE, Duration.ZERO, false, r -> { }));

        daemon.get().run();

        assertThat(events).containsExactly("cycle 2024-01-02T10:01:00Z", "cycle 2024-01-02T10:02:00Z", "checkpoint");
    }

    @Test
    void a_failing_cycle_ends_the_loop_without_a_checkpoint() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T10:00:30Z"), MarketCalendar.alwaysOpen());
        AtomicBoolean checkpointed = new AtomicBoolean();
        EngineDaemon daemon = new EngineDaemon(clock, bar -> {
            throw new IllegalStateException("broker gone");
        }, () -> checkpointed.set(true), MINUTE, Duration.ZERO, false, r -> { });

        org.assertj.core.api.Assertions.assertThatThrownBy(daemon::run).hasMessage("broker gone");
        assertThat(checkpointed).isFalse();
    }
}
