package dev.horizon.adapters.data.alpaca;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Alpaca's published market data OpenAPI spec ({@code alpaca/market-data-openapi.yaml}, copied
 * verbatim from Alpaca) plus the v1beta3 crypto paths Alpaca now serves in place of the retired
 * v1beta1 ones the spec still lists ({@code alpaca/market-data-openapi.additions.yaml}), as a
 * validator of recorded traffic: request path, method and parameters, response status and body.
 *
 * <p>Accepted differences, each checked another way: error answers (status ≥ 400) have no body in
 * the spec, so their body is checked to be Alpaca's {@code {"code", "message"}}; answers a test
 * broke on purpose are not Alpaca's and only their requests are validated; the validator does not
 * enforce the global security requirement, so both key headers are checked here.
 */
public final class AlpacaMarketDataSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Built once per test JVM: parsing the spec takes about a second. Immutable after. */
    private static final class Holder {
        static final AlpacaMarketDataSpec INSTANCE = new AlpacaMarketDataSpec();
    }

    private final OpenApiInteractionValidator validator;

    private AlpacaMarketDataSpec() {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(load()).build();
    }

    /** The shared validator of the market data spec. */
    public static AlpacaMarketDataSpec get() {
        return Holder.INSTANCE;
    }

    private static String load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream spec = AlpacaMarketDataSpec.class.getResourceAsStream("/alpaca/market-data-openapi.yaml");
             InputStream additions = AlpacaMarketDataSpec.class.getResourceAsStream(
                     "/alpaca/market-data-openapi.additions.yaml")) {
            ObjectNode root = (ObjectNode) yaml.readTree(spec);
            ObjectNode extra = (ObjectNode) yaml.readTree(additions);
            ((ObjectNode) root.get("paths")).setAll((ObjectNode) extra.get("paths"));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything wrong with one exchange, empty when it conforms. */
    public List<String> problems(FakeAlpacaDataServer.Exchange exchange) {
        List<String> problems = new ArrayList<>();
        RecordedRequest recorded = exchange.request();
        String what = exchange.describe();
        if (recorded.getHeader("APCA-API-KEY-ID") == null || recorded.getHeader("APCA-API-SECRET-KEY") == null) {
            problems.add(what + ": missing APCA-API-KEY-ID / APCA-API-SECRET-KEY headers");
        }
        Request request = request(recorded);
        boolean error = exchange.status() != null && exchange.status() >= 400 && !exchange.malformed();
        ValidationReport report = exchange.status() == null || exchange.malformed()
                ? validator.validateRequest(request)
                : validator.validate(request, SimpleResponse.Builder.status(exchange.status())
                        .withContentType("application/json").withBody(exchange.responseBody()).build());
        for (ValidationReport.Message message : report.getMessages()) {
            boolean waived = error && (message.getKey().equals("validation.response.status.unknown")
                    || message.getKey().equals("validation.response.body.unexpected"));
            if (message.getLevel() == ValidationReport.Level.ERROR && !waived) {
                problems.add(what + " -> " + exchange.status() + ": " + message.getKey() + ": " + message.getMessage());
            }
        }
        if (error && !isAlpacaError(exchange.responseBody())) {
            problems.add(what + " -> " + exchange.status() + ": error body is not {code, message}");
        }
        return problems;
    }

    /** Everything wrong with a list of exchanges. */
    public List<String> problems(List<FakeAlpacaDataServer.Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(e -> problems.addAll(problems(e)));
        return problems;
    }

    /** Everything wrong with a response fixture as the answer to {@code GET path?query}. */
    public List<String> fixtureProblems(String path, String symbols, String body) {
        Request request = new SimpleRequest.Builder("GET", path).withQueryParam("symbols", symbols)
                .withHeader("APCA-API-KEY-ID", "k").withHeader("APCA-API-SECRET-KEY", "s").build();
        List<String> problems = new ArrayList<>();
        validator.validate(request, SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build())
                .getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(path + ": " + m.getKey() + ": " + m.getMessage()));
        return problems;
    }

    private static boolean isAlpacaError(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("code").isInt() && node.path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static Request request(RecordedRequest recorded) {
        HttpUrl url = recorded.getRequestUrl();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
        for (String name : url.queryParameterNames()) {
            builder.withQueryParam(name, url.queryParameterValues(name));
        }
        recorded.getHeaders().forEach(header -> builder.withHeader(header.getFirst(), header.getSecond()));
        return builder.build();
    }
}
