package dev.horizon.bootstrap.report;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Fill;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Round trips rebuilt from fills with FIFO lots per symbol.
 *
 * <p>A fill in the direction of the symbol's open position (or on a flat book) opens a lot: its
 * quantity, price, its share of the fill's fee, and the horizon of the decision that placed it.
 * A fill against the position closes the oldest lots first; each closed quantity realises
 * {@code (exit − entry) × quantity × direction} less the entry fee share of that quantity and the
 * exit fee share of that quantity (fees are split pro rata to quantity). What is left of a fill
 * that closes every lot opens a lot the other way. A lot is a <em>round trip</em> once it is
 * entirely closed; its P&amp;L is the sum over its closes, net of both fees.
 */
public final class RoundTrips {

    /** Precision of the pro-rata fee splits; the fills themselves are exact. */
    private static final MathContext SPLIT = MathContext.DECIMAL128;

    /**
     * One closed lot.
     *
     * @param direction  +1 long, −1 short
     * @param horizon    the horizon of the decision that opened it, {@code null} if none
     * @param quantity   shares opened (and closed)
     * @param entryPrice the opening fill's price
     * @param pnl        realised P&amp;L over its closes, net of the entry and exit fees
     */
    public record RoundTrip(Symbol symbol, int direction, Horizon horizon, Instant opened, Instant closed,
                            BigDecimal quantity, BigDecimal entryPrice, BigDecimal pnl) {
        public RoundTrip {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(pnl, "pnl");
        }

        /** The horizon's label, or {@value AttributedFill#NO_HORIZON}. */
        public String horizonLabel() {
            return horizon == null ? AttributedFill.NO_HORIZON : horizon.label();
        }
    }

    /**
     * P&amp;L realised by the lots one horizon opened.
     *
     * @param opened   lots opened (opening fills, or the opening part of a fill that reversed the position)
     * @param closed   of those, lots entirely closed: round trips
     * @param wins     round trips with a positive P&amp;L
     * @param realised P&amp;L of every closed quantity, round trips and partly closed lots alike
     */
    public record HorizonPnl(Horizon horizon, int opened, int closed, int wins, BigDecimal realised) {
        /** The horizon's label, or {@value AttributedFill#NO_HORIZON}. */
        public String label() {
            return horizon == null ? AttributedFill.NO_HORIZON : horizon.label();
        }

        /** wins / closed, {@code NaN} without round trips. */
        public double hitRate() {
            return closed == 0 ? Double.NaN : (double) wins / closed;
        }
    }

    /**
     * The reconstruction.
     *
     * @param closed   every round trip, in the order they closed
     * @param horizons per opening horizon, ascending (lots without a horizon last)
     * @param realised P&amp;L of every closed quantity
     * @param openLots lots still (partly) open at the end
     */
    public record Result(List<RoundTrip> closed, List<HorizonPnl> horizons, BigDecimal realised, int openLots) {
        public Result {
            closed = List.copyOf(closed);
            horizons = List.copyOf(horizons);
        }
    }

    private static final class Lot {
        final int direction;
        final Horizon horizon;
        final Instant opened;
        final BigDecimal quantity;
        final BigDecimal price;
        BigDecimal remaining;
        BigDecimal feeLeft;
        BigDecimal pnl = BigDecimal.ZERO;

        Lot(int direction, Horizon horizon, Instant opened, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
            this.direction = direction;
            this.horizon = horizon;
            this.opened = opened;
            this.quantity = quantity;
            this.remaining = quantity;
            this.price = price;
            this.feeLeft = fee;
        }
    }

    private static final class Tally {
        int opened;
        int closed;
        int wins;
        BigDecimal realised = BigDecimal.ZERO;
    }

    private RoundTrips() {
    }

    /** Rebuilds the round trips of {@code fills}, taken in list order. */
    public static Result of(List<AttributedFill> fills) {
        Map<Symbol, Deque<Lot>> books = new HashMap<>();
        Map<Horizon, Tally> tallies = new HashMap<>();
        List<RoundTrip> closed = new ArrayList<>();
        BigDecimal realised = BigDecimal.ZERO;
        for (AttributedFill af : fills) {
            Fill f = af.fill();
            int direction = f.side().sign();
            Deque<Lot> book = books.computeIfAbsent(f.symbol(), s -> new ArrayDeque<>());
            BigDecimal left = f.quantity();
            while (left.signum() > 0 && !book.isEmpty() && book.peekFirst().direction != direction) {
                Lot lot = book.peekFirst();
                BigDecimal take = left.min(lot.remaining);
                BigDecimal exitFee = share(f.fee(), take, f.quantity());
                BigDecimal entryFee = share(lot.feeLeft, take, lot.remaining);
                BigDecimal pnl = f.price().subtract(lot.price).multiply(take)
                        .multiply(BigDecimal.valueOf(lot.direction)).subtract(entryFee).subtract(exitFee);
                lot.pnl = lot.pnl.add(pnl);
                lot.remaining = lot.remaining.subtract(take);
                lot.feeLeft = lot.feeLeft.subtract(entryFee);
                left = left.subtract(take);
                realised = realised.add(pnl);
                Tally tally = tallies.computeIfAbsent(lot.horizon, h -> new Tally());
                tally.realised = tally.realised.add(pnl);
                if (lot.remaining.signum() == 0) {
                    book.removeFirst();
                    tally.closed++;
                    if (lot.pnl.signum() > 0) {
                        tally.wins++;
                    }
                    closed.add(new RoundTrip(f.symbol(), lot.direction, lot.horizon, lot.opened, f.time(), lot.quantity,
                            lot.price, lot.pnl));
                }
            }
            if (left.signum() > 0) {
                book.addLast(new Lot(direction, af.horizon(), f.time(), left, f.price(), share(f.fee(), left, f.quantity())));
                tallies.computeIfAbsent(af.horizon(), h -> new Tally()).opened++;
            }
        }
        List<HorizonPnl> horizons = new ArrayList<>();
        tallies.forEach((h, t) -> horizons.add(new HorizonPnl(h, t.opened, t.closed, t.wins, t.realised)));
        horizons.sort((a, b) -> a.horizon() == null ? (b.horizon() == null ? 0 : 1)
                : b.horizon() == null ? -1 : a.horizon().compareTo(b.horizon()));
        int open = books.values().stream().mapToInt(Deque::size).sum();
        return new Result(closed, horizons, realised, open);
    }

    /** {@code amount × part / whole}: all of it when the part is the whole, so nothing is lost to rounding. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        if (part.compareTo(whole) == 0) {
            return amount;
        }
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.multiply(part).divide(whole, SPLIT);
    }
}
