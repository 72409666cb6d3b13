package dev.horizon.adapters.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;

/**
 * An answer from Alpaca that is not a transient failure: a 2xx, or a 4xx other than 429.
 *
 * @param what     the request, e.g. {@code GET /v2/account}, for messages
 * @param code     the HTTP status
 * @param body     the body as received (may be empty)
 * @param redactor removes credentials from any text taken from the body
 */
public record AlpacaResponse(String what, int code, String body, UnaryOperator<String> redactor) {

    private static final int MAX_MESSAGE = 200;

    /** A 2xx answer. */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /**
     * Alpaca's error message ({@code {"code":..., "message":"..."}}), else the start of the body:
     * one line, at most 200 characters, credentials removed. Safe to put in an exception.
     */
    public String message() {
        String text = body == null ? "" : body;
        try {
            JsonNode node = AlpacaJson.MAPPER.readTree(text);
            if (node != null && node.hasNonNull("message")) {
                text = node.get("message").asText();
            }
        } catch (java.io.IOException notJson) {
            // not JSON (a proxy's HTML page, say): the body itself, shortened below
        }
        String line = redactor.apply(text).replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return "no message";
        }
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }

    /** "HTTP 403: insufficient buying power" — for messages. */
    public String describe() {
        return "HTTP " + code + ": " + message();
    }
}
