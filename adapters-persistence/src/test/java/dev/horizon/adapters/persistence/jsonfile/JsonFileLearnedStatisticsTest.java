package dev.horizon.adapters.persistence.jsonfile;

import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshot;
import static dev.horizon.application.contract.EngineStateFixtures.fullStateAt;
import static dev.horizon.application.contract.EngineStateFixtures.learnedState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned statistics in {@code learned-<seq>.bin} files: written only when the engine hands
 * new objects, named by the state files, kept while a state file names them, and format-1
 * directories still load.
 */
class JsonFileLearnedStatisticsTest {

    @TempDir
    Path dir;

    private JsonFileStateStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static EngineSnapshot at(long cycle, LearnedState learned) {
        return new EngineSnapshot(fullStateAt(cycle, cycle + ".00"), learned);
    }

    private static LearnedState other(LearnedState learned) {
        return new LearnedState(learned.prediction(), Map.of(), learned.sizing(), learned.throttle());
    }

    private List<String> learnedFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("learned-")).sorted().toList();
        }
    }

    private JsonNode stateFile(String name) throws Exception {
        return DomainJson.mapper().readTree(dir.resolve(name).toFile());
    }

    @Test
    void unchanged_statistics_objects_are_not_rewritten_and_every_state_file_names_their_file() throws Exception {
        store = JsonFileStateStore.open(dir);
        LearnedState learned = learnedState();
        store.save(at(1, learned), List.of());
        byte[] written = Files.readAllBytes(dir.resolve("learned-1.bin"));
        LearnedState laterOrders = new LearnedState(learned.prediction(), learned.blending(), learned.sizing(),
                OrderThrottleSnapshot.empty());

        store.save(at(2, laterOrders), entriesOfEveryKind(2));

        assertThat(learnedFiles()).containsExactly("learned-1.bin");
        assertThat(Files.readAllBytes(dir.resolve("learned-1.bin"))).isEqualTo(written);
        JsonNode file = stateFile("engine_state.json");
        assertThat(file.get("learned_seq").longValue()).isEqualTo(1);
        assertThat(file.get("horizon_format").intValue()).isEqualTo(2);
        assertThat(file.get("horizon_state").get("learned").get("prediction").get("models").size()).isZero();
        assertThat(store.load()).contains(at(2, laterOrders));
    }

    @Test
    void new_statistics_get_a_new_file_and_a_file_no_state_file_names_is_removed() throws Exception {
        store = JsonFileStateStore.open(dir);
        LearnedState second = other(learnedState());
        store.save(at(1, learnedState()), List.of());
        store.save(at(2, second), List.of());
        assertThat(learnedFiles()).containsExactly("learned-1.bin", "learned-2.bin"); // backup .1 names 1

        for (int cycle = 3; cycle <= 5; cycle++) {
            store.save(at(cycle, second), List.of());
        }
        LearnedState third = learnedState();
        store.save(at(6, third), List.of());

        // engine_state.json names 3; its backups .1 to .3 name 2; nothing names 1 any more.
        assertThat(learnedFiles()).containsExactly("learned-2.bin", "learned-3.bin");
        assertThat(store.load()).contains(at(6, third));
    }

    @Test
    void a_state_file_whose_statistics_are_missing_falls_back_to_the_previous_state() throws Exception {
        store = JsonFileStateStore.open(dir);
        store.save(at(1, learnedState()), List.of());
        LearnedState second = other(learnedState());
        store.save(at(2, second), List.of());
        store.close();
        Files.delete(dir.resolve("learned-2.bin"));

        store = JsonFileStateStore.open(dir);

        assertThat(store.load()).contains(at(1, learnedState()));
    }

    @Test
    void damaged_statistics_count_as_a_damaged_state_file() throws Exception {
        store = JsonFileStateStore.open(dir);
        store.save(at(1, learnedState()), List.of());
        store.save(at(2, other(learnedState())), List.of());
        store.close();
        Path file = dir.resolve("learned-2.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 1;
        Files.write(file, bytes);

        store = JsonFileStateStore.open(dir);

        assertThat(store.load()).contains(at(1, learnedState()));
    }

    @Test
    void statistics_written_by_a_save_that_died_before_its_state_file_are_ignored_then_removed() throws Exception {
        store = JsonFileStateStore.open(dir);
        store.save(at(1, learnedState()), List.of());
        store.close();
        Files.write(dir.resolve("learned-2.bin"), "horizon-learned json+binary-arrays/1 cut sh".getBytes(StandardCharsets.US_ASCII));

        store = JsonFileStateStore.open(dir);
        assertThat(store.load()).contains(at(1, learnedState()));
        store.save(at(2, other(learnedState())), List.of());

        assertThat(learnedFiles()).containsExactly("learned-1.bin", "learned-3.bin");
        assertThat(stateFile("engine_state.json").get("learned_seq").longValue()).isEqualTo(3);
    }

    @Test
    void a_format_1_state_file_with_its_statistics_inside_loads_and_the_next_save_splits_them() throws Exception {
        Files.createDirectories(dir);
        StateFile written = StateFile.of(fullSnapshot(), new StateFile.PendingSave(0, List.of()), 0);
        StateFile format1 = new StateFile(written.portfolioValue(), written.cash(), written.positions(),
                written.lastUpdate(), written.cycleCount(), written.dailyPnl(), 1, fullSnapshot(),
                written.pendingJournal(), null);
        String content = new String(new StateFileCodec(DomainJson.mapper()).encode(format1), StandardCharsets.UTF_8);
        String document = content.substring(0, content.lastIndexOf(",\n  \"checksum\"")) + "\n}";
        assertThat(document).contains(",\n  \"learned_seq\": null");
        Files.writeString(dir.resolve("engine_state.json"), withChecksum(document.replace(",\n  \"learned_seq\": null", "")));

        store = JsonFileStateStore.open(dir);
        assertThat(store.load()).contains(fullSnapshot());

        EngineSnapshot next = at(43, fullSnapshot().learned());
        store.save(next, List.of());
        assertThat(learnedFiles()).containsExactly("learned-1.bin");
        store.close();
        store = JsonFileStateStore.open(dir);
        assertThat(store.load()).contains(next);
    }

    private static String withChecksum(String document) {
        String body = document.substring(0, document.lastIndexOf("\n}"));
        return body + ",\n  \"checksum\": \"" + Sha256.hex(document.getBytes(StandardCharsets.UTF_8)) + "\"\n}\n";
    }
}
