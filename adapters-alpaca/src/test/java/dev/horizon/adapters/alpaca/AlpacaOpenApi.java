package dev.horizon.adapters.alpaca;

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
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * One of Alpaca's published OpenAPI specs (a classpath resource, copied verbatim from Alpaca) plus
 * the documented paths it leaves out (a second resource whose {@code paths} are merged in), as a
 * validator of recorded traffic: request path, method, parameters and body, and the response
 * status and body.
 *
 * <p>Accepted differences between the specs and Alpaca's real API, each checked another way:
 * <ul>
 *   <li>The specs document no error bodies: for statuses ≥ 400 an undocumented status or a body
 *       where the spec has none is accepted, and the body is checked to be Alpaca's
 *       {@code {"code": int, "message": string}} instead.</li>
 *   <li>Answers a test broke on purpose ({@link AlpacaExchange#malformed()}) are not Alpaca's and
 *       are not validated; their requests are.</li>
 *   <li>The validator does not enforce the spec's global security requirement, so every request
 *       is checked here to carry both key headers.</li>
 *   <li>Anything else one API needs is its own waiver, given to {@link #of}.</li>
 * </ul>
 *
 * <p>Parsing a spec takes about a second: the adapters' spec classes build one instance per test
 * JVM. Immutable.
 */
public final class AlpacaOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiInteractionValidator validator;
    private final BiPredicate<String, AlpacaExchange> waived;

    private AlpacaOpenApi(String spec, BiPredicate<String, AlpacaExchange> waived) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        this.waived = waived;
    }

    /**
     * The validator of {@code specResource} merged with {@code additionsResource}.
     *
     * @param waived the API's own accepted differences: given a validation message key and the
     *               exchange, true when that message is not a problem
     */
    public static AlpacaOpenApi of(String specResource, String additionsResource,
                                   BiPredicate<String, AlpacaExchange> waived) {
        return new AlpacaOpenApi(merged(specResource, additionsResource), Objects.requireNonNull(waived, "waived"));
    }

    /** The published spec merged with the additions, as JSON text. */
    public static String merged(String specResource, String additionsResource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream spec = resource(specResource); InputStream additions = resource(additionsResource)) {
            ObjectNode root = (ObjectNode) yaml.readTree(spec);
            ObjectNode extra = (ObjectNode) yaml.readTree(additions);
            ((ObjectNode) root.get("paths")).setAll((ObjectNode) extra.get("paths"));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything wrong with one exchange, empty when it conforms. */
    public List<String> problems(AlpacaExchange exchange) {
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
            if (message.getLevel() == ValidationReport.Level.ERROR && !waived(message.getKey(), exchange)) {
                problems.add(what + " -> " + exchange.status() + ": " + message.getKey() + ": " + message.getMessage());
            }
        }
        if (exchange.alpacaError() && !isAlpacaError(exchange.responseBody())) {
            problems.add(what + " -> " + exchange.status() + ": error body is not {code, message}");
        }
        return problems;
    }

    /** Everything wrong with a list of exchanges. */
    public List<String> problems(List<AlpacaExchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(e -> problems.addAll(problems(e)));
        return problems;
    }

    /** Everything wrong with {@code body} (a fixture file, say) as the 200 answer to {@code GET path?query}. */
    public List<String> answerProblems(String path, Map<String, String> query, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder("GET", path)
                .withHeader("APCA-API-KEY-ID", "k").withHeader("APCA-API-SECRET-KEY", "s");
        query.forEach(request::withQueryParam);
        List<String> problems = new ArrayList<>();
        validator.validate(request.build(), SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody(body).build())
                .getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(path + ": " + m.getKey() + ": " + m.getMessage()));
        return problems;
    }

    private boolean waived(String key, AlpacaExchange exchange) {
        boolean error = exchange.status() != null && exchange.status() >= 400;
        if (error && (key.equals("validation.response.status.unknown") || key.equals("validation.response.body.unexpected"))) {
            return true;
        }
        return waived.test(key, exchange);
    }

    private static boolean isAlpacaError(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path("code").isInt() && node.path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static Request request(AlpacaExchange exchange) {
        RecordedRequest recorded = exchange.request();
        HttpUrl url = recorded.getRequestUrl();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
        for (String name : url.queryParameterNames()) {
            builder.withQueryParam(name, url.queryParameterValues(name));
        }
        recorded.getHeaders().forEach(header -> builder.withHeader(header.getFirst(), header.getSecond()));
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static InputStream resource(String name) {
        InputStream in = AlpacaOpenApi.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("spec resource " + name + " not on the test classpath");
        }
        return in;
    }
}
