package io.vixlab.tuner.persistence;

import io.vixlab.contracts.training.TrialState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A trial's state as stored: its name, but {@code FAILED} as Optuna's {@code FAIL}, which tuners
 * stored before the one {@link TrialState}. Their tables keep the check constraint of those four
 * names (schema updates do not change constraints), so a trial is only ever stored in one of them:
 * the loop records a cancelled trial as failed, with the reason, as Optuna does. (Hibernate derives
 * a new table's constraint from this converter, so every state converts.)
 */
@Converter
public class TrialStateColumn implements AttributeConverter<TrialState, String> {

    private static final String FAIL = "FAIL";

    @Override
    public String convertToDatabaseColumn(TrialState state) {
        return state == null ? null : state == TrialState.FAILED ? FAIL : state.name();
    }

    @Override
    public TrialState convertToEntityAttribute(String column) {
        return column == null ? null : FAIL.equals(column) ? TrialState.FAILED : TrialState.valueOf(column);
    }
}
