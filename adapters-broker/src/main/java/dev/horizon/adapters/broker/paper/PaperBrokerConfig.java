package dev.horizon.adapters.broker.paper;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link PaperBroker} simulates its account and market.
 *
 * @param initialCash         cash of a new account; ignored when the store file already exists
 *                            (the file is the account)
 * @param feeBps              fee in basis points of each order's notional
 * @param minFee              minimum fee per order (not per fill), zero for none
 * @param slippageBps         price concession against the trader on every fill, in basis points of
 *                            the quote (buys pay more than the ask, sells get less than the bid)
 * @param allowShort          whether a sell may take the position below zero
 * @param partialFillFraction {@code null} to fill each order completely at its first step; else
 *                            the fraction, in (0, 1], of the displayed size (ask size for buys,
 *                            bid size for sells) an order may take per step
 * @param storePath           the account file, or {@code null} for an in-memory account that dies
 *                            with the process
 */
public record PaperBrokerConfig(BigDecimal initialCash, BigDecimal feeBps, BigDecimal minFee,
                                BigDecimal slippageBps, boolean allowShort,
                                BigDecimal partialFillFraction, Path storePath) {

    public PaperBrokerConfig {
        requireNonNegative(initialCash, "initial_cash");
        requireNonNegative(feeBps, "fee_bps");
        requireNonNegative(minFee, "min_fee");
        requireNonNegative(slippageBps, "slippage_bps");
        if (partialFillFraction != null
                && (partialFillFraction.signum() <= 0 || partialFillFraction.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("paper broker partial_fill_fraction must be in (0, 1], was "
                    + partialFillFraction.toPlainString());
        }
    }

    /** A frictionless in-memory cash account: no fees, no slippage, no shorting, complete fills. */
    public static PaperBrokerConfig of(BigDecimal initialCash) {
        return new PaperBrokerConfig(initialCash, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false,
                null, null);
    }

    /** This configuration with {@code feeBps} of notional and a per-order minimum of {@code minFee}. */
    public PaperBrokerConfig withFees(BigDecimal feeBps, BigDecimal minFee) {
        return new PaperBrokerConfig(initialCash, feeBps, minFee, slippageBps, allowShort, partialFillFraction, storePath);
    }

    /** This configuration with {@code slippageBps} against the trader. */
    public PaperBrokerConfig withSlippageBps(BigDecimal slippageBps) {
        return new PaperBrokerConfig(initialCash, feeBps, minFee, slippageBps, allowShort, partialFillFraction, storePath);
    }

    /** This configuration with short selling allowed or not. */
    public PaperBrokerConfig withShortSelling(boolean allowed) {
        return new PaperBrokerConfig(initialCash, feeBps, minFee, slippageBps, allowed, partialFillFraction, storePath);
    }

    /** This configuration filling at most {@code fraction} of the displayed size per step. */
    public PaperBrokerConfig withPartialFills(BigDecimal fraction) {
        return new PaperBrokerConfig(initialCash, feeBps, minFee, slippageBps, allowShort, fraction, storePath);
    }

    /** This configuration persisting the account to {@code file}. */
    public PaperBrokerConfig withStore(Path file) {
        return new PaperBrokerConfig(initialCash, feeBps, minFee, slippageBps, allowShort, partialFillFraction,
                Objects.requireNonNull(file, "file"));
    }

    /** The account file, if the account is persisted. */
    public Optional<Path> store() {
        return Optional.ofNullable(storePath);
    }

    private static void requireNonNegative(BigDecimal value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("paper broker " + key + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("paper broker " + key + " must be >= 0, was " + value.toPlainString());
        }
    }
}
