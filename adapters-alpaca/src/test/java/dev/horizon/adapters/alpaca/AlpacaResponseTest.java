package dev.horizon.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** An answer's message: Alpaca's own, else the body's start; one line, short, credentials removed. */
class AlpacaResponseTest {

    private static final UnaryOperator<String> REDACT = text -> text.replace("SECRET", "****");

    private static AlpacaResponse answer(int code, String body) {
        return new AlpacaResponse("POST /v2/orders", code, body, REDACT);
    }

    @Test
    void alpacas_error_message_is_taken_from_its_json_body() {
        AlpacaResponse refused = answer(403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}");

        assertThat(refused.isSuccess()).isFalse();
        assertThat(refused.describe()).isEqualTo("HTTP 403: insufficient buying power");
    }

    @Test
    void a_body_that_is_not_json_becomes_one_short_line_without_credentials() {
        String page = "<html>\n  <body>proxy refused SECRET</body>\n</html>" + "x".repeat(300);

        String message = answer(502, page).message();

        assertThat(message).startsWith("<html> <body>proxy refused ****</body> </html>xxx").endsWith("...")
                .hasSize(203).doesNotContain("SECRET").doesNotContain("\n");
    }

    @Test
    void an_empty_body_says_so() {
        assertThat(answer(404, "").message()).isEqualTo("no message");
        assertThat(answer(204, "").isSuccess()).isTrue();
    }
}
