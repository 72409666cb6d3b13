package dev.horizon.domain.prediction;

/**
 * Everything one model's trackers remember between cycles. A missing part (an older state file)
 * reads as empty.
 *
 * @param standardizer the raw-prediction window (§1.4)
 * @param ic           the matured pairs behind the IC
 * @param stability    the matured predictions behind the stability factor
 * @param ledger       the predictions waiting to mature
 */
public record ModelSnapshot(StandardizerSnapshot standardizer, IcSnapshot ic, StabilitySnapshot stability,
                            LedgerSnapshot ledger) {

    private static final ModelSnapshot EMPTY = new ModelSnapshot(null, null, null, null);

    public ModelSnapshot {
        standardizer = standardizer == null ? StandardizerSnapshot.empty() : standardizer;
        ic = ic == null ? IcSnapshot.empty() : ic;
        stability = stability == null ? StabilitySnapshot.empty() : stability;
        ledger = ledger == null ? LedgerSnapshot.empty() : ledger;
    }

    /** A model with no history. */
    public static ModelSnapshot empty() {
        return EMPTY;
    }
}
