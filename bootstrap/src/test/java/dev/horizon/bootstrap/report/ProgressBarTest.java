package dev.horizon.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final Instant BAR = Instant.parse("2013-11-30T08:55:00Z");
    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_line_shows_cycles_percent_bar_time_pv_elapsed_and_the_eta_at_the_pace_so_far() {
        // 1,000 of 4,000 cycles in 30 s: 3,000 left at 30 s per 1,000 → 90 s = 1:30
        String line = ProgressBar.line(1000, 4000, BAR, new BigDecimal("100012.345"), 30 * SECOND);

        assertThat(line).isEqualTo("[######------------------]  25.0%  1,000/4,000  2013-11-30 08:55Z  PV 100,012.35"
                + "  elapsed 0:30  ETA 1:30");
    }

    @Test
    void long_runs_show_hours() {
        assertThat(ProgressBar.clock(3 * 3600 * SECOND + 62 * SECOND)).isEqualTo("3:01:02");
    }

    @Test
    void off_a_terminal_it_prints_a_plain_line_at_most_every_interval_and_always_the_last() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, 2000, now::get);

        for (int done = 1; done <= 10; done++) {
            now.addAndGet(SECOND / 2);   // a cycle every half second: a line every 4 cycles, and the 10th
            bar.update(done, 10, BAR, BigDecimal.TEN);
        }
        bar.finish();

        assertThat(text.toString()).doesNotContain("\r");
        assertThat(text.toString().lines()).hasSize(3)
                .anyMatch(l -> l.contains(" 4/10 ")).anyMatch(l -> l.contains(" 8/10 ")).anyMatch(l -> l.contains("10/10"));
    }

    @Test
    void on_a_terminal_it_redraws_one_line_and_ends_it_when_finished() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, 2000, now::get);

        for (int done = 1; done <= 3; done++) {
            now.addAndGet(SECOND);
            bar.update(done, 3, BAR, BigDecimal.TEN);
        }
        bar.finish();

        String out = text.toString();
        assertThat(out).startsWith("\r[").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(out.split("\n", -1)).as("one line, then the newline of finish()").hasSize(2);
    }
}
