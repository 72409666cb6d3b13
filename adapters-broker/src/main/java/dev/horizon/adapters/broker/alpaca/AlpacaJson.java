package dev.horizon.adapters.broker.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reading Alpaca's JSON: decimals arrive as strings and are parsed exactly into {@link BigDecimal};
 * timestamps are RFC 3339 with any offset and up to nanosecond precision. Anything missing or
 * unreadable is a {@link TransientFailure} naming the request and the field — never the body,
 * which could hold anything.
 */
final class AlpacaJson {

    /** Floats as BigDecimal so a decimal that arrives as a JSON number stays exact too. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("H:mm");

    private AlpacaJson() {
    }

    /** The body as a JSON tree. */
    static JsonNode parse(AlpacaResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw malformed(response.what(), "empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the parser's own message quotes the body: keep only where it broke
            throw malformed(response.what(), "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** The body as a JSON array. */
    static JsonNode array(AlpacaResponse response) {
        JsonNode node = parse(response);
        if (!node.isArray()) {
            throw malformed(response.what(), "expected a JSON array");
        }
        return node;
    }

    /** The body as a JSON object. */
    static JsonNode object(AlpacaResponse response) {
        JsonNode node = parse(response);
        if (!node.isObject()) {
            throw malformed(response.what(), "expected a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value.asText();
    }

    /** The field's text, or {@code null} when absent or null. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** An exact decimal from a string (or, leniently, a JSON number). */
    static BigDecimal decimal(JsonNode node, String field, String what) {
        BigDecimal value = optionalDecimal(node, field, what);
        if (value == null) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value;
    }

    /** An exact decimal, or {@code null} when the field is absent or null. */
    static BigDecimal optionalDecimal(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw malformed(what, "field '" + field + "' is not a decimal");
        }
    }

    static Instant instant(JsonNode node, String field, String what) {
        Instant value = optionalInstant(node, field, what);
        if (value == null) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value;
    }

    /** An RFC 3339 timestamp with any offset, or {@code null} when absent or null. */
    static Instant optionalInstant(JsonNode node, String field, String what) {
        String text = optionalText(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not an RFC 3339 timestamp");
        }
    }

    static LocalDate date(JsonNode node, String field, String what) {
        try {
            return LocalDate.parse(text(node, field, what));
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not a date");
        }
    }

    /** A wall-clock time written {@code 09:30} or {@code 0930}. */
    static LocalTime time(JsonNode node, String field, String what) {
        String text = text(node, field, what);
        String normalized = text.contains(":") ? text : text.length() == 4 ? text.substring(0, 2) + ":" + text.substring(2) : text;
        try {
            return LocalTime.parse(normalized, HOUR_MINUTE);
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not a time of day");
        }
    }

    static TransientFailure malformed(String what, String detail) {
        return new TransientFailure("unusable answer to " + what + ": " + detail);
    }
}
