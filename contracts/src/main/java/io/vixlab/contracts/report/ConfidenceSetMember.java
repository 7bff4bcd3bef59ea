package io.vixlab.contracts.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One forecast of a model confidence set.
 *
 * @param meanLoss         its mean loss over the compared days (VIX points² or VIX points)
 * @param pValue           the MCS p-value: the largest level α at which it stays in the 1-α set
 * @param eliminationOrder the elimination step that removed it, 1 for the first; the forecasts never
 *                         removed share the highest number
 * @param inSet90          in the 90% model confidence set ({@code pValue >= 0.10})
 * @param inSet75          in the 75% model confidence set ({@code pValue >= 0.25})
 */
public record ConfidenceSetMember(
        @NotNull @Size(min = 1) String name,
        @NotNull Kind kind,
        double meanLoss,
        @DecimalMin("0") @DecimalMax("1") double pValue,
        @Min(1) int eliminationOrder,
        boolean inSet90,
        boolean inSet75) {

    /** What the forecast is: a final model, the combination of final models, or a baseline. */
    public enum Kind { ARCHITECTURE, COMBINATION, BASELINE }
}
