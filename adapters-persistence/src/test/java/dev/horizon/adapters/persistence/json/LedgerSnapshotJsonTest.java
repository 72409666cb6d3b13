package dev.horizon.adapters.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.domain.prediction.LedgerSnapshot;
import org.junit.jupiter.api.Test;

class LedgerSnapshotJsonTest {

    private final ObjectMapper mapper = DomainJson.mapper();

    private static LedgerSnapshot ledger() {
        return new LedgerSnapshot(new long[] {1, 2}, new long[] {3, 4}, new int[] {0, 1}, new double[] {0.1, 0.2},
                new double[] {1, 2}, new double[] {100, 101}, new double[] {0.01, 0}, 2, 5, 1);
    }

    @Test
    void ledger_snapshot_keeps_the_persisted_shape_it_had_as_a_record() throws Exception {
        // the exact text written while LedgerSnapshot was a record: ten properties, component order, snake case
        assertThat(mapper.writeValueAsString(ledger())).isEqualTo("{\"prediction_times_millis\":[1,2],"
                + "\"due_times_millis\":[3,4],\"symbols\":[0,1],\"raw\":[0.1,0.2],\"scores\":[1.0,2.0],"
                + "\"closes\":[100.0,101.0],\"sigma_h\":[0.01,0.0],\"last_record_millis\":2,\"matured\":5,\"dropped\":1}");
    }

    @Test
    void ledger_snapshot_reads_back_equal_and_missing_arrays_read_as_empty() throws Exception {
        assertThat(mapper.readValue(mapper.writeValueAsString(ledger()), LedgerSnapshot.class)).isEqualTo(ledger());
        LedgerSnapshot old = mapper.readValue("{\"matured\":7}", LedgerSnapshot.class);
        assertThat(old.size()).isZero();
        assertThat(old.matured()).isEqualTo(7);
    }
}
