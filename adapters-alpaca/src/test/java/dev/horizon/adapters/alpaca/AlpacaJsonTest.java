package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Reading Alpaca's JSON: exact decimals, doubles, timestamps; failures name the request and field, never the body. */
class AlpacaJsonTest {

    private static final String WHAT = "GET /v2/account";

    private static AlpacaResponse answer(String body) {
        return new AlpacaResponse(WHAT, 200, body, UnaryOperator.identity());
    }

    @Test
    void decimals_are_exact_whether_sent_as_strings_or_numbers() {
        JsonNode account = AlpacaJson.object(answer("{\"cash\":\"100000.10\",\"equity\":0.1,\"fee\":null}"));

        assertThat(AlpacaJson.decimal(account, "cash", WHAT)).isEqualTo(new BigDecimal("100000.10"));
        assertThat(AlpacaJson.decimal(account, "equity", WHAT)).isEqualTo(new BigDecimal("0.1"));
        assertThat(AlpacaJson.optionalDecimal(account, "fee", WHAT)).isNull();
        assertThatThrownBy(() -> AlpacaJson.decimal(account, "buying_power", WHAT))
                .isInstanceOf(TransientFailure.class)
                .hasMessage("unusable answer to GET /v2/account: field 'buying_power' missing");
    }

    @Test
    void market_data_numbers_read_as_the_nearest_double_and_nan_when_unusable() {
        JsonNode quote = AlpacaJson.object(answer("{\"bp\":187.15,\"bs\":3,\"ap\":\"x\",\"as\":null}"));

        assertThat(AlpacaJson.number(quote, "bp")).isEqualTo(187.15);
        assertThat(AlpacaJson.number(quote, "bs")).isEqualTo(3.0);
        assertThat(AlpacaJson.number(quote, "ap")).isNaN();
        assertThat(AlpacaJson.number(quote, "as")).isNaN();
        assertThat(AlpacaJson.number(quote, "absent")).isNaN();
    }

    @Test
    void timestamps_keep_nanoseconds_and_any_offset() {
        JsonNode node = AlpacaJson.object(answer(
                "{\"t\":\"2024-01-02T09:30:00.123456789-05:00\",\"u\":null,\"bad\":\"yesterday\"}"));

        assertThat(AlpacaJson.instant(node, "t", WHAT)).isEqualTo(Instant.parse("2024-01-02T14:30:00.123456789Z"));
        assertThat(AlpacaJson.optionalInstant(node, "u", WHAT)).isNull();
        assertThatThrownBy(() -> AlpacaJson.instant(node, "bad", WHAT))
                .hasMessage("unusable answer to GET /v2/account: field 'bad' is not an RFC 3339 timestamp");
    }

    @Test
    void calendar_dates_and_times_are_read_in_both_of_alpacas_spellings() {
        JsonNode day = AlpacaJson.object(answer("{\"date\":\"2024-12-24\",\"open\":\"09:30\",\"close\":\"1300\"}"));

        assertThat(AlpacaJson.date(day, "date", WHAT)).isEqualTo(LocalDate.of(2024, 12, 24));
        assertThat(AlpacaJson.time(day, "open", WHAT)).isEqualTo(LocalTime.of(9, 30));
        assertThat(AlpacaJson.time(day, "close", WHAT)).isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    void a_malformed_body_is_reported_by_position_without_quoting_it() {
        assertThatThrownBy(() -> AlpacaJson.object(answer("{\"secret\": \"abc")))
                .isInstanceOf(TransientFailure.class)
                .hasMessageStartingWith("unusable answer to GET /v2/account: malformed JSON at line 1, column")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> AlpacaJson.array(answer("{}")))
                .hasMessage("unusable answer to GET /v2/account: expected a JSON array");
        assertThatThrownBy(() -> AlpacaJson.object(answer("")))
                .hasMessage("unusable answer to GET /v2/account: empty body");
    }
}
