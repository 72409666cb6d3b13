package dev.horizon.adapters.data.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading Alpaca's market data JSON: prices and sizes are JSON numbers, timestamps RFC 3339 with
 * up to nanosecond precision. Anything unreadable is a {@link TransientFailure} naming the
 * request — never quoting the body.
 */
final class AlpacaJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlpacaJson() {
    }

    /** The body as a JSON object. */
    static JsonNode object(AlpacaResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw malformed(response.what(), "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the body: keep only where it broke
            throw malformed(response.what(), "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** A number field as a double; {@code NaN} when absent, null or not a number. */
    static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    /** An RFC 3339 timestamp, nanoseconds kept. */
    static Instant instant(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(what, "field '" + field + "' missing");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not an RFC 3339 timestamp");
        }
    }

    static TransientFailure malformed(String what, String detail) {
        return new TransientFailure("unusable answer to " + what + ": " + detail);
    }
}
