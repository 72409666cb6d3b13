package dev.horizon.adapters.persistence.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.persistence.LogCapture;
import dev.horizon.application.port.ControlCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileControlInboxTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("var").resolve("horizon.db");
    }

    @Test
    void posted_commands_are_drained_by_another_instance_in_posting_order() {
        FileControlInbox cli = FileControlInbox.beside(db());
        cli.post(new ControlCommand.Pause());
        cli.post(new ControlCommand.Kill("manual stop before FOMC"));
        cli.post(new ControlCommand.ResetKill());
        cli.post(new ControlCommand.Resume());

        List<ControlCommand> drained = FileControlInbox.beside(db()).drain();

        assertThat(drained).containsExactly(new ControlCommand.Pause(), new ControlCommand.Kill("manual stop before FOMC"),
                new ControlCommand.ResetKill(), new ControlCommand.Resume());
    }

    @Test
    void drain_empties_the_inbox_and_later_posts_start_afresh() {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());

        assertThat(inbox.drain()).containsExactly(new ControlCommand.Pause());
        assertThat(inbox.drain()).isEmpty();

        inbox.post(new ControlCommand.Resume());
        assertThat(inbox.drain()).containsExactly(new ControlCommand.Resume());
    }

    @Test
    void drain_of_an_inbox_never_posted_to_is_empty() {
        assertThat(FileControlInbox.beside(db()).drain()).isEmpty();
        assertThat(FileControlInbox.inDirectory(dir.resolve("state")).drain()).isEmpty();
    }

    @Test
    void each_command_is_one_json_line_with_its_type() throws IOException {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());
        inbox.post(new ControlCommand.Resume());
        inbox.post(new ControlCommand.Kill("FOMC"));
        inbox.post(new ControlCommand.ResetKill());

        assertThat(Files.readAllLines(inbox.file(), StandardCharsets.UTF_8)).containsExactly(
                "{\"type\":\"pause\"}", "{\"type\":\"resume\"}", "{\"type\":\"kill\",\"reason\":\"FOMC\"}",
                "{\"type\":\"reset_kill\"}");
    }

    @Test
    void inbox_of_a_database_sits_beside_it_named_after_it() {
        FileControlInbox inbox = FileControlInbox.beside(db());

        assertThat(inbox.file()).isEqualTo(db().toAbsolutePath().resolveSibling("horizon.db.control.jsonl"));
        inbox.post(new ControlCommand.Pause());
        assertThat(db().resolveSibling("horizon.db.control.lock")).exists();
    }

    @Test
    void inbox_of_a_json_store_directory_sits_inside_it() throws IOException {
        Path store = Files.createDirectories(dir.resolve("state"));

        assertThat(FileControlInbox.beside(store).file()).isEqualTo(store.toAbsolutePath().resolve("control.jsonl"));
        assertThat(FileControlInbox.inDirectory(store).file()).isEqualTo(store.toAbsolutePath().resolve("control.jsonl"));
    }

    @Test
    void kill_reason_with_quotes_and_line_breaks_stays_on_one_line_and_round_trips() throws IOException {
        FileControlInbox inbox = FileControlInbox.beside(db());
        String reason = "operator said \"stop\"\nsecond line\t✓";
        inbox.post(new ControlCommand.Kill(reason));
        inbox.post(new ControlCommand.Pause());

        assertThat(Files.readAllLines(inbox.file(), StandardCharsets.UTF_8)).hasSize(2);
        assertThat(inbox.drain()).containsExactly(new ControlCommand.Kill(reason), new ControlCommand.Pause());
    }

    @Test
    void post_after_a_torn_line_starts_a_line_of_its_own_and_the_fragment_is_skipped() throws IOException {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());
        Files.writeString(inbox.file(), "{\"type\":\"ki", StandardOpenOption.APPEND);

        inbox.post(new ControlCommand.Resume());

        assertThat(Files.readAllLines(inbox.file(), StandardCharsets.UTF_8))
                .containsExactly("{\"type\":\"pause\"}", "{\"type\":\"ki", "{\"type\":\"resume\"}");
        try (LogCapture log = LogCapture.of(FileControlInbox.class)) {
            assertThat(FileControlInbox.beside(db()).drain())
                    .containsExactly(new ControlCommand.Pause(), new ControlCommand.Resume());
            assertThat(log.warnings()).singleElement().satisfies(w -> assertThat(w).contains("line 2").contains("skipped"));
        }
    }

    @Test
    void drain_skips_a_torn_last_line_with_a_warning_naming_the_file() throws IOException {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());
        Files.writeString(inbox.file(), "{\"type\":\"re", StandardOpenOption.APPEND);

        try (LogCapture log = LogCapture.of(FileControlInbox.class)) {
            assertThat(inbox.drain()).containsExactly(new ControlCommand.Pause());
            assertThat(log.warnings()).singleElement().satisfies(w -> assertThat(w)
                    .contains(inbox.file().toString()).contains("line 2 is incomplete"));
        }
        assertThat(inbox.drain()).isEmpty();
    }

    @Test
    void unknown_or_invalid_commands_are_skipped_with_a_warning_and_the_others_kept() throws IOException {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());
        Files.writeString(inbox.file(), "{\"type\":\"liquidate\"}\n{\"type\":\"kill\",\"reason\":\" \"}\nnot json\n",
                StandardOpenOption.APPEND);
        inbox.post(new ControlCommand.Resume());

        try (LogCapture log = LogCapture.of(FileControlInbox.class)) {
            assertThat(inbox.drain()).containsExactly(new ControlCommand.Pause(), new ControlCommand.Resume());
            assertThat(log.warnings()).hasSize(3);
            assertThat(log.warnings().get(0)).contains("line 2").contains("unknown type 'liquidate'");
        }
    }

    @Test
    void concurrent_posts_from_threads_with_their_own_instances_lose_nothing_and_keep_each_posters_order()
            throws Exception {
        int posters = 4;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(posters + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < posters; p++) {
                String name = "t" + p;
                futures.add(pool.submit(() -> {
                    FileControlInbox own = FileControlInbox.beside(db());
                    start.await();
                    for (int i = 0; i < each; i++) {
                        own.post(new ControlCommand.Kill(name + "-" + i));
                    }
                    return null;
                }));
            }
            FileControlInbox engine = FileControlInbox.beside(db());
            List<ControlCommand> drained = new ArrayList<>();
            start.countDown();
            // The engine drains while the posters post.
            while (!futures.stream().allMatch(Future::isDone)) {
                drained.addAll(engine.drain());
            }
            for (Future<?> f : futures) {
                f.get();
            }
            drained.addAll(engine.drain());

            assertEveryPosterComplete(drained, List.of("t0", "t1", "t2", "t3"), each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_posts_from_two_processes_while_the_engine_drains_lose_nothing() throws Exception {
        int each = 100;
        Process a = poster("a", each);
        Process b = poster("b", each);
        FileControlInbox engine = FileControlInbox.beside(db());
        List<ControlCommand> drained = new ArrayList<>();
        while (a.isAlive() || b.isAlive()) {
            drained.addAll(engine.drain());
        }
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        drained.addAll(engine.drain());

        assertEveryPosterComplete(drained, List.of("a", "b"), each);
    }

    private Process poster(String name, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ControlPosterMain.class.getName(),
                db().toString(), name, Integer.toString(count))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Every poster's {@code <name>-0..count-1}, each exactly once and in its posting order. */
    private static void assertEveryPosterComplete(List<ControlCommand> drained, List<String> names, int count) {
        assertThat(drained).hasSize(names.size() * count);
        for (String name : names) {
            List<String> reasons = drained.stream()
                    .map(c -> ((ControlCommand.Kill) c).reason())
                    .filter(r -> r.startsWith(name + "-"))
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expected.add(name + "-" + i);
            }
            assertThat(reasons).as("commands of poster %s", name).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pending_commands_stay_until_acknowledged_so_a_crash_before_the_save_loses_none() {
        FileControlInbox engine = FileControlInbox.beside(db());
        FileControlInbox.beside(db()).post(new ControlCommand.Pause());
        FileControlInbox.beside(db()).post(new ControlCommand.Kill("drill"));

        assertThat(engine.pending()).containsExactly(new ControlCommand.Pause(), new ControlCommand.Kill("drill"));
        // the engine died before saving: a restarted engine sees the same commands
        assertThat(FileControlInbox.beside(db()).pending())
                .containsExactly(new ControlCommand.Pause(), new ControlCommand.Kill("drill"));

        FileControlInbox.beside(db()).post(new ControlCommand.Resume()); // posted while the cycle ran
        engine.acknowledge(2);
        assertThat(engine.pending()).containsExactly(new ControlCommand.Resume());
    }

    @Test
    void acknowledging_more_than_is_pending_is_refused() {
        FileControlInbox inbox = FileControlInbox.beside(db());
        inbox.post(new ControlCommand.Pause());
        assertThatThrownBy(() -> inbox.acknowledge(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 1 commands; cannot acknowledge 2");
        assertThat(inbox.pending()).containsExactly(new ControlCommand.Pause());
    }
}
