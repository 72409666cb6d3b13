package dev.horizon.adapters.alpaca;

import okhttp3.mockwebserver.RecordedRequest;

/**
 * One request a fake Alpaca API received and the answer it delivered, for validation against
 * Alpaca's published spec ({@link AlpacaOpenApi}).
 *
 * @param request      the request as received
 * @param requestBody  its body ({@code ""} for none)
 * @param status       the status delivered, {@code null} when no answer was (dropped, no response)
 * @param responseBody the body delivered, {@code null} when no answer was
 * @param malformed    the answer was deliberately broken by a fault: not Alpaca's shape, not validated
 */
public record AlpacaExchange(RecordedRequest request, String requestBody, Integer status, String responseBody,
                             boolean malformed) {

    /** "GET /v2/account" */
    public String describe() {
        return request.getMethod() + " " + request.getRequestUrl().encodedPath();
    }

    /** An error answer (status ≥ 400) that is Alpaca's, not a deliberately broken one. */
    public boolean alpacaError() {
        return status != null && status >= 400 && !malformed;
    }
}
