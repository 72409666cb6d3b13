package dev.horizon.adapters.broker.alpaca;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One trading day of Alpaca's calendar ({@code GET /v2/calendar}), New York time. Early closes
 * show as a {@code close} before 16:00.
 */
public record AlpacaSession(LocalDate date, LocalTime open, LocalTime close) {
    public AlpacaSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
    }
}
