package dev.horizon.adapters.data.alpaca;

import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaOpenApi;
import java.util.List;
import java.util.Map;

/**
 * Alpaca's published market data OpenAPI spec ({@code alpaca/market-data-openapi.yaml}, copied
 * verbatim from Alpaca) plus the v1beta3 crypto paths Alpaca now serves in place of the retired
 * v1beta1 ones the spec still lists ({@code alpaca/market-data-openapi.additions.yaml}), as a
 * validator of the {@link FakeAlpacaDataServer}'s recorded traffic and of response fixtures. The
 * accepted differences are those {@link AlpacaOpenApi} accepts for every Alpaca API; market data
 * needs no other.
 */
public final class AlpacaMarketDataSpec {

    /** Built once per test JVM: parsing the spec takes about a second. Immutable after. */
    private static final class Holder {
        static final AlpacaMarketDataSpec INSTANCE = new AlpacaMarketDataSpec();
    }

    private final AlpacaOpenApi api = AlpacaOpenApi.of("/alpaca/market-data-openapi.yaml",
            "/alpaca/market-data-openapi.additions.yaml", (key, exchange) -> false);

    private AlpacaMarketDataSpec() {
    }

    /** The shared validator of the market data spec. */
    public static AlpacaMarketDataSpec get() {
        return Holder.INSTANCE;
    }

    /** Everything wrong with one exchange, empty when it conforms. */
    public List<String> problems(AlpacaExchange exchange) {
        return api.problems(exchange);
    }

    /** Everything wrong with a list of exchanges. */
    public List<String> problems(List<AlpacaExchange> exchanges) {
        return api.problems(exchanges);
    }

    /** Everything wrong with a response fixture as the answer to {@code GET path?symbols=symbols}. */
    public List<String> fixtureProblems(String path, String symbols, String body) {
        return api.answerProblems(path, Map.of("symbols", symbols), body);
    }
}
