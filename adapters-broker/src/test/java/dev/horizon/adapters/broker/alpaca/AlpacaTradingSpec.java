package dev.horizon.adapters.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaOpenApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Alpaca's published trading OpenAPI spec ({@code alpaca/trading-openapi.yaml}, copied verbatim
 * from Alpaca) plus the documented paths it leaves out ({@code alpaca/trading-openapi.additions.yaml}),
 * as a validator of the {@link FakeAlpacaServer}'s recorded traffic. The differences accepted for
 * every Alpaca API are {@link AlpacaOpenApi}'s; the trading API's own one:
 * <ul>
 *   <li>{@code GET /v2/calendar} takes dates ({@code 2024-01-02}) as Alpaca's docs and SDKs send
 *       them; the spec types them date-time. That one format rule is waived for that path.</li>
 * </ul>
 */
public final class AlpacaTradingSpec {

    private static final String SPEC = "/alpaca/trading-openapi.yaml";
    private static final String ADDITIONS = "/alpaca/trading-openapi.additions.yaml";

    /** Built once per test JVM: parsing the spec takes about a second. Immutable after. */
    private static final class Holder {
        static final AlpacaTradingSpec INSTANCE = new AlpacaTradingSpec();
    }

    private final AlpacaOpenApi api = AlpacaOpenApi.of(SPEC, ADDITIONS, AlpacaTradingSpec::waived);

    private AlpacaTradingSpec() {
    }

    /** The shared validator of the trading spec. */
    public static AlpacaTradingSpec get() {
        return Holder.INSTANCE;
    }

    /** The spec parsed as a tree (for tests that read its enums). */
    public static JsonNode tree() {
        try {
            return new ObjectMapper().readTree(AlpacaOpenApi.merged(SPEC, ADDITIONS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything wrong with one exchange, empty when it conforms. */
    public List<String> problems(AlpacaExchange exchange) {
        return api.problems(exchange);
    }

    /** Everything wrong with a list of exchanges. */
    public List<String> problems(List<AlpacaExchange> exchanges) {
        return api.problems(exchanges);
    }

    private static boolean waived(String key, AlpacaExchange exchange) {
        return key.equals("validation.request.parameter.schema.format.date-time")
                && exchange.request().getRequestUrl().encodedPath().equals("/v2/calendar");
    }
}
