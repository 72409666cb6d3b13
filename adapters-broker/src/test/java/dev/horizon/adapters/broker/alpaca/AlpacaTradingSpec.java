package dev.horizon.adapters.broker.alpaca;

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
 * Alpaca's published trading OpenAPI spec ({@code alpaca/trading-openapi.yaml}, copied verbatim
 * from Alpaca) plus the documented paths it leaves out ({@code alpaca/trading-openapi.additions.yaml}),
 * as a validator of recorded traffic: request path, method, parameters and body, and the response
 * status and body.
 *
 * <p>Accepted differences between the spec and Alpaca's real API, each checked another way:
 * <ul>
 *   <li>The spec documents no error bodies: for statuses ≥ 400 an undocumented status or a body
 *       where the spec has none is accepted, and the body is checked to be Alpaca's
 *       {@code {"code": int, "message": string}} instead.</li>
 *   <li>{@code GET /v2/calendar} takes dates ({@code 2024-01-02}) as Alpaca's docs and SDKs send
 *       them; the spec types them date-time. That one format rule is waived for that path.</li>
 *   <li>Answers a test broke on purpose ({@link FakeAlpacaServer.Fault#malformed}) are not Alpaca's
 *       and are not validated; their requests are.</li>
 *   <li>The validator does not enforce the spec's global security requirement, so every request
 *       is checked here to carry both key headers.</li>
 * </ul>
 */
public final class AlpacaTradingSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Built once per test JVM: parsing the spec takes about a second. Immutable after. */
    private static final class Holder {
        static final AlpacaTradingSpec INSTANCE = new AlpacaTradingSpec(
                load("/alpaca/trading-openapi.yaml", "/alpaca/trading-openapi.additions.yaml"));
    }

    private final OpenApiInteractionValidator validator;

    private AlpacaTradingSpec(String spec) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
    }

    /** The shared validator of the trading spec. */
    public static AlpacaTradingSpec get() {
        return Holder.INSTANCE;
    }

    /** The published spec merged with the additions, as JSON text. */
    static String load(String specResource, String additionsResource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream spec = AlpacaTradingSpec.class.getResourceAsStream(specResource);
             InputStream additions = AlpacaTradingSpec.class.getResourceAsStream(additionsResource)) {
            ObjectNode root = (ObjectNode) yaml.readTree(spec);
            ObjectNode extra = (ObjectNode) yaml.readTree(additions);
            ((ObjectNode) root.get("paths")).setAll((ObjectNode) extra.get("paths"));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec parsed as a tree (for tests that read its enums). */
    public static JsonNode tree() {
        try {
            return JSON.readTree(load("/alpaca/trading-openapi.yaml", "/alpaca/trading-openapi.additions.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything wrong with one exchange, empty when it conforms. */
    public List<String> problems(FakeAlpacaServer.Exchange exchange) {
        List<String> problems = new ArrayList<>();
        RecordedRequest recorded = exchange.request();
        String what = exchange.describe();
        if (recorded.getHeader("APCA-API-KEY-ID") == null || recorded.getHeader("APCA-API-SECRET-KEY") == null) {
            problems.add(what + ": missing APCA-API-KEY-ID / APCA-API-SECRET-KEY headers");
        }
        Request request = request(exchange);
        ValidationReport report = exchange.status() == null || exchange.malformed()
                ? validator.validateRequest(request)
                : validator.validate(request, SimpleResponse.Builder.status(exchange.status())
                        .withContentType("application/json").withBody(exchange.responseBody()).build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR && !waived(message, exchange)) {
                problems.add(what + " -> " + exchange.status() + ": " + message.getKey() + ": " + message.getMessage());
            }
        }
        if (exchange.status() != null && exchange.status() >= 400 && !exchange.malformed()) {
            problems.addAll(errorBodyProblems(exchange));
        }
        return problems;
    }

    /** Everything wrong with a list of exchanges. */
    public List<String> problems(List<FakeAlpacaServer.Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(e -> problems.addAll(problems(e)));
        return problems;
    }

    private static boolean waived(ValidationReport.Message message, FakeAlpacaServer.Exchange exchange) {
        String key = message.getKey();
        boolean error = exchange.status() != null && exchange.status() >= 400;
        if (error && (key.equals("validation.response.status.unknown") || key.equals("validation.response.body.unexpected"))) {
            return true;
        }
        return key.equals("validation.request.parameter.schema.format.date-time")
                && exchange.request().getRequestUrl().encodedPath().equals("/v2/calendar");
    }

    private static List<String> errorBodyProblems(FakeAlpacaServer.Exchange exchange) {
        try {
            JsonNode body = JSON.readTree(exchange.responseBody());
            if (body != null && body.path("code").isInt() && body.path("message").isTextual()) {
                return List.of();
            }
        } catch (IOException e) {
            // reported below
        }
        return List.of(exchange.describe() + " -> " + exchange.status() + ": error body is not {code, message}");
    }

    private static Request request(FakeAlpacaServer.Exchange exchange) {
        RecordedRequest recorded = exchange.request();
        HttpUrl url = recorded.getRequestUrl();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
        for (String name : url.queryParameterNames()) {
            builder.withQueryParam(name, url.queryParameterValues(name));
        }
        recorded.getHeaders().forEach(header -> builder.withHeader(header.getFirst(), header.getSecond()));
        if (!exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }
}
