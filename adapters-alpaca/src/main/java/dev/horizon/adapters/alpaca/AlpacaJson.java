package dev.horizon.adapters.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reading Alpaca's JSON. The trading API sends decimals as strings, parsed exactly into
 * {@link BigDecimal}; market data sends prices and sizes as JSON numbers, read as {@code double}.
 * Timestamps are RFC 3339 with any offset and up to nanosecond precision. Anything missing or
 * unreadable is a {@link TransientFailure} naming the request and the field — never the body,
 * which could hold anything.
 */
public final class AlpacaJson {

    /**
     * Floats as BigDecimal so a decimal that arrives as a JSON number stays exact too;
     * {@link #number} converts back with correct rounding, so doubles lose nothing either.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("H:mm");

    private AlpacaJson() {
    }

    /** An empty JSON object to build a request body in (the shared mapper stays private to this package). */
    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON tree. */
    public static JsonNode parse(AlpacaResponse response) {
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
    public static JsonNode array(AlpacaResponse response) {
        JsonNode node = parse(response);
        if (!node.isArray()) {
            throw malformed(response.what(), "expected a JSON array");
        }
        return node;
    }

    /** The body as a JSON object. */
    public static JsonNode object(AlpacaResponse response) {
        JsonNode node = parse(response);
        if (!node.isObject()) {
            throw malformed(response.what(), "expected a JSON object");
        }
        return node;
    }

    /** The field's text; missing, null or empty is a failure naming {@code what} and the field. */
    public static String text(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value.asText();
    }

    /** The field's text, or {@code null} when absent or null. */
    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** An exact decimal from a string (or, leniently, a JSON number). */
    public static BigDecimal decimal(JsonNode node, String field, String what) {
        BigDecimal value = optionalDecimal(node, field, what);
        if (value == null) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value;
    }

    /** An exact decimal, or {@code null} when the field is absent or null. */
    public static BigDecimal optionalDecimal(JsonNode node, String field, String what) {
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

    /**
     * A number field as a double; {@code NaN} when absent, null or not a number (market data: the
     * caller counts and drops what it cannot use rather than failing the whole answer).
     */
    public static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    /** An RFC 3339 timestamp with any offset, nanoseconds kept; missing is a failure. */
    public static Instant instant(JsonNode node, String field, String what) {
        Instant value = optionalInstant(node, field, what);
        if (value == null) {
            throw malformed(what, "field '" + field + "' missing");
        }
        return value;
    }

    /** An RFC 3339 timestamp with any offset, or {@code null} when absent or null. */
    public static Instant optionalInstant(JsonNode node, String field, String what) {
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

    /** An ISO date ({@code 2024-01-02}). */
    public static LocalDate date(JsonNode node, String field, String what) {
        try {
            return LocalDate.parse(text(node, field, what));
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not a date");
        }
    }

    /** A wall-clock time written {@code 09:30} or {@code 0930}. */
    public static LocalTime time(JsonNode node, String field, String what) {
        String text = text(node, field, what);
        String normalized = text.contains(":") ? text : text.length() == 4 ? text.substring(0, 2) + ":" + text.substring(2) : text;
        try {
            return LocalTime.parse(normalized, HOUR_MINUTE);
        } catch (DateTimeParseException e) {
            throw malformed(what, "field '" + field + "' is not a time of day");
        }
    }

    /** The failure for an answer to {@code what} that cannot be used: {@code detail} says why, never quoting it. */
    public static TransientFailure malformed(String what, String detail) {
        return new TransientFailure("unusable answer to " + what + ": " + detail);
    }
}
