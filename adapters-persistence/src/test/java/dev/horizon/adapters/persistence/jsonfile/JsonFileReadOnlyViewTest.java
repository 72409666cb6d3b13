package dev.horizon.adapters.persistence.jsonfile;

import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshotAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.persistence.LogCapture;
import dev.horizon.adapters.persistence.ReadOnlyViewCases;
import dev.horizon.application.port.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class JsonFileReadOnlyViewTest extends ReadOnlyViewCases {

    @Override
    protected StateStore openEngine(Path location) {
        return JsonFileStateStore.open(location);
    }

    @Override
    protected StateStore openReadOnly(Path location) {
        return JsonFileStateStore.openReadOnly(location);
    }

    @Override
    protected String kind() {
        return "jsonfile";
    }

    @Override
    protected Path locationIn(Path directory) {
        return directory.resolve("state");
    }

    @Test
    void journal_line_still_being_appended_is_left_out_quietly_and_the_file_left_untouched() throws Exception {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(5, "1000.00"), entriesOfEveryKind(5));
        }
        Path journal = location().resolve(JournalFile.NAME);
        Files.writeString(journal, "{\"checksum\":\"ab", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journal);

        try (LogCapture log = LogCapture.of(JournalFile.class);
             StateStore view = openReadOnly(location())) {
            assertThat(view.journal(5, 5)).containsExactlyElementsOf(entriesOfEveryKind(5));
            assertThat(log.warnings()).isEmpty();
        }
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
    }

    @Test
    void read_only_view_falls_back_to_the_newest_valid_backup_like_the_engine() throws Exception {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(1, "1000.00"), java.util.List.of());
            engine.save(fullSnapshotAt(2, "1001.00"), java.util.List.of());
        }
        Files.writeString(location().resolve(SnapshotFiles.NAME), "{ torn");

        try (StateStore view = openReadOnly(location())) {
            assertThat(view.load()).contains(fullSnapshotAt(1, "1000.00"));
        }
    }
}
